package io.zenapi.zendesk.specbuild.rules;

import static io.zenapi.zendesk.specbuild.TestSpecs.assertTree;
import static io.zenapi.zendesk.specbuild.TestSpecs.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

// EmptyResponsesHaveNoBody: a 2xx documented as an empty JSON string has no body (Call<Void>); real strings stay.
class EmptyResponsesHaveNoBodyTest {
  private final EmptyResponsesHaveNoBody rule = new EmptyResponsesHaveNoBody();

  @Test
  void anEmptyStringSuccessLosesItsContentAndOtherResponsesStay() {
    Map<String, Object> spec = yaml("""
        paths:
          /api/v2/ticket_fields/reorder:
            put:
              operationId: ReorderTicketFields
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {type: string, description: Empty response, example: ''}
                '400':
                  description: bad
                  content:
                    application/json:
                      schema: {type: string, example: ''}
          /api/v2/locales/detect_best_locale:
            get:
              operationId: DetectBestLocale
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {type: string, example: en-US}
        """);

    assertEquals(1, rule.apply(spec));

    assertTree("""
        paths:
          /api/v2/ticket_fields/reorder:
            put:
              operationId: ReorderTicketFields
              responses:
                '200':
                  description: ok
                '400':
                  description: bad
                  content:
                    application/json:
                      schema: {type: string, example: ''}
          /api/v2/locales/detect_best_locale:
            get:
              operationId: DetectBestLocale
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {type: string, example: en-US}
        """, spec);
    assertEquals(0, rule.apply(spec), "a second run changes nothing");
  }
}
