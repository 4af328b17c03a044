package io.zenapi.zendesk.specbuild.rules;

import static io.zenapi.zendesk.specbuild.TestSpecs.assertTree;
import static io.zenapi.zendesk.specbuild.TestSpecs.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

// IntegersAre64Bit: every integer schema, wherever it sits, gets format int64; example payloads are left alone.
class IntegersAre64BitTest {
  private final IntegersAre64Bit rule = new IntegersAre64Bit();

  @Test
  void widensEveryIntegerSchema() {
    Map<String, Object> spec = yaml("""
        paths:
          /api/v2/tickets/{ticket_id}:
            parameters:
            - {name: ticket_id, in: path, required: true, schema: {type: integer}}
            put:
              operationId: UpdateTicket
              parameters:
              - {name: version, in: query, schema: {type: integer, format: int32}}
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        ids:
                          type: array
                          items: {type: integer, format: bigid}
              responses:
                '200':
                  description: ok
                  headers:
                    X-Rate-Limit: {schema: {type: integer}}
                  content:
                    application/json:
                      schema:
                        type: object
                        additionalProperties: {type: integer}
        components:
          schemas:
            Ticket:
              type: object
              example: {type: integer}
              properties:
                id: {type: integer, format: int64}
                size: {type: number}
                group_id:
                  allOf:
                  - {type: integer}
          parameters:
            PerPage: {name: per_page, in: query, schema: {type: integer}}
          headers:
            Retry-After: {schema: {type: integer}}
        """);

    assertEquals(8, rule.apply(spec));

    assertTree("""
        paths:
          /api/v2/tickets/{ticket_id}:
            parameters:
            - {name: ticket_id, in: path, required: true, schema: {type: integer, format: int64}}
            put:
              operationId: UpdateTicket
              parameters:
              - {name: version, in: query, schema: {type: integer, format: int64}}
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        ids:
                          type: array
                          items: {type: integer, format: int64}
              responses:
                '200':
                  description: ok
                  headers:
                    X-Rate-Limit: {schema: {type: integer, format: int64}}
                  content:
                    application/json:
                      schema:
                        type: object
                        additionalProperties: {type: integer, format: int64}
        components:
          schemas:
            Ticket:
              type: object
              example: {type: integer}
              properties:
                id: {type: integer, format: int64}
                size: {type: number}
                group_id:
                  allOf:
                  - {type: integer, format: int64}
          parameters:
            PerPage: {name: per_page, in: query, schema: {type: integer, format: int64}}
          headers:
            Retry-After: {schema: {type: integer, format: int64}}
        """, spec);
    assertEquals(0, rule.apply(spec));
  }
}
