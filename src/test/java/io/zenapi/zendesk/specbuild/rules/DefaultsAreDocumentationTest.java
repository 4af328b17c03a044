package io.zenapi.zendesk.specbuild.rules;

import static io.zenapi.zendesk.specbuild.TestSpecs.assertTree;
import static io.zenapi.zendesk.specbuild.TestSpecs.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

// DefaultsAreDocumentation: a property's default moves into its description, so no model field starts with a value.
class DefaultsAreDocumentationTest {
  private final DefaultsAreDocumentation rule = new DefaultsAreDocumentation();

  @Test
  void aPropertyDefaultBecomesALineOfItsDescription() {
    Map<String, Object> spec = yaml("""
        components:
          schemas:
            Password:
              type: object
              properties:
                is_available: {type: boolean, default: true, description: Whether passwords are allowed.}
                min_length: {type: integer, default: 5}
                name: {type: string}
        """);

    assertEquals(2, rule.apply(spec));

    assertTree("""
        components:
          schemas:
            Password:
              type: object
              properties:
                is_available:
                  type: boolean
                  description: "Whether passwords are allowed.\\n\\nZendesk's default: `true` (applied by Zendesk when the field is not sent)."
                min_length:
                  type: integer
                  description: "Zendesk's default: `5` (applied by Zendesk when the field is not sent)."
                name: {type: string}
        """, spec);
    assertEquals(0, rule.apply(spec), "a second run changes nothing");
  }
}
