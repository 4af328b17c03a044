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
  /** Java constants for the known string values: a list of {@code {name, value, literal}}, read by templates. */
  public static final String CONSTANTS = "x-known-constants";

  @Override
  public int apply(Map<String, Object> spec) {
    int[] changes = {0};
    Schemas.forEach(spec, schema -> {
      Object values = schema.get("enum");
      if (values instanceof List<?> list) {
        schema.remove("enum");
        // distinct: the known values become a Set.of(...) in the models, which refuses duplicates
        List<Object> known = new ArrayList<>(new java.util.LinkedHashSet<>(list));
        known.removeIf(v -> v == null);
        schema.put(KNOWN_VALUES, known);
        if ("string".equals(schema.get("type"))) {
          schema.put(CONSTANTS, constants(known, ""));
        }
        String line = "Known values: " + known.stream().map(v -> "`" + v + "`").collect(Collectors.joining(", "))
            + " (Zendesk may add more; any value sent is kept as is).";
        Object description = schema.get("description");
        schema.put("description", description == null ? line : description.toString().stripTrailing() + "\n\n" + line);
        changes[0]++;
      }
    });
    return changes[0];
  }

  /**
   * Java constants for known string values: {@code -created_at} → {@code MINUS_CREATED_AT}, each with its value and
   * a Java string literal; names made unique with a number.
   *
   * @param known the values
   * @param prefix prepended with an underscore to each name (e.g. a parameter's name), or empty
   * @return a list of {@code {name, value, literal}}
   */
  public static List<Object> constants(List<Object> known, String prefix) {
    List<Object> constants = new ArrayList<>();
    java.util.Set<String> used = new java.util.HashSet<>();
    for (Object value : known) {
      String v = String.valueOf(value);
      String name = (prefix.isEmpty() ? "" : prefix + "_") + (v.startsWith("-") ? "MINUS_" : "") + constantName(v);
      String unique = name;
      for (int i = 2; !used.add(unique); i++) {
        unique = name + "_" + i;
      }
      constants.add(io.zenapi.zendesk.specbuild.Tree.of("name", unique, "value", v, "literal",
          "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\""));
    }
    return constants;
  }

  /** {@code sort_by}, {@code requester.name}, {@code fooBar} → {@code SORT_BY}, {@code REQUESTER_NAME}, {@code FOO_BAR}. */
  public static String constantName(String text) {
    String s = text.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT)
        .replaceAll("[^A-Z0-9]+", "_").replaceAll("^_+|_+$", "");
    return s.isEmpty() || Character.isDigit(s.charAt(0)) ? "V" + s : s;
  }
}
