package io.zenapi.zendesk.specbuild.rules;

import io.zenapi.zendesk.specbuild.Operation;
import io.zenapi.zendesk.specbuild.RefChecker;
import io.zenapi.zendesk.specbuild.Tree;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * List operations whose documentation says they paginate declare it: cursor pagination adds the
 * {@code page[size]}, {@code page[after]} and {@code page[before]} parameters and the {@code meta}/{@code links}
 * fields of the response; offset pagination adds {@code page}/{@code per_page} and {@code next_page},
 * {@code previous_page}, {@code count}. Upstream says "Cursor pagination (recommended)" in prose for 87 list
 * operations, but many declare no parameters, and many responses lack the fields, so the cursor was dropped on
 * parsing and the caller could not ask for the next page.
 */
public final class DeclarePagination implements NormalisationRule {
  /** Shared schema of the {@code meta} object of a cursor-paginated response. */
  public static final String META = "CursorPaginationMetaObject";
  /** Shared schema of the {@code links} object of a cursor-paginated response. */
  public static final String LINKS = "CursorPaginationLinksObject";

  @Override
  public int apply(Map<String, Object> spec) {
    int changes = 0;
    for (Operation op : Operation.all(spec)) {
      if (!op.method().equals("get")) {
        continue;
      }
      String doc = String.valueOf(op.op().getOrDefault("description", "")).toLowerCase(Locale.ROOT);
      boolean cursor = doc.contains("cursor pagination");
      boolean offset = doc.contains("offset pagination");
      if (!cursor && !offset) {
        continue;
      }
      boolean changed = false;
      Set<String> names = parameterNames(spec, op);
      List<Object> params = Tree.childList(op.op(), "parameters");
      if (cursor) {
        changed |= addParam(params, names, "page[size]", integer("Cursor pagination: number of records per page"
            + " (at most 100)."), 1L, 100L);
        changed |= addParam(params, names, "page[after]", string("Cursor pagination: the `meta.after_cursor` of"
            + " the previous page."), null, null);
        changed |= addParam(params, names, "page[before]", string("Cursor pagination: the `meta.before_cursor`"
            + " of the next page."), null, null);
      }
      if (offset) {
        changed |= addParam(params, names, "page", integer("Offset pagination: the page number, from 1."), 1L, null);
        changed |= addParam(params, names, "per_page", integer("Offset pagination: records per page (at most"
            + " 100)."), 1L, 100L);
      }
      Map<String, Object> target = responseProperties(spec, op);
      if (target != null) {
        if (cursor) {
          ensureSharedSchemas(spec);
          changed |= addProperty(target, "meta", Tree.of("$ref", "#/components/schemas/" + META));
          changed |= addProperty(target, "links", Tree.of("$ref", "#/components/schemas/" + LINKS));
        }
        if (offset) {
          changed |= addProperty(target, "next_page", nullableString("URL of the next page, or null on the last."));
          changed |= addProperty(target, "previous_page", nullableString("URL of the previous page, or null."));
          changed |= addProperty(target, "count", Tree.of("type", "integer", "description", "Total record count."));
        }
      }
      if (changed) {
        changes++;
      }
    }
    return changes;
  }

  private static Set<String> parameterNames(Map<String, Object> spec, Operation op) {
    Set<String> names = new HashSet<>();
    for (List<Object> list : java.util.Arrays.asList(Tree.list(op.pathItem(), "parameters"),
        Tree.list(op.op(), "parameters"))) {
      if (list != null) {
        for (Object p : list) {
          Map<String, Object> param = RefChecker.deref(spec, Tree.asMap(p));
          if (param != null && "query".equals(param.get("in"))) {
            names.add(String.valueOf(param.get("name")));
          }
        }
      }
    }
    return names;
  }

  private static boolean addParam(List<Object> params, Set<String> names, String name, Map<String, Object> schema,
      Long minimum, Long maximum) {
    if (!names.add(name)) {
      return false;
    }
    String description = (String) schema.remove("description");
    if (minimum != null) {
      schema.put("minimum", minimum);
    }
    if (maximum != null) {
      schema.put("maximum", maximum);
    }
    params.add(Tree.of("name", name, "in", "query", "required", false, "description", description, "schema", schema));
    return true;
  }

  /** The properties map to extend for the 200 JSON response, or null when it has no object schema. */
  private static Map<String, Object> responseProperties(Map<String, Object> spec, Operation op) {
    Map<String, Object> ok = RefChecker.deref(spec, Tree.map(Tree.map(op.op(), "responses"), "200"));
    Map<String, Object> media = Tree.map(Tree.map(ok, "content"), "application/json");
    Map<String, Object> schema = RefChecker.deref(spec, Tree.map(media, "schema"));
    if (schema == null) {
      return null;
    }
    List<Object> allOf = Tree.list(schema, "allOf");
    if (allOf != null) {
      for (Object member : allOf) {
        Map<String, Object> m = Tree.asMap(member);
        if (m != null && !m.containsKey("$ref") && m.containsKey("properties")) {
          return Tree.child(m, "properties");
        }
      }
      Map<String, Object> added = Tree.of("type", "object", "properties", new LinkedHashMap<String, Object>());
      allOf.add(added);
      return Tree.map(added, "properties");
    }
    // a free-form response (no declared properties) keeps every field anyway; adding typed ones would make
    // the generator drop the rest
    if (!UnionsAreFlattened.isObject(schema) || Tree.map(schema, "properties") == null) {
      return null;
    }
    return Tree.child(schema, "properties");
  }

  private static boolean addProperty(Map<String, Object> properties, String name, Map<String, Object> schema) {
    if (properties.containsKey(name)) {
      return false;
    }
    properties.put(name, schema);
    return true;
  }

  private static void ensureSharedSchemas(Map<String, Object> spec) {
    Map<String, Object> schemas = Tree.child(Tree.child(spec, "components"), "schemas");
    schemas.computeIfAbsent(META, k -> Tree.of("type", "object",
        "description", "Where a cursor-paginated list stands.",
        "properties", Tree.of(
            "has_more", Tree.of("type", "boolean", "description", "Whether another page follows."),
            "after_cursor", nullableString("Cursor for the next page (`page[after]`)."),
            "before_cursor", nullableString("Cursor for the previous page (`page[before]`)."))));
    schemas.computeIfAbsent(LINKS, k -> Tree.of("type", "object",
        "description", "Links of a cursor-paginated list.",
        "properties", Tree.of(
            "next", nullableString("URL of the next page."),
            "prev", nullableString("URL of the previous page."))));
  }

  private static Map<String, Object> integer(String description) {
    return Tree.of("type", "integer", "description", description);
  }

  private static Map<String, Object> string(String description) {
    return Tree.of("type", "string", "description", description);
  }

  private static Map<String, Object> nullableString(String description) {
    return Tree.of("type", "string", "nullable", true, "description", description);
  }
}
