package io.zenapi.zendesk.specbuild;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One operation of a spec: its path, HTTP method, the path item it sits in and the operation object itself.
 *
 * @param path the path template, e.g. {@code /api/v2/tickets/{ticket_id}}
 * @param method the lower-case HTTP method
 * @param pathItem the path item (holds path-level parameters)
 * @param op the operation object
 */
public record Operation(String path, String method, Map<String, Object> pathItem, Map<String, Object> op) {

  /** The HTTP methods that may appear as keys of a path item. */
  public static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  /** The operationId, or null. */
  public String id() {
    return Tree.string(op, "operationId");
  }

  /** {@code GET /api/v2/...}, for messages. */
  public String label() {
    return method.toUpperCase(Locale.ROOT) + " " + path;
  }

  /** Every operation of a spec, in document order. */
  public static List<Operation> all(Map<String, Object> spec) {
    List<Operation> out = new ArrayList<>();
    Map<String, Object> paths = Tree.map(spec, "paths");
    if (paths == null) {
      return out;
    }
    for (Map.Entry<String, Object> p : paths.entrySet()) {
      Map<String, Object> item = Tree.asMap(p.getValue());
      if (item == null) {
        continue;
      }
      for (Map.Entry<String, Object> m : item.entrySet()) {
        Map<String, Object> op = Tree.asMap(m.getValue());
        if (METHODS.contains(m.getKey()) && op != null) {
          out.add(new Operation(p.getKey(), m.getKey(), item, op));
        }
      }
    }
    return out;
  }
}
