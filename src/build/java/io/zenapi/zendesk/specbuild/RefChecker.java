package io.zenapi.zendesk.specbuild;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks that every {@code $ref} in a file points at a component that the merged spec defines.
 *
 * <p>Only local references of the form {@code #/components/<type>/<name>} are allowed: area files reference
 * each other's components through the merged document, never through file paths.
 */
public final class RefChecker {
  private static final String PREFIX = "#/components/";

  private RefChecker() {}

  /** The problems found in {@code file}'s references against {@code merged}; empty when all resolve. */
  public static List<String> check(SpecFile file, Map<String, Object> merged) {
    List<String> problems = new ArrayList<>();
    walk(file.doc(), "", file, merged, problems);
    return problems;
  }

  /** Throws when any reference of the merged spec itself does not resolve. */
  public static void checkMerged(Map<String, Object> merged, String label) {
    List<String> problems = new ArrayList<>();
    walk(merged, "", new SpecFile(java.nio.file.Path.of(label), merged), merged, problems);
    if (!problems.isEmpty()) {
      throw new SpecBuildException(problems);
    }
  }

  /** Resolves a local reference, or returns null when it resolves nowhere. */
  public static Map<String, Object> resolve(Map<String, Object> spec, String ref) {
    if (ref == null || !ref.startsWith(PREFIX)) {
      return null;
    }
    String[] parts = ref.substring(PREFIX.length()).split("/", -1);
    if (parts.length != 2) {
      return null;
    }
    Map<String, Object> type = Tree.map(Tree.map(spec, "components"), unescape(parts[0]));
    return Tree.map(type, unescape(parts[1]));
  }

  /** Follows {@code $ref}s (a chain of them) to the object they name; returns {@code node} if it has none. */
  public static Map<String, Object> deref(Map<String, Object> spec, Map<String, Object> node) {
    Map<String, Object> current = node;
    for (int i = 0; i < 32 && current != null && current.get("$ref") instanceof String ref; i++) {
      current = resolve(spec, ref);
    }
    return current;
  }

  private static void walk(Object node, String at, SpecFile file, Map<String, Object> merged, List<String> out) {
    if (node instanceof Map<?, ?> map) {
      boolean propertyNames = at.endsWith("/properties");
      boolean exampleObject = !propertyNames && at.matches(".*/examples/[^/]+")
          && !at.matches(".*/properties/examples/[^/]+");
      for (Map.Entry<?, ?> e : map.entrySet()) {
        String key = String.valueOf(e.getKey());
        if ("$ref".equals(key) && !propertyNames) {
          checkOne(e.getValue(), at, file, merged, out);
        } else if (!propertyNames && ("example".equals(key) || exampleObject && "value".equals(key))) {
          continue; // example payloads are data: a "$ref" field in one is not a reference
        } else {
          walk(e.getValue(), at + "/" + key, file, merged, out);
        }
      }
    } else if (node instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        walk(list.get(i), at + "/" + i, file, merged, out);
      }
    }
  }

  private static void checkOne(Object value, String at, SpecFile file, Map<String, Object> merged,
      List<String> out) {
    if (!(value instanceof String ref)) {
      out.add(file.name() + ": $ref at " + at + " is not a string.");
      return;
    }
    if (!ref.startsWith(PREFIX)) {
      out.add(file.name() + ": $ref '" + ref + "' at " + at + " is not a local component reference;"
          + " use '#/components/<type>/<name>' (the merge resolves components across area files).");
      return;
    }
    if (resolve(merged, ref) == null) {
      out.add(file.name() + ": $ref '" + ref + "' at " + at + " resolves nowhere: no area file defines "
          + "components." + ref.substring(PREFIX.length()).replace('/', '.')
          + ". Define it in the area file that owns it, or correct the reference.");
    }
  }

  private static String unescape(String s) {
    return s.replace("~1", "/").replace("~0", "~");
  }
}
