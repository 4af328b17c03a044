package io.zenapi.zendesk.specbuild.rules;

import io.zenapi.zendesk.specbuild.Operation;
import io.zenapi.zendesk.specbuild.RefChecker;
import io.zenapi.zendesk.specbuild.Tree;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Object-valued query parameters ({@code style: deepObject}, such as {@code page} and {@code filter}) become one
 * plain parameter per property, named with brackets: {@code page[size]}, {@code page[after]},
 * {@code page[before]}, {@code filter[ticket_id]}. Left as objects, the generated method puts the model's
 * {@code toString()} in the URL. A {@code page} that is "an integer or an object" keeps its integer form as
 * {@code page} (offset pagination) next to the bracketed ones.
 */
public final class BracketedQueryParameters implements NormalisationRule {
  /** Marks a query parameter that the api template turns into a {@code @QueryMap}. */
  public static final String QUERY_MAP = "x-query-map";

  @Override
  public int apply(Map<String, Object> spec) {
    int changes = 0;
    Map<String, Object> paths = Tree.map(spec, "paths");
    if (paths != null) {
      for (Object item : paths.values()) {
        changes += rewrite(spec, Tree.list(Tree.asMap(item), "parameters"));
      }
    }
    for (Operation op : Operation.all(spec)) {
      changes += rewrite(spec, Tree.list(op.op(), "parameters"));
    }
    return changes;
  }

  private static int rewrite(Map<String, Object> spec, List<Object> params) {
    if (params == null) {
      return 0;
    }
    int changes = 0;
    List<Object> out = new ArrayList<>();
    for (Object p : params) {
      Map<String, Object> param = RefChecker.deref(spec, Tree.asMap(p));
      List<Map<String, Object>> exploded = param == null ? null : explode(spec, param);
      if (exploded == null) {
        out.add(p);
      } else {
        exploded.forEach(BracketedQueryParameters::markQueryMap);
        out.addAll(exploded);
        changes++;
      }
    }
    params.clear();
    params.addAll(out);
    return changes;
  }

  /**
   * A bracketed part that is itself a map ({@code filter[dynamic_values]}) has no fixed keys to explode into;
   * it is marked {@value #QUERY_MAP}, and the api template makes it a Retrofit {@code @QueryMap} whose keys
   * the caller writes out in full ({@code filter[dynamic_values][ticket_brand_id]}).
   */
  private static void markQueryMap(Map<String, Object> param) {
    Map<String, Object> schema = Tree.map(param, "schema");
    if (schema != null && schema.containsKey("additionalProperties") && !schema.containsKey("properties")) {
      param.put(QUERY_MAP, true);
      param.put("description", String.valueOf(param.getOrDefault("description", "")).stripTrailing()
          + "\n\nSent as a query map: give each key in full, e.g. `" + param.get("name") + "[key]` → value.");
    }
  }

  /** The bracketed parameters replacing {@code param}, or null when it is not an object-valued query param. */
  private static List<Map<String, Object>> explode(Map<String, Object> spec, Map<String, Object> param) {
    if (!"query".equals(param.get("in"))) {
      return null;
    }
    Map<String, Object> schema = RefChecker.deref(spec, Tree.map(param, "schema"));
    if (schema == null) {
      return null;
    }
    List<Map<String, Object>> alternatives = new ArrayList<>();
    List<Object> oneOf = Tree.list(schema, "oneOf");
    if (oneOf != null) {
      oneOf.forEach(a -> alternatives.add(RefChecker.deref(spec, Tree.asMap(a))));
    } else {
      alternatives.add(schema);
    }
    boolean anyObject = alternatives.stream().anyMatch(a -> a != null && Tree.map(a, "properties") != null);
    if (!anyObject && !"deepObject".equals(param.get("style"))) {
      return null;
    }
    String name = (String) param.get("name");
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> alt : alternatives) {
      if (alt == null) {
        continue;
      }
      Map<String, Object> props = Tree.map(alt, "properties");
      if (props == null) {
        Map<String, Object> plain = base(param, name, alt.get("description"));
        plain.put("schema", Tree.copy(alt));
        out.add(plain);
        continue;
      }
      addBracketed(spec, param, name, props, out);
    }
    return out;
  }

  /** One parameter per leaf property: {@code filter[created][gt]} for an object nested in an object. */
  private static void addBracketed(Map<String, Object> spec, Map<String, Object> param, String prefix,
      Map<String, Object> props, List<Map<String, Object>> out) {
    for (Map.Entry<String, Object> prop : props.entrySet()) {
      String name = prefix + "[" + prop.getKey() + "]";
      Map<String, Object> propSchema = Tree.copyMap(RefChecker.deref(spec, Tree.asMap(prop.getValue())));
      Map<String, Object> nested = Tree.map(propSchema, "properties");
      if (nested != null) {
        addBracketed(spec, param, name, nested, out);
        continue;
      }
      Object description = propSchema.remove("description");
      Map<String, Object> bracketed = base(param, name, description);
      bracketed.put("schema", propSchema);
      out.add(bracketed);
    }
  }

  private static Map<String, Object> base(Map<String, Object> param, String name, Object description) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", name);
    out.put("in", "query");
    Object d = description != null ? description : param.get("description");
    if (d != null) {
      out.put("description", d);
    }
    // each part is optional on its own, even when the object as a whole was required
    out.put("required", false);
    return out;
  }
}
