package io.zenapi.zendesk.specbuild.rules;

import io.zenapi.zendesk.specbuild.RefChecker;
import io.zenapi.zendesk.specbuild.Tree;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code oneOf}/{@code anyOf} become something Gson can bind.
 *
 * <ul>
 *   <li>Alternatives that are all objects merge into one object with the union of their properties (a property
 *       declared with different types in two alternatives becomes free-form). Gson binds whichever fields the
 *       server sent; nothing is dropped.</li>
 *   <li>Alternatives that all share one scalar type collapse to that type.</li>
 *   <li>Anything else (string or number, string or array, array or object, ...) becomes a free-form value,
 *       generated as {@code Object}: a String, Long/Double, List or Map at run time, exactly as sent.</li>
 * </ul>
 * Without this the generator turns primitive unions into empty classes, and parsing fails with "Expected
 * BEGIN_OBJECT but was STRING".
 */
public final class UnionsAreFlattened implements NormalisationRule {
  private static final List<String> KEEP = List.of("description", "nullable", "readOnly", "writeOnly",
      "deprecated", "example", "default", "title");

  @Override
  public int apply(Map<String, Object> spec) {
    int[] changes = {0};
    Schemas.forEach(spec, schema -> {
      for (String kind : List.of("oneOf", "anyOf")) {
        List<Object> alternatives = Tree.list(schema, kind);
        if (alternatives != null && !schema.containsKey("discriminator")) {
          flatten(spec, schema, kind, alternatives);
          changes[0]++;
        }
      }
    });
    return changes[0];
  }

  private static void flatten(Map<String, Object> spec, Map<String, Object> schema, String kind,
      List<Object> alternatives) {
    List<Map<String, Object>> resolved = new ArrayList<>();
    for (Object a : alternatives) {
      Map<String, Object> r = RefChecker.deref(spec, Tree.asMap(a));
      if (r != null) {
        resolved.add(r);
      }
    }
    schema.remove(kind);
    if (resolved.isEmpty()) {
      return;
    }
    if (resolved.stream().allMatch(UnionsAreFlattened::isObject)) {
      Map<String, Object> properties = new LinkedHashMap<>();
      for (Map<String, Object> alt : resolved) {
        collectProperties(spec, alt, properties);
      }
      Map<String, Object> existing = Tree.map(schema, "properties");
      if (existing != null) {
        existing.forEach(properties::putIfAbsent);
      }
      schema.put("type", "object");
      schema.put("properties", properties);
      return;
    }
    Set<Object> types = new LinkedHashSet<>();
    resolved.forEach(r -> types.add(r.get("type")));
    boolean nullable = types.remove("null");
    if (types.size() == 1 && !types.contains(null) && !types.contains("array") && !types.contains("object")) {
      schema.put("type", types.iterator().next());
      Object format = resolved.get(0).get("format");
      if (format != null && resolved.stream().allMatch(r -> Objects.equals(format, r.get("format")))) {
        schema.put("format", format);
      }
    } else {
      schema.keySet().removeIf(k -> !KEEP.contains(k) && !k.startsWith("x-"));
    }
    if (nullable) {
      schema.put("nullable", true);
    }
  }

  static boolean isObject(Map<String, Object> s) {
    return "object".equals(s.get("type")) || s.containsKey("properties") || s.containsKey("allOf");
  }

  /** Adds the properties of {@code schema} (and of its allOf members) to {@code into}; clashes turn free-form. */
  static void collectProperties(Map<String, Object> spec, Map<String, Object> schema, Map<String, Object> into) {
    Map<String, Object> props = Tree.map(schema, "properties");
    if (props != null) {
      for (Map.Entry<String, Object> p : props.entrySet()) {
        Object before = into.get(p.getKey());
        if (before == null) {
          into.put(p.getKey(), Tree.copy(p.getValue()));
        } else if (!sameShape(spec, before, p.getValue())) {
          Map<String, Object> free = new LinkedHashMap<>();
          Object description = Tree.asMap(before).get("description");
          if (description != null) {
            free.put("description", description);
          }
          into.put(p.getKey(), free);
        }
      }
    }
    List<Object> allOf = Tree.list(schema, "allOf");
    if (allOf != null) {
      for (Object member : allOf) {
        Map<String, Object> m = RefChecker.deref(spec, Tree.asMap(member));
        if (m != null) {
          collectProperties(spec, m, into);
        }
      }
    }
  }

  private static boolean sameShape(Map<String, Object> spec, Object a, Object b) {
    Map<String, Object> ra = RefChecker.deref(spec, Tree.asMap(a));
    Map<String, Object> rb = RefChecker.deref(spec, Tree.asMap(b));
    if (ra == null || rb == null) {
      return ra == rb;
    }
    return Objects.equals(ra.get("type"), rb.get("type")) && Objects.equals(Tree.asMap(a).get("$ref"),
        Tree.asMap(b).get("$ref")) && Objects.equals(ra.get("items"), rb.get("items"));
  }
}
