package io.zenapi.zendesk.specbuild.rules;

import java.util.Map;

/**
 * A schema with declared properties (its own or through {@code allOf}) drops {@code additionalProperties}. With both,
 * the generator makes the model extend {@code HashMap}: Gson then fills the map and every typed getter returns null.
 * Schemas with only {@code additionalProperties} (true maps, such as custom field values by key) are left alone.
 */
public final class PropertiesWinOverAdditionalProperties implements NormalisationRule {
  @Override
  public int apply(Map<String, Object> spec) {
    int[] changes = {0};
    Schemas.forEach(spec, schema -> {
      Object props = schema.get("properties");
      boolean declared = props instanceof Map<?, ?> m && !m.isEmpty() || schema.get("allOf") instanceof java.util.List;
      if (declared && schema.containsKey("additionalProperties")) {
        schema.remove("additionalProperties");
        changes[0]++;
      }
    });
    return changes[0];
  }
}
