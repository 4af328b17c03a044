package io.zenapi.zendesk.specbuild.rules;

import io.zenapi.zendesk.specbuild.Operation;
import io.zenapi.zendesk.specbuild.Tree;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides, per operation, whether the transport may send a write twice, and marks what it decides for the api
 * template, which turns the marks into annotations on the Retrofit declaration.
 *
 * <p>GET and friends are safe. POST and PATCH are never replayed unless they carry an {@code Idempotency-Key}, so
 * they need no mark, except {@code POST /api/v2/tickets}: Zendesk honours an {@code Idempotency-Key} there (its
 * Ticketing API introduction, "Idempotency"), and the client sends one on every ticket creation
 * ({@value #KEY_HONOURED}). PUT and DELETE are idempotent in HTTP but not always in Zendesk; {@value #MARK} marks
 * the ones that are not:
 * <ul>
 *   <li>a body member that adds something each time it is applied: {@code comment}, {@code additional_tags},
 *       {@code additional_collaborators} at the top of the body or one level down ({@code ticket.comment}); the
 *       mark lists those members and the request is non-idempotent only when it sets one of them;</li>
 *   <li>{@code PUT .../tags}, which adds tags (a replay re-adds a tag removed in between, and fires the
 *       triggers again);</li>
 *   <li>{@code PUT .../request_verification}, which sends an email each time.</li>
 * </ul>
 * The mark's value is the annotation's argument list: {@code when = {"ticket.comment"}} or
 * {@code reason = "adds tags"}.
 */
public final class NonIdempotentWrites implements NormalisationRule {
  /** The vendor extension holding the {@code @NotIdempotent} arguments. */
  public static final String MARK = "x-not-idempotent";
  /** The vendor extension on operations where Zendesk honours an {@code Idempotency-Key}. */
  public static final String KEY_HONOURED = "x-idempotency-key-honoured";
  /** Body members whose every application adds something. */
  static final List<String> ADDITIVE = List.of("comment", "additional_tags", "additional_collaborators");
  private static final String SCHEMA_REF = "#/components/schemas/";

  @Override
  public int apply(Map<String, Object> spec) {
    int changes = 0;
    for (Operation op : Operation.all(spec)) {
      String mark = null;
      if (op.method().equals("post") && op.path().equals("/api/v2/tickets")) {
        changes += put(op, KEY_HONOURED, true);
      } else if (op.method().equals("put") && op.path().endsWith("/tags")) {
        mark = "reason = \"adds tags\"";
      } else if (op.method().equals("put") && op.path().endsWith("/request_verification")) {
        mark = "reason = \"sends an email\"";
      } else if (op.method().equals("put") || op.method().equals("delete")) {
        Set<String> members = additiveMembers(spec, op);
        if (!members.isEmpty()) {
          mark = "when = {\"" + String.join("\", \"", members) + "\"}";
        }
      }
      if (mark != null) {
        changes += put(op, MARK, mark);
      }
    }
    return changes;
  }

  private static int put(Operation op, String key, Object value) {
    return value.equals(op.op().put(key, value)) ? 0 : 1;
  }

  /** The additive members of the JSON request body, as dotted paths, at the top or one object level down. */
  private static Set<String> additiveMembers(Map<String, Object> spec, Operation op) {
    Set<String> out = new LinkedHashSet<>();
    Map<String, Object> media = Tree.map(Tree.map(Tree.map(op.op(), "requestBody"), "content"), "application/json");
    Map<String, Object> schema = Tree.map(media, "schema");
    for (Map.Entry<String, Object> top : properties(spec, schema).entrySet()) {
      if (ADDITIVE.contains(top.getKey())) {
        out.add(top.getKey());
      }
      for (String inner : properties(spec, Tree.asMap(top.getValue())).keySet()) {
        if (ADDITIVE.contains(inner)) {
          out.add(top.getKey() + "." + inner);
        }
      }
    }
    return out;
  }

  /** A schema's properties, through references, {@code allOf} and array items. */
  private static Map<String, Object> properties(Map<String, Object> spec, Map<String, Object> schema) {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    collect(spec, schema, out, Collections.newSetFromMap(new IdentityHashMap<>()));
    return out;
  }

  private static void collect(Map<String, Object> spec, Map<String, Object> schema, Map<String, Object> out,
      Set<Map<String, Object>> seen) {
    Map<String, Object> s = resolve(spec, schema);
    if (s == null || !seen.add(s)) {
      return;
    }
    Map<String, Object> props = Tree.map(s, "properties");
    if (props != null) {
      props.forEach(out::putIfAbsent);
    }
    List<Object> all = Tree.list(s, "allOf");
    for (Object part : all == null ? new ArrayList<>() : all) {
      collect(spec, Tree.asMap(part), out, seen);
    }
    collect(spec, Tree.map(s, "items"), out, seen);
  }

  private static Map<String, Object> resolve(Map<String, Object> spec, Map<String, Object> schema) {
    Map<String, Object> s = schema;
    for (int i = 0; s != null && s.get("$ref") instanceof String ref && i < 20; i++) {
      s = ref.startsWith(SCHEMA_REF)
          ? Tree.map(Tree.map(Tree.map(spec, "components"), "schemas"), ref.substring(SCHEMA_REF.length()))
          : null;
    }
    return s;
  }
}
