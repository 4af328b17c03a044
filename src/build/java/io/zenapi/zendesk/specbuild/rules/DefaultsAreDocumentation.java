package io.zenapi.zendesk.specbuild.rules;

import io.zenapi.zendesk.specbuild.Tree;
import java.util.Map;

/**
 * A model field's {@code default} becomes a line of its documentation. The generator initialises such a field to
 * its default, so a model the caller built, or read from a response that left the field out, sent the default back
 * though nobody set it: a PUT could change what the caller never touched. Zendesk applies its defaults itself.
 */
public final class DefaultsAreDocumentation implements NormalisationRule {
  @Override
  public int apply(Map<String, Object> spec) {
    int[] changes = {0};
    Schemas.forEach(spec, schema -> {
      Map<String, Object> properties = Tree.map(schema, "properties");
      if (properties == null) {
        return;
      }
      for (Object p : properties.values()) {
        Map<String, Object> property = Tree.asMap(p);
        if (property != null && property.containsKey("default")) {
          Object value = property.remove("default");
          String line = "Zendesk's default: `" + value + "` (applied by Zendesk when the field is not sent).";
          Object description = property.get("description");
          property.put("description", description == null ? line : description.toString().stripTrailing() + "\n\n"
              + line);
          changes[0]++;
        }
      }
    });
    return changes[0];
  }
}
