package io.zenapi.zendesk.specbuild;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Helpers for the plain tree (maps, lists, scalars) that a parsed spec is. */
public final class Tree {
  private Tree() {}

  /** The value as a map, or null when it is not one. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> asMap(Object value) {
    return value instanceof Map ? (Map<String, Object>) value : null;
  }

  /** The value as a list, or null when it is not one. */
  @SuppressWarnings("unchecked")
  public static List<Object> asList(Object value) {
    return value instanceof List ? (List<Object>) value : null;
  }

  /** {@code parent.get(key)} as a map, or null. */
  public static Map<String, Object> map(Map<String, Object> parent, String key) {
    return parent == null ? null : asMap(parent.get(key));
  }

  /** {@code parent.get(key)} as a list, or null. */
  public static List<Object> list(Map<String, Object> parent, String key) {
    return parent == null ? null : asList(parent.get(key));
  }

  /** {@code parent.get(key)} as a map, created (and put) when absent. */
  public static Map<String, Object> child(Map<String, Object> parent, String key) {
    Map<String, Object> existing = asMap(parent.get(key));
    if (existing != null) {
      return existing;
    }
    Map<String, Object> created = new LinkedHashMap<>();
    parent.put(key, created);
    return created;
  }

  /** {@code parent.get(key)} as a list, created (and put) when absent. */
  public static List<Object> childList(Map<String, Object> parent, String key) {
    List<Object> existing = asList(parent.get(key));
    if (existing != null) {
      return existing;
    }
    List<Object> created = new ArrayList<>();
    parent.put(key, created);
    return created;
  }

  /** A string value, or null. */
  public static String string(Map<String, Object> parent, String key) {
    Object v = parent == null ? null : parent.get(key);
    return v instanceof String ? (String) v : null;
  }

  /** A deep copy of a tree of maps, lists and immutable scalars. */
  public static Object copy(Object value) {
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(String.valueOf(k), copy(v)));
      return out;
    }
    if (value instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      l.forEach(v -> out.add(copy(v)));
      return out;
    }
    return value;
  }

  /** A deep copy of a map. */
  public static Map<String, Object> copyMap(Map<String, Object> value) {
    return asMap(copy(value));
  }

  /** The components ("schemas/X") that local references anywhere inside {@code node} name, in encounter order. */
  public static Set<String> componentRefs(Object node) {
    Set<String> out = new LinkedHashSet<>();
    collectRefs(node, out);
    return out;
  }

  private static void collectRefs(Object node, Set<String> out) {
    if (node instanceof Map<?, ?> m) {
      Object ref = m.get("$ref");
      if (ref instanceof String s && s.startsWith("#/components/")) {
        out.add(s.substring("#/components/".length()));
      }
      m.values().forEach(v -> collectRefs(v, out));
    } else if (node instanceof List<?> l) {
      l.forEach(v -> collectRefs(v, out));
    }
  }

  /** Builds a small ordered map from key/value pairs. */
  public static Map<String, Object> of(Object... keyValues) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      out.put((String) keyValues[i], keyValues[i + 1]);
    }
    return out;
  }
}
