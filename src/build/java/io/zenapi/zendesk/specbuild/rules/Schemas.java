package io.zenapi.zendesk.specbuild.rules;

import io.zenapi.zendesk.specbuild.Operation;
import io.zenapi.zendesk.specbuild.Tree;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** Visits every schema object of a spec (never example payloads), each once. */
final class Schemas {
  private static final List<String> NESTED_ONE = List.of("items", "additionalProperties", "not");
  private static final List<String> NESTED_MANY = List.of("allOf", "oneOf", "anyOf");

  private Schemas() {}

  /** Calls {@code visitor} for every schema, outer schemas before the schemas nested in them. */
  static void forEach(Map<String, Object> spec, Consumer<Map<String, Object>> visitor) {
    Set<Map<String, Object>> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (Map<String, Object> root : roots(spec)) {
      visit(root, visitor, seen);
    }
  }

  /** The top-level schemas: components, parameters, headers and media types of bodies and responses. */
  private static List<Map<String, Object>> roots(Map<String, Object> spec) {
    List<Map<String, Object>> out = new ArrayList<>();
    Map<String, Object> components = Tree.map(spec, "components");
    Map<String, Object> schemas = Tree.map(components, "schemas");
    if (schemas != null) {
      schemas.values().forEach(v -> add(out, v));
    }
    for (String kind : List.of("parameters", "headers")) {
      Map<String, Object> m = Tree.map(components, kind);
      if (m != null) {
        m.values().forEach(p -> add(out, Tree.map(Tree.asMap(p), "schema")));
      }
    }
    for (String kind : List.of("requestBodies", "responses")) {
      Map<String, Object> m = Tree.map(components, kind);
      if (m != null) {
        m.values().forEach(b -> mediaSchemas(Tree.asMap(b), out));
      }
    }
    Map<String, Object> paths = Tree.map(spec, "paths");
    if (paths != null) {
      paths.values().forEach(item -> parameterSchemas(Tree.list(Tree.asMap(item), "parameters"), out));
    }
    for (Operation op : Operation.all(spec)) {
      parameterSchemas(Tree.list(op.op(), "parameters"), out);
      mediaSchemas(Tree.map(op.op(), "requestBody"), out);
      Map<String, Object> responses = Tree.map(op.op(), "responses");
      if (responses != null) {
        responses.values().forEach(r -> mediaSchemas(Tree.asMap(r), out));
      }
    }
    return out;
  }

  private static void parameterSchemas(List<Object> params, List<Map<String, Object>> out) {
    if (params != null) {
      params.forEach(p -> add(out, Tree.map(Tree.asMap(p), "schema")));
    }
  }

  private static void mediaSchemas(Map<String, Object> bodyOrResponse, List<Map<String, Object>> out) {
    Map<String, Object> content = Tree.map(bodyOrResponse, "content");
    if (content != null) {
      content.values().forEach(media -> add(out, Tree.map(Tree.asMap(media), "schema")));
    }
    Map<String, Object> headers = Tree.map(bodyOrResponse, "headers");
    if (headers != null) {
      headers.values().forEach(h -> add(out, Tree.map(Tree.asMap(h), "schema")));
    }
  }

  private static void add(List<Map<String, Object>> out, Object schema) {
    Map<String, Object> m = Tree.asMap(schema);
    if (m != null) {
      out.add(m);
    }
  }

  private static void visit(Map<String, Object> schema, Consumer<Map<String, Object>> visitor,
      Set<Map<String, Object>> seen) {
    if (!seen.add(schema)) {
      return;
    }
    visitor.accept(schema);
    Map<String, Object> props = Tree.map(schema, "properties");
    if (props != null) {
      for (Object p : props.values()) {
        Map<String, Object> m = Tree.asMap(p);
        if (m != null) {
          visit(m, visitor, seen);
        }
      }
    }
    for (String key : NESTED_ONE) {
      Map<String, Object> m = Tree.map(schema, key);
      if (m != null) {
        visit(m, visitor, seen);
      }
    }
    for (String key : NESTED_MANY) {
      List<Object> l = Tree.list(schema, key);
      if (l != null) {
        for (Object o : l) {
          Map<String, Object> m = Tree.asMap(o);
          if (m != null) {
            visit(m, visitor, seen);
          }
        }
      }
    }
  }
}
