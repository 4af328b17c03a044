package io.zenapi.zendesk.specbuild.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Enums are open: the values become documentation ({@code x-known-values} and a line in the description) and
 * the field is a plain {@code String} (or number). A generated Java enum throws on any value Zendesk adds later,
 * and the generator's "unknown default" case loses the value the server sent; an open string keeps it readable.
 */
public final class OpenEnums implements NormalisationRule {
  /** Where the known values are kept for readers of the merged spec (and the mock server). */
  public static final String KNOWN_VALUES = "x-known-values";

  @Override
  public int apply(Map<String, Object> spec) {
    int[] changes = {0};
    Schemas.forEach(spec, schema -> {
      Object values = schema.get("enum");
      if (values instanceof List<?> list) {
        schema.remove("enum");
        List<Object> known = new ArrayList<>(list);
        known.removeIf(v -> v == null);
        schema.put(KNOWN_VALUES, known);
        String line = "Known values: " + known.stream().map(v -> "`" + v + "`").collect(Collectors.joining(", "))
            + " (Zendesk may add more; any value sent is kept as is).";
        Object description = schema.get("description");
        schema.put("description", description == null ? line : description.toString().stripTrailing() + "\n\n" + line);
        changes[0]++;
      }
    });
    return changes[0];
  }
}
