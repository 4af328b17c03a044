package io.zenapi.zendesk.specbuild.rules;

import static io.zenapi.zendesk.specbuild.TestSpecs.assertTree;
import static io.zenapi.zendesk.specbuild.TestSpecs.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

// ReadableModelNames: titles where the generator would write 200Response, AllOf or RequestRequest; nothing else.
class ReadableModelNamesTest {
  private final ReadableModelNames rule = new ReadableModelNames();

  @Test
  void responsesBodiesAndCompositionMembersGetTitlesAndRequestRequestIsRenamed() {
    Map<String, Object> spec = yaml("""
        paths:
          /api/v2/requests:
            post:
              operationId: CreateRequest
              requestBody:
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/CreateRequestRequest'}
              responses:
                '201':
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          count: {type: integer}
                '400':
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          error: {type: string}
        components:
          schemas:
            CreateRequestRequest:
              type: object
              properties:
                request:
                  allOf:
                  - $ref: '#/components/schemas/Request'
                  - type: object
                    properties:
                      requester:
                        type: object
                        properties:
                          name: {type: string}
            Request:
              type: object
              properties:
                via:
                  type: object
                  properties:
                    channel: {type: string}
        """);

    assertEquals(4, rule.apply(spec));

    assertTree("""
        paths:
          /api/v2/requests:
            post:
              operationId: CreateRequest
              requestBody:
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/CreateRequestBody'}
              responses:
                '201':
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          count: {type: integer}
                        title: CreateRequestResponse
                '400':
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          error: {type: string}
                        title: CreateRequestError400
        components:
          schemas:
            CreateRequestBody:
              type: object
              properties:
                request:
                  allOf:
                  - $ref: '#/components/schemas/Request'
                  - type: object
                    properties:
                      requester:
                        type: object
                        properties:
                          name: {type: string}
                        title: CreateRequestBodyRequestRequester
            Request:
              type: object
              properties:
                via:
                  type: object
                  properties:
                    channel: {type: string}
        """, spec);
    assertEquals(0, rule.apply(spec), "a second run changes nothing");
  }
}
