package io.zenapi.zendesk.specbuild.rules;

import static io.zenapi.zendesk.specbuild.TestSpecs.assertTree;
import static io.zenapi.zendesk.specbuild.TestSpecs.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

// JsonOnlyRequestBodies: a body offered as JSON and something else keeps only JSON; non-JSON-only bodies stay.
class JsonOnlyRequestBodiesTest {
  private final JsonOnlyRequestBodies rule = new JsonOnlyRequestBodies();

  @Test
  void dropsEveryNonJsonAlternativeOfAJsonBody() {
    Map<String, Object> spec = yaml("""
        paths:
          /api/v2/tickets:
            post:
              operationId: CreateTicket
              requestBody:
                required: true
                content:
                  multipart/form-data:
                    schema: {$ref: '#/components/schemas/TicketForm'}
                  application/json:
                    schema: {$ref: '#/components/schemas/TicketRequest'}
                  application/x-www-form-urlencoded:
                    schema: {type: object}
          /api/v2/requests:
            put:
              operationId: UpdateRequest
              requestBody:
                content:
                  application/json:
                    schema: {type: object}
                  multipart/form-data:
                    schema: {type: object}
          /api/v2/uploads:
            post:
              operationId: UploadFiles
              requestBody:
                content:
                  application/binary:
                    schema: {type: string, format: binary}
          /api/v2/forms:
            post:
              operationId: PostForm
              requestBody:
                content:
                  multipart/form-data:
                    schema: {type: object}
          /api/v2/users:
            put:
              operationId: UpdateUser
              requestBody:
                content:
                  application/json:
                    schema: {type: object}
            get:
              operationId: ListUsers
        """);

    assertEquals(2, rule.apply(spec));

    assertTree("""
        paths:
          /api/v2/tickets:
            post:
              operationId: CreateTicket
              requestBody:
                required: true
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/TicketRequest'}
          /api/v2/requests:
            put:
              operationId: UpdateRequest
              requestBody:
                content:
                  application/json:
                    schema: {type: object}
          /api/v2/uploads:
            post:
              operationId: UploadFiles
              requestBody:
                content:
                  application/binary:
                    schema: {type: string, format: binary}
          /api/v2/forms:
            post:
              operationId: PostForm
              requestBody:
                content:
                  multipart/form-data:
                    schema: {type: object}
          /api/v2/users:
            put:
              operationId: UpdateUser
              requestBody:
                content:
                  application/json:
                    schema: {type: object}
            get:
              operationId: ListUsers
        """, spec);
    assertEquals(0, rule.apply(spec));
  }
}
