package io.zenapi.zendesk.specbuild.rules;

import io.zenapi.zendesk.specbuild.Operation;
import io.zenapi.zendesk.specbuild.Tree;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Model classes get names a caller can read. The generator names an inline schema after where it sits:
 * {@code CountOrganizationTickets200Response}, {@code ListDeletedTicketsResponseAllOfDeletedTickets},
 * {@code CreateRequestRequestRequestAllOfRequester}. This rule gives a {@code title}, which the generator uses as the
 * class name, to exactly the inline schemas whose generated names would read so:
 * <ul>
 *   <li>an operation's inline 2xx response: {@code <OperationId>Response}; an inline error response:
 *       {@code <OperationId>Error<status>};</li>
 *   <li>an operation's inline request body: {@code <OperationId>Request}, or {@code <OperationId>Body} when the
 *       operation's name already ends in {@code Request};</li>
 *   <li>an inline object property inside an {@code allOf}/{@code oneOf}/{@code anyOf} member:
 *       {@code <Parent><Property>} (no {@code AllOf} in the name).</li>
 * </ul>
 * Every other inline schema keeps the generator's name ({@code <Parent><Property>}, list elements
 * {@code ...Inner}). A component whose name repeats {@code RequestRequest} (upstream's body of "Create Request") is
 * renamed {@code ...RequestBody}, with every reference to it. A title that would clash with another model gets a
 * number.
 */
public final class ReadableModelNames implements NormalisationRule {
  private static final String SCHEMA_REF = "#/components/schemas/";

  @Override
  public int apply(Map<String, Object> spec) {
    int[] changes = {0};
    Map<String, Object> schemas = Tree.map(Tree.map(spec, "components"), "schemas");
    Set<String> taken = new HashSet<>();
    if (schemas != null) {
      changes[0] += renameComponents(spec, schemas);
      taken.addAll(schemas.keySet());
    }
    for (Operation op : Operation.all(spec)) {
      String id = op.id();
      if (id == null) {
        continue;
      }
      String base = Character.toUpperCase(id.charAt(0)) + id.substring(1);
      Map<String, Object> body = Tree.map(Tree.map(op.op(), "requestBody"), "content");
      if (body != null) {
        for (Object media : body.values()) {
          changes[0] += name(Tree.map(Tree.asMap(media), "schema"), base + (base.endsWith("Request") ? "Body"
              : "Request"), taken);
        }
      }
      Map<String, Object> responses = Tree.map(op.op(), "responses");
      if (responses != null) {
        for (Map.Entry<String, Object> r : responses.entrySet()) {
          Map<String, Object> content = Tree.map(Tree.asMap(r.getValue()), "content");
          if (content == null) {
            continue;
          }
          String name = r.getKey().startsWith("2") ? base + "Response" : base + "Error" + r.getKey();
          for (Object media : content.values()) {
            changes[0] += name(Tree.map(Tree.asMap(media), "schema"), name, taken);
          }
        }
      }
    }
    if (schemas != null) {
      for (Map.Entry<String, Object> e : schemas.entrySet()) {
        changes[0] += children(Tree.asMap(e.getValue()), e.getKey(), taken);
      }
    }
    return changes[0];
  }

  /** Titles an inline model schema (and its inline children); returns how many titles were set. */
  private static int name(Map<String, Object> schema, String name, Set<String> taken) {
    if (schema == null || schema.containsKey("$ref")) {
      return 0;
    }
    int changes = 0;
    String title = Tree.string(schema, "title");
    if (title == null && isModel(schema)) {
      title = unique(name, taken);
      schema.put("title", title);
      changes++;
    }
    return changes + children(schema, title != null ? title : name, taken);
  }

  /**
   * Walks a schema's inline children under the names the generator gives them, and titles the object properties
   * of its composition members, which the generator would name {@code <Parent>AllOf<Property>}.
   */
  private static int children(Map<String, Object> schema, String parent, Set<String> taken) {
    if (schema == null || schema.containsKey("$ref")) {
      return 0;
    }
    int changes = 0;
    Map<String, Object> properties = Tree.map(schema, "properties");
    if (properties != null) {
      for (Map.Entry<String, Object> p : properties.entrySet()) {
        Map<String, Object> property = Tree.asMap(p.getValue());
        changes += children(property, generatedName(property, parent + pascal(p.getKey())), taken);
      }
    }
    for (String composition : List.of("allOf", "oneOf", "anyOf")) {
      List<Object> members = Tree.list(schema, composition);
      if (members == null) {
        continue;
      }
      for (Object m : members) {
        Map<String, Object> memberProperties = Tree.map(Tree.asMap(m), "properties");
        if (memberProperties == null) {
          continue;
        }
        // a member's properties belong to the composed model: named after it, with no "AllOf" in between
        for (Map.Entry<String, Object> p : memberProperties.entrySet()) {
          Map<String, Object> property = Tree.asMap(p.getValue());
          String name = parent + pascal(p.getKey());
          if (property != null && "array".equals(property.get("type"))) {
            changes += name(Tree.map(property, "items"), name + "Inner", taken);
          } else {
            changes += name(property, name, taken);
          }
        }
      }
    }
    Map<String, Object> items = Tree.map(schema, "items");
    if (items != null) {
      changes += children(items, generatedName(items, parent + "Inner"), taken);
    }
    return changes;
  }

  /** The class name of an inline schema: its title, or the name the generator derives from where it sits. */
  private static String generatedName(Map<String, Object> schema, String derived) {
    String title = Tree.string(schema, "title");
    return title != null ? title : derived;
  }

  /** A schema the generator makes a class of: an object with properties, or a composition. */
  private static boolean isModel(Map<String, Object> schema) {
    Map<String, Object> properties = Tree.map(schema, "properties");
    return properties != null && !properties.isEmpty() || schema.containsKey("allOf");
  }

  private static String unique(String name, Set<String> taken) {
    String candidate = name;
    for (int i = 2; taken.contains(candidate); i++) {
      candidate = name + i;
    }
    taken.add(candidate);
    return candidate;
  }

  /** Renames components whose names repeat {@code RequestRequest}, and every reference to them. */
  private static int renameComponents(Map<String, Object> spec, Map<String, Object> schemas) {
    Map<String, String> renames = new LinkedHashMap<>();
    for (String name : schemas.keySet()) {
      if (name.contains("RequestRequest")) {
        String to = name.replace("RequestRequest", "RequestBody");
        if (!schemas.containsKey(to)) {
          renames.put(name, to);
        }
      }
    }
    if (renames.isEmpty()) {
      return 0;
    }
    Map<String, Object> renamed = new LinkedHashMap<>();
    schemas.forEach((k, v) -> renamed.put(renames.getOrDefault(k, k), v));
    schemas.clear();
    schemas.putAll(renamed);
    rewriteRefs(spec, renames);
    return renames.size();
  }

  private static void rewriteRefs(Object node, Map<String, String> renames) {
    if (node instanceof Map<?, ?> m) {
      Map<String, Object> map = Tree.asMap(m);
      Object ref = map.get("$ref");
      if (ref instanceof String s && s.startsWith(SCHEMA_REF) && renames.containsKey(s.substring(SCHEMA_REF.length()))) {
        map.put("$ref", SCHEMA_REF + renames.get(s.substring(SCHEMA_REF.length())));
      }
      map.values().forEach(v -> rewriteRefs(v, renames));
    } else if (node instanceof List<?> l) {
      l.forEach(v -> rewriteRefs(v, renames));
    }
  }

  /** {@code deleted_tickets} → {@code DeletedTickets}. */
  private static String pascal(String name) {
    StringBuilder out = new StringBuilder();
    for (String word : name.split("[^A-Za-z0-9]+")) {
      if (!word.isEmpty()) {
        out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
      }
    }
    String s = out.toString();
    return s.isEmpty() ? "Value" : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }
}
