package io.zenapi.zendesk.specbuild.rules;

import io.zenapi.zendesk.specbuild.Tree;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every object schema becomes a model that implements {@code io.zenapi.zendesk.ZendeskModel} ({@value #MARK}, read
 * by the generator's pojo template), whose state the project's {@code additional_properties} template partial
 * declares: the JSON members the model has no field for and the fields that are explicitly null. Without it Gson
 * drops every member the spec does not declare, and a field cannot be sent as {@code null}. The members of a
 * {@code oneOf} that names a hand-written interface ({@value #UNION_INTERFACE}, e.g. the search result union)
 * implement that interface too.
 */
public final class ModelsAreZendeskModels implements NormalisationRule {
  /** The generator's vendor extension for the interfaces a model implements. */
  public static final String MARK = "x-implements";
  /** The interface. */
  public static final String INTERFACE = "io.zenapi.zendesk.ZendeskModel";

  /** On a {@code oneOf} schema mapped to a hand-written interface: the interface its member models implement. */
  public static final String UNION_INTERFACE = "x-java-interface";

  @Override
  public int apply(Map<String, Object> spec) {
    Map<Map<String, Object>, List<String>> extra = unionInterfaces(spec);
    int[] changes = {0};
    Schemas.forEach(spec, schema -> {
      boolean object = "object".equals(schema.get("type")) || schema.containsKey("properties")
          || schema.containsKey("allOf");
      if (object) {
        List<String> wanted = new ArrayList<>(List.of(INTERFACE));
        wanted.addAll(extra.getOrDefault(schema, List.of()));
        if (!wanted.equals(schema.get(MARK))) {
          schema.put(MARK, wanted);
          changes[0]++;
        }
      }
    });
    return changes[0];
  }

  /** Component schema (by identity) → the union interfaces it is a {@code oneOf} member of. */
  private static Map<Map<String, Object>, List<String>> unionInterfaces(Map<String, Object> spec) {
    Map<Map<String, Object>, List<String>> out = new IdentityHashMap<>();
    Map<String, Object> schemas = Tree.map(Tree.map(spec, "components"), "schemas");
    if (schemas == null) {
      return out;
    }
    for (Object s : schemas.values()) {
      Map<String, Object> union = Tree.asMap(s);
      String iface = Tree.string(union, UNION_INTERFACE);
      List<Object> members = Tree.list(union, "oneOf");
      if (iface == null || members == null) {
        continue;
      }
      for (Object m : members) {
        String ref = Tree.string(Tree.asMap(m), "$ref");
        Map<String, Object> target = ref == null ? null
            : Tree.map(schemas, ref.substring(ref.lastIndexOf('/') + 1));
        if (target != null) {
          out.computeIfAbsent(target, k -> new ArrayList<>()).add(iface);
        }
      }
    }
    return out;
  }
}
