package io.zenapi.zendesk.specbuild;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The union of the root file and the area files into one spec.
 *
 * <p>Each component, operation and operationId may be defined once. The same component defined again with
 * identical content is accepted (harmless); anything else that is defined twice is a problem, and every
 * problem names both files. All problems of a run are collected and reported together.
 */
public final class AreaMerger {
  private final Map<String, Object> merged = new LinkedHashMap<>();
  private final Map<String, SpecFile> componentOrigin = new HashMap<>();
  private final Map<String, SpecFile> operationOrigin = new HashMap<>();
  private final Map<String, String> operationIdOrigin = new HashMap<>();
  private final Map<String, SpecFile> pathLevelOrigin = new HashMap<>();
  private final Map<String, SpecFile> tagOrigin = new HashMap<>();
  private final List<String> problems = new ArrayList<>();

  /** Starts the merge from the root file: {@code openapi}, {@code info}, servers, security, tags, components. */
  public AreaMerger(SpecFile root) {
    for (String key : List.of("openapi", "info", "servers", "security")) {
      if (root.doc().containsKey(key)) {
        merged.put(key, Tree.copy(root.doc().get(key)));
      }
    }
    if (!(merged.get("openapi") instanceof String)) {
      problems.add(root.name() + ": has no 'openapi' version (e.g. openapi: 3.0.3); the root file must declare it.");
    }
    merged.put("tags", new ArrayList<>());
    merged.put("paths", new LinkedHashMap<>());
    merged.put("components", new LinkedHashMap<>());
    addTagsAndComponents(root);
    Map<String, Object> paths = Tree.map(root.doc(), "paths");
    if (paths != null && !paths.isEmpty()) {
      problems.add(root.name() + ": the root file must not define paths; move them to an area file.");
    }
  }

  /** Adds one area file. */
  public void add(SpecFile area) {
    addTagsAndComponents(area);
    Object pathsValue = area.doc().get("paths");
    if (pathsValue == null) {
      return;
    }
    Map<String, Object> paths = Tree.asMap(pathsValue);
    if (paths == null) {
      problems.add(area.name() + ": 'paths' must be a mapping of path to path item.");
      return;
    }
    Map<String, Object> mergedPaths = Tree.map(merged, "paths");
    for (Map.Entry<String, Object> p : paths.entrySet()) {
      Map<String, Object> item = Tree.asMap(p.getValue());
      if (item == null) {
        problems.add(area.name() + ": path " + p.getKey() + " must be a mapping of method to operation.");
        continue;
      }
      Map<String, Object> target = Tree.child(mergedPaths, p.getKey());
      for (Map.Entry<String, Object> e : item.entrySet()) {
        if (Operation.METHODS.contains(e.getKey())) {
          addOperation(area, p.getKey(), e.getKey(), e.getValue(), target);
        } else {
          addPathLevel(area, p.getKey(), e.getKey(), e.getValue(), target);
        }
      }
    }
  }

  /** The merged spec; throws when any file added so far had a problem. */
  public Map<String, Object> result() {
    if (!problems.isEmpty()) {
      throw new SpecBuildException(problems);
    }
    return merged;
  }

  /** The file that defines a component ({@code schemas/TicketObject}), or null. */
  public SpecFile originOf(String componentKey) {
    return componentOrigin.get(componentKey);
  }

  private void addOperation(SpecFile area, String path, String method, Object value, Map<String, Object> target) {
    Operation op = new Operation(path, method, target, Tree.asMap(value));
    String key = op.label();
    if (op.op() == null) {
      problems.add(area.name() + ": " + key + " must be an operation object (a mapping).");
      return;
    }
    SpecFile before = operationOrigin.putIfAbsent(key, area);
    if (before != null) {
      problems.add(key + " is defined in both " + before.name() + " and " + area.name()
          + ": an operation belongs to one area file; delete it from the other.");
      return;
    }
    String id = op.id();
    if (id == null || id.isBlank()) {
      problems.add(area.name() + ": " + key + " has no operationId; give it a unique one"
          + " (it names the generated method).");
    } else {
      String where = key + " in " + area.name();
      String other = operationIdOrigin.putIfAbsent(id, where);
      if (other != null) {
        problems.add("operationId " + id + " is used twice: by " + other + " and by " + where
            + "; operationIds name the generated methods and must be unique, so rename one.");
      }
    }
    target.put(method, Tree.copy(value));
  }

  private void addPathLevel(SpecFile area, String path, String key, Object value, Map<String, Object> target) {
    String originKey = path + " " + key;
    if (!target.containsKey(key)) {
      target.put(key, Tree.copy(value));
      pathLevelOrigin.put(originKey, area);
    } else if (!Objects.equals(target.get(key), value)) {
      problems.add("path-level '" + key + "' of " + path + " differs between " + pathLevelOrigin.get(originKey).name()
          + " and " + area.name() + ": files that share a path must declare the same path-level '" + key + "'.");
    }
  }

  private void addTagsAndComponents(SpecFile file) {
    List<Object> tags = Tree.list(file.doc(), "tags");
    if (tags != null) {
      List<Object> mergedTags = Tree.list(merged, "tags");
      for (Object t : tags) {
        String name = Tree.string(Tree.asMap(t), "name");
        if (name == null) {
          problems.add(file.name() + ": a tag without 'name'.");
          continue;
        }
        SpecFile before = tagOrigin.putIfAbsent(name, file);
        if (before == null) {
          mergedTags.add(Tree.copy(t));
        } else if (!mergedTags.contains(t)) {
          problems.add("tag '" + name + "' is described differently in " + before.name() + " and " + file.name()
              + "; make the two descriptions identical or keep the tag in one file.");
        }
      }
    }
    Map<String, Object> components = Tree.map(file.doc(), "components");
    if (components == null) {
      return;
    }
    Map<String, Object> mergedComponents = Tree.map(merged, "components");
    for (Map.Entry<String, Object> type : components.entrySet()) {
      Map<String, Object> entries = Tree.asMap(type.getValue());
      if (entries == null) {
        problems.add(file.name() + ": components." + type.getKey() + " must be a mapping of name to definition.");
        continue;
      }
      Map<String, Object> target = Tree.child(mergedComponents, type.getKey());
      for (Map.Entry<String, Object> c : entries.entrySet()) {
        String key = type.getKey() + "/" + c.getKey();
        SpecFile before = componentOrigin.putIfAbsent(key, file);
        if (before == null) {
          target.put(c.getKey(), Tree.copy(c.getValue()));
        } else if (!Objects.equals(target.get(c.getKey()), c.getValue())) {
          problems.add("component " + key + " is defined differently in " + before.name() + " and " + file.name()
              + ": define it once, in the area that owns it, and $ref it ('#/components/" + key
              + "') from the other.");
        }
      }
    }
  }
}
