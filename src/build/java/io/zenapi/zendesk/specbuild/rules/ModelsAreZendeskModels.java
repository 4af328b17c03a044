package io.zenapi.zendesk.specbuild.rules;

import java.util.List;
import java.util.Map;

/**
 * Every object schema becomes a model that implements {@code io.zenapi.zendesk.ZendeskModel} ({@value #MARK}, read
 * by the generator's pojo template), whose state the project's {@code additional_properties} template partial
 * declares: the JSON members the model has no field for and the fields that are explicitly null. Without it Gson
 * drops every member the spec does not declare, and a field cannot be sent as {@code null}.
 */
public final class ModelsAreZendeskModels implements NormalisationRule {
  /** The generator's vendor extension for the interfaces a model implements. */
  public static final String MARK = "x-implements";
  /** The interface. */
  public static final String INTERFACE = "io.zenapi.zendesk.ZendeskModel";

  @Override
  public int apply(Map<String, Object> spec) {
    int[] changes = {0};
    Schemas.forEach(spec, schema -> {
      boolean object = "object".equals(schema.get("type")) || schema.containsKey("properties")
          || schema.containsKey("allOf");
      if (object && !List.of(INTERFACE).equals(schema.get(MARK))) {
        schema.put(MARK, List.of(INTERFACE));
        changes[0]++;
      }
    });
    return changes[0];
  }
}
