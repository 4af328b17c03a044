package io.zenapi.zendesk.specbuild.rules;

import static io.zenapi.zendesk.specbuild.TestSpecs.assertTree;
import static io.zenapi.zendesk.specbuild.TestSpecs.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

// DescriptionsReadAsJavadoc: Markdown in documentation becomes plain text with absolute links; data is left alone.
class DescriptionsReadAsJavadocTest {
  private final DescriptionsReadAsJavadoc rule = new DescriptionsReadAsJavadoc();

  @Test
  void linksBecomeAbsoluteAndMarksAreDroppedInDescriptionsAndSummariesOnly() {
    Map<String, Object> spec = yaml("""
        paths:
          /api/v2/locales:
            get:
              summary: "List **active** locales"
              description: "## Allowed for\\n\\nSee [Locales](/api-reference/ticketing/locales/#list) and [RFC](https://www.rfc-editor.org/rfc/rfc5646), or [below](#notes); use `locale_id`.\\n\\nSee [job\\nstatus](/api-reference/jobs/).\\n\\n```js\\n{\\\"a\\\": 1}\\n```"
              responses:
                "200":
                  content:
                    application/json:
                      examples:
                        default:
                          summary: "A `locale`"
                          value: {description: "[kept](/as/is) `as data`"}
        components:
          schemas:
            Locale:
              type: object
              example: {description: "**not documentation**"}
              properties:
                description: {type: string, description: "The `name`", default: "`x`", enum: ["`y`"]}
        """);

    assertEquals(4, rule.apply(spec));

    assertTree("""
        paths:
          /api/v2/locales:
            get:
              summary: "List active locales"
              description: "Allowed for\\n\\nSee Locales (https://developer.zendesk.com/api-reference/ticketing/locales/#list) and RFC (https://www.rfc-editor.org/rfc/rfc5646), or below; use locale_id.\\n\\nSee job\\nstatus (https://developer.zendesk.com/api-reference/jobs/).\\n\\n\\n{\\\"a\\\": 1}\\n"
              responses:
                "200":
                  content:
                    application/json:
                      examples:
                        default:
                          summary: "A locale"
                          value: {description: "[kept](/as/is) `as data`"}
        components:
          schemas:
            Locale:
              type: object
              example: {description: "**not documentation**"}
              properties:
                description: {type: string, description: "The name", default: "`x`", enum: ["`y`"]}
        """, spec);
    assertEquals(0, rule.apply(spec), "a second run changes nothing");
  }
}
