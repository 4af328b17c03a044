package io.zenapi.zendesk.specbuild.rules;

import static io.zenapi.zendesk.specbuild.TestSpecs.assertTree;
import static io.zenapi.zendesk.specbuild.TestSpecs.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

// ModelsAreZendeskModels: every object schema, inline ones too, implements ZendeskModel; other schemas do not.
class ModelsAreZendeskModelsTest {
  private final ModelsAreZendeskModels rule = new ModelsAreZendeskModels();

  @Test
  void everyObjectSchemaImplementsTheInterface() {
    Map<String, Object> spec = yaml("""
        components:
          schemas:
            Ticket:
              type: object
              properties:
                id: {type: integer}
                via:
                  properties:
                    channel: {type: string}
            Tags:
              type: array
              items: {type: string}
        """);

    assertEquals(2, rule.apply(spec));

    assertTree("""
        components:
          schemas:
            Ticket:
              type: object
              properties:
                id: {type: integer}
                via:
                  properties:
                    channel: {type: string}
                  x-implements: [io.zenapi.zendesk.ZendeskModel]
              x-implements: [io.zenapi.zendesk.ZendeskModel]
            Tags:
              type: array
              items: {type: string}
        """, spec);
    assertEquals(0, rule.apply(spec), "a second run changes nothing");
  }
}
