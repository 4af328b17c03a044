package io.zenapi.zendesk.specbuild.rules;

import static io.zenapi.zendesk.specbuild.TestSpecs.assertTree;
import static io.zenapi.zendesk.specbuild.TestSpecs.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

// PropertiesWinOverAdditionalProperties: declared properties drop additionalProperties; pure maps are kept.
class PropertiesWinOverAdditionalPropertiesTest {
  private final PropertiesWinOverAdditionalProperties rule = new PropertiesWinOverAdditionalProperties();

  @Test
  void dropsAdditionalPropertiesBesideDeclaredProperties() {
    Map<String, Object> spec = yaml("""
        paths:
          /api/v2/tickets:
            get:
              operationId: ListTickets
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: array
                        items:
                          type: object
                          additionalProperties: true
                          properties:
                            id: {type: integer}
        components:
          schemas:
            Ticket:
              type: object
              properties:
                id: {type: integer}
                custom_fields:
                  type: object
                  additionalProperties: {type: string}
              additionalProperties: {type: string}
            Closed:
              type: object
              properties:
                id: {type: integer}
              additionalProperties: false
            EmptyProperties:
              type: object
              properties: {}
              additionalProperties: true
        """);

    assertEquals(3, rule.apply(spec));

    assertTree("""
        paths:
          /api/v2/tickets:
            get:
              operationId: ListTickets
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: array
                        items:
                          type: object
                          properties:
                            id: {type: integer}
        components:
          schemas:
            Ticket:
              type: object
              properties:
                id: {type: integer}
                custom_fields:
                  type: object
                  additionalProperties: {type: string}
            Closed:
              type: object
              properties:
                id: {type: integer}
            EmptyProperties:
              type: object
              properties: {}
              additionalProperties: true
        """, spec);
    assertEquals(0, rule.apply(spec));
  }
}
