package io.zenapi.zendesk.specbuild.rules;

import java.util.Map;

/**
 * Every integer is 64-bit. Zendesk ids are 64-bit, yet about 540 integers have no format (29 use an invented
 * {@code bigid}) and were generated as 32-bit {@code Integer}: Gson throws on the 96 example ids above 2^31.
 * Counts and sizes lose nothing by being {@code Long} too, and one rule is simpler than guessing which
 * integer is an id. (Integer enums are opened by {@link OpenEnums}, so none breaks on the change.)
 */
public final class IntegersAre64Bit implements NormalisationRule {
  @Override
  public int apply(Map<String, Object> spec) {
    int[] changes = {0};
    Schemas.forEach(spec, schema -> {
      if ("integer".equals(schema.get("type")) && !"int64".equals(schema.get("format"))) {
        schema.put("format", "int64");
        changes[0]++;
      }
    });
    return changes[0];
  }
}
