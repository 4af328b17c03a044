package io.zenapi.zendesk.specbuild.rules;

import static io.zenapi.zendesk.specbuild.TestSpecs.assertTree;
import static io.zenapi.zendesk.specbuild.TestSpecs.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

// IdsAreIntegers: ids typed as numbers (BigDecimal in Java) become integers; other numbers stay.
class IdsAreIntegersTest {
  private final IdsAreIntegers rule = new IdsAreIntegers();

  @Test
  void numberIdsBecomeIntegersAndOtherNumbersStay() {
    Map<String, Object> spec = yaml("""
        paths:
          /api/v2/suspended_tickets/{id}/recover:
            put:
              operationId: RecoverSuspendedTicket
              parameters:
              - {name: id, in: path, required: true, schema: {type: number}}
        components:
          schemas:
            Workspace:
              type: object
              properties:
                ticket_form_id: {type: number}
                satisfaction_probability: {type: number}
                id: {type: integer}
        """);

    assertEquals(2, rule.apply(spec));

    assertTree("""
        paths:
          /api/v2/suspended_tickets/{id}/recover:
            put:
              operationId: RecoverSuspendedTicket
              parameters:
              - {name: id, in: path, required: true, schema: {type: integer}}
        components:
          schemas:
            Workspace:
              type: object
              properties:
                ticket_form_id: {type: integer}
                satisfaction_probability: {type: number}
                id: {type: integer}
        """, spec);
    assertEquals(0, rule.apply(spec), "a second run changes nothing");
  }
}
