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

  /** Applies one overlay to {@code spec} in place; a part aimed at an operation that does not exist stops the build. */
  public static boolean apply(SpecFile overlay, Map<String, Object> spec) {
    return apply(overlay, spec, null);
  }

  /**
   * Applies one overlay to {@code spec} in place.
   *
   * @param skipped when null, a part aimed at a path or operation that does not exist stops the build; otherwise
   *     that part is left out and the reason is added here (the spec diff previews a new upstream spec this way,
   *     so a stale overlay is reported instead of hiding every other finding)
   * @return whether the overlay changed anything: an overlay that changes nothing has been made redundant upstream
   */
  public static boolean apply(SpecFile overlay, Map<String, Object> spec, List<String> skipped) {
    List<String> problems = new ArrayList<>();
    Map<String, Object> doc = Tree.copyMap(overlay.doc());
    Map<String, Object> paths = Tree.map(doc, "paths");
    if (paths != null) {
      Map<String, Object> specPaths = Tree.map(spec, "paths");
      for (Map.Entry<String, Object> p : List.copyOf(paths.entrySet())) {
        Map<String, Object> target = Tree.map(specPaths, p.getKey());
        Map<String, Object> item = Tree.asMap(p.getValue());
        if (target == null || item == null) {
          problems.add(overlay.name() + ": targets path " + p.getKey() + ", which no area file defines."
              + " Update the overlay to the path's new name, or delete this part of it.");
          paths.remove(p.getKey());
          continue;
        }
        for (String method : List.copyOf(item.keySet())) {
          if (Operation.METHODS.contains(method) && !target.containsKey(method)) {
            problems.add(overlay.name() + ": targets " + method.toUpperCase(java.util.Locale.ROOT) + " "
                + p.getKey() + ", which no area file defines. Update or delete this part of the overlay.");
            item.remove(method);
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      if (skipped == null) {
        throw new SpecBuildException(problems);
      }
      skipped.addAll(problems);
      problems.clear();
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
    // Only the subtrees the overlay touches are compared, so the check costs what the overlay is worth.
    Map<String, Object> before = touched(doc, spec);
    for (Map.Entry<String, Object> e : doc.entrySet()) {
      if (!e.getKey().equals("x-overlay")) {
        mergeEntry(spec, e.getKey(), e.getValue());
      }
    }
    return !before.equals(touched(doc, spec));
  }

  /** Copies of the spec's subtrees two levels under each key the overlay sets ({@code paths./x}, {@code components.schemas.X}). */
  private static Map<String, Object> touched(Map<String, Object> overlay, Map<String, Object> spec) {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    overlay.forEach((top, value) -> {
      if (top.equals("x-overlay")) {
        return;
      }
      Map<String, Object> section = Tree.asMap(value);
      if (section == null) {
        out.put(top, Tree.copy(spec.get(top)));
        return;
      }
      Map<String, Object> specSection = Tree.map(spec, top);
      section.forEach((key, sub) -> {
        Object specValue = specSection == null ? null : specSection.get(key);
        Map<String, Object> subMap = Tree.asMap(sub);
        Map<String, Object> specSub = Tree.asMap(specValue);
        if (!top.equals("paths") && subMap != null && specSub != null) {
          subMap.keySet().forEach(k -> out.put(top + "/" + key + "/" + k, Tree.copy(specSub.get(k))));
        } else {
          out.put(top + "/" + key, Tree.copy(specValue));
        }
      });
    });
    return out;
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
