package io.zenapi.zendesk.specbuild;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Applies overlay files: local fixes and additions to the imported spec, kept apart so a re-import keeps them.
 *
 * <p>An overlay is a partial OpenAPI document, deep-merged over the merged spec:
 * <ul>
 *   <li>maps merge key by key; a scalar replaces the value it lands on; a {@code null} removes the key;</li>
 *   <li>a list is extended with the items it does not contain yet (parameters match by {@code name} + {@code in},
 *       and an overlay parameter replaces the one it matches);</li>
 *   <li>an overlay may add components, but may only change operations that exist: an overlay that targets
 *       an operation no area file defines (say, after upstream renamed a path) stops the build.</li>
 * </ul>
 * A top-level {@code x-overlay} key (free text: what it fixes and why) is documentation and is not merged.
 */
public final class Overlays {
  private Overlays() {}

  /** Applies one overlay to {@code spec} in place. */
  public static void apply(SpecFile overlay, Map<String, Object> spec) {
    List<String> problems = new ArrayList<>();
    Map<String, Object> paths = Tree.map(overlay.doc(), "paths");
    if (paths != null) {
      Map<String, Object> specPaths = Tree.map(spec, "paths");
      for (Map.Entry<String, Object> p : paths.entrySet()) {
        Map<String, Object> target = Tree.map(specPaths, p.getKey());
        Map<String, Object> item = Tree.asMap(p.getValue());
        if (target == null || item == null) {
          problems.add(overlay.name() + ": targets path " + p.getKey() + ", which no area file defines."
              + " Update the overlay to the path's new name, or delete this part of it.");
          continue;
        }
        for (String method : item.keySet()) {
          if (Operation.METHODS.contains(method) && !target.containsKey(method)) {
            problems.add(overlay.name() + ": targets " + method.toUpperCase(java.util.Locale.ROOT) + " "
                + p.getKey() + ", which no area file defines. Update or delete this part of the overlay.");
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new SpecBuildException(problems);
    }
    for (Map.Entry<String, Object> e : overlay.doc().entrySet()) {
      if (e.getValue() == null) {
        // an empty top-level key ('paths:' with nothing under it) would otherwise delete that whole section
        problems.add(overlay.name() + ": top-level '" + e.getKey() + "' is empty; give it content or delete it.");
      }
    }
    if (!problems.isEmpty()) {
      throw new SpecBuildException(problems);
    }
    for (Map.Entry<String, Object> e : overlay.doc().entrySet()) {
      if (!e.getKey().equals("x-overlay")) {
        mergeEntry(spec, e.getKey(), e.getValue());
      }
    }
  }

  private static void mergeEntry(Map<String, Object> target, String key, Object value) {
    if (value == null) {
      target.remove(key);
      return;
    }
    Object existing = target.get(key);
    if (existing instanceof Map && value instanceof Map) {
      Map<String, Object> into = Tree.asMap(existing);
      Tree.asMap(value).forEach((k, v) -> mergeEntry(into, k, v));
    } else if (existing instanceof List && value instanceof List) {
      mergeList(Tree.asList(existing), Tree.asList(value));
    } else {
      target.put(key, Tree.copy(value));
    }
  }

  private static void mergeList(List<Object> into, List<Object> additions) {
    for (Object add : additions) {
      int same = indexOfParameter(into, add);
      if (same >= 0) {
        into.set(same, Tree.copy(add));
      } else if (!into.contains(add)) {
        into.add(Tree.copy(add));
      }
    }
  }

  private static int indexOfParameter(List<Object> list, Object candidate) {
    Map<String, Object> c = Tree.asMap(candidate);
    if (c == null || !(c.get("name") instanceof String) || !(c.get("in") instanceof String)) {
      return -1;
    }
    for (int i = 0; i < list.size(); i++) {
      Map<String, Object> m = Tree.asMap(list.get(i));
      if (m != null && Objects.equals(m.get("name"), c.get("name")) && Objects.equals(m.get("in"), c.get("in"))) {
        return i;
      }
    }
    return -1;
  }
}
