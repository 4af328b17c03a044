package io.zenapi.zendesk.specbuild.diff;

import io.zenapi.zendesk.specbuild.Operation;
import io.zenapi.zendesk.specbuild.SpecBuildException;
import io.zenapi.zendesk.specbuild.SpecFile;
import io.zenapi.zendesk.specbuild.SpecMerge;
import io.zenapi.zendesk.specbuild.Tree;
import io.zenapi.zendesk.specbuild.YamlFiles;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Joins a directory of per-area upstream fragments (Zendesk's per-area files) into one upstream document that
 * {@code make import-spec} can split. Fragments repeat operations and components that belong to several areas:
 * identical repeats are kept once, different ones stop the join naming both files. A fragment may reference a
 * component that no fragment defines; such components (and what they reference) are taken from the committed
 * spec's area files, and the join says how many, so a fragment set that is not self-contained can still be
 * compared.
 */
public final class FragmentJoiner {
  /**
   * The joined document and what the join had to do.
   *
   * @param doc the joined upstream document
   * @param fragments how many fragment files were read
   * @param operations how many distinct operations they define
   * @param borrowed components taken from the committed spec ("schemas/X")
   * @param leftOut operations and components left out because they reference what is defined nowhere
   */
  public record Joined(Map<String, Object> doc, int fragments, int operations, List<String> borrowed,
      List<String> leftOut) {}

  private FragmentJoiner() {}

  /** Joins the {@code *.yaml}/{@code *.yml} files of {@code dir}, borrowing from the spec directory {@code committed}. */
  public static Joined join(Path dir, Path committed) {
    List<SpecFile> fragments = YamlFiles.list(dir).stream().map(SpecFile::read).toList();
    if (fragments.isEmpty()) {
      throw new SpecBuildException(dir + ": has no *.yaml or *.yml fragments.");
    }
    List<String> problems = new ArrayList<>();
    Map<String, Object> paths = new LinkedHashMap<>();
    Map<String, Map<String, Object>> components = new LinkedHashMap<>();
    Map<String, String> origin = new LinkedHashMap<>();
    int operations = 0;
    for (SpecFile f : fragments) {
      Map<String, Object> fragmentPaths = Tree.map(f.doc(), "paths");
      if (fragmentPaths != null) {
        for (var p : fragmentPaths.entrySet()) {
          Map<String, Object> into = Tree.child(paths, p.getKey());
          Map<String, Object> item = Tree.asMap(p.getValue());
          if (item == null) {
            continue;
          }
          for (var m : item.entrySet()) {
            String key = m.getKey().toUpperCase(java.util.Locale.ROOT) + " " + p.getKey();
            Object existing = into.get(m.getKey());
            if (existing == null) {
              into.put(m.getKey(), Tree.copy(m.getValue()));
              origin.put(key, f.name());
              operations += Operation.METHODS.contains(m.getKey()) ? 1 : 0;
            } else if (!existing.equals(m.getValue())) {
              problems.add(key + " differs between " + origin.get(key) + " and " + f.name()
                  + ": the fragments disagree, so there is no single upstream definition to compare.");
            }
          }
        }
      }
      Map<String, Object> fragmentComponents = Tree.map(f.doc(), "components");
      if (fragmentComponents != null) {
        for (var type : fragmentComponents.entrySet()) {
          Map<String, Object> entries = Tree.asMap(type.getValue());
          if (entries == null) {
            continue;
          }
          for (var c : entries.entrySet()) {
            String key = type.getKey() + "/" + c.getKey();
            Map<String, Object> into = components.computeIfAbsent(type.getKey(), t -> new LinkedHashMap<>());
            Object existing = into.get(c.getKey());
            if (existing == null) {
              into.put(c.getKey(), Tree.copy(c.getValue()));
              origin.put(key, f.name());
            } else if (!existing.equals(c.getValue())) {
              problems.add("component " + key + " differs between " + origin.get(key) + " and " + f.name() + ".");
            }
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new SpecBuildException(problems);
    }
    Map<String, Object> root = SpecFile.read(committed.resolve(SpecMerge.ROOT_FILE)).doc();
    Map<String, Object> doc = new LinkedHashMap<>();
    for (String key : List.of("openapi", "info", "servers", "security")) {
      if (root.containsKey(key)) {
        doc.put(key, Tree.copy(root.get(key)));
      }
    }
    Map<String, Map<String, Object>> rootComponents = new LinkedHashMap<>();
    Map<String, Object> rc = Tree.map(root, "components");
    if (rc != null) {
      rc.forEach((t, v) -> rootComponents.put(t, Tree.asMap(v)));
    }
    rootComponents.forEach((t, entries) -> entries.forEach((n, v) ->
        components.computeIfAbsent(t, x -> new LinkedHashMap<>()).putIfAbsent(n, Tree.copy(v))));
    doc.put("paths", paths);
    List<String> borrowed = borrow(paths, components, committedComponents(committed));
    List<String> leftOut = leaveOutUnresolvable(paths, components);
    Map<String, Object> out = new LinkedHashMap<>();
    components.forEach(out::put);
    doc.put("components", out);
    return new Joined(doc, fragments.size(), operations, borrowed, leftOut);
  }

  /** Adds every component referenced but not defined, transitively; returns their keys ("schemas/X"). */
  private static List<String> borrow(Map<String, Object> paths, Map<String, Map<String, Object>> components,
      Map<String, Map<String, Object>> committed) {
    List<String> borrowed = new ArrayList<>();
    Deque<Object> work = new ArrayDeque<>(List.of(paths, components));
    while (!work.isEmpty()) {
      for (String key : Tree.componentRefs(work.pop())) {
        String[] parts = key.split("/", 2);
        if (parts.length != 2) {
          continue;
        }
        Map<String, Object> have = components.computeIfAbsent(parts[0], t -> new LinkedHashMap<>());
        Object found = Tree.map(committed.get(parts[0]), parts[1]);
        if (!have.containsKey(parts[1]) && found != null) {
          have.put(parts[1], Tree.copy(found));
          borrowed.add(key);
          work.push(have.get(parts[1]));
        }
      }
    }
    return borrowed;
  }

  /**
   * Removes what references a component that neither the fragments nor the committed spec define, transitively
   * (a component referencing a removed one goes too), rather than inventing a definition for it.
   */
  private static List<String> leaveOutUnresolvable(Map<String, Object> paths,
      Map<String, Map<String, Object>> components) {
    List<String> leftOut = new ArrayList<>();
    boolean removed = true;
    while (removed) {
      removed = false;
      for (var type : components.entrySet()) {
        for (String name : List.copyOf(type.getValue().keySet())) {
          String missing = firstMissing(type.getValue().get(name), components);
          if (missing != null) {
            type.getValue().remove(name);
            leftOut.add("component " + type.getKey() + "/" + name + " (references " + missing + ")");
            removed = true;
          }
        }
      }
    }
    for (String path : List.copyOf(paths.keySet())) {
      Map<String, Object> item = Tree.asMap(paths.get(path));
      for (String method : List.copyOf(item.keySet())) {
        String missing = firstMissing(item.get(method), components);
        if (Operation.METHODS.contains(method) && missing != null) {
          item.remove(method);
          leftOut.add("operation " + method.toUpperCase(java.util.Locale.ROOT) + " " + path + " (references "
              + missing + ")");
        }
      }
      String sharedMissing = firstMissing(item.get("parameters"), components);
      if (sharedMissing != null) {
        for (String method : List.copyOf(item.keySet())) {
          if (Operation.METHODS.contains(method)) {
            leftOut.add("operation " + method.toUpperCase(java.util.Locale.ROOT) + " " + path + " (references "
                + sharedMissing + ")");
          }
        }
        paths.remove(path);
      } else if (item.keySet().stream().noneMatch(Operation.METHODS::contains)) {
        paths.remove(path);
      }
    }
    return leftOut;
  }

  private static String firstMissing(Object node, Map<String, Map<String, Object>> components) {
    return Tree.componentRefs(node).stream().filter(key -> {
      String[] parts = key.split("/", 2);
      return parts.length == 2 && !components.getOrDefault(parts[0], Map.of()).containsKey(parts[1]);
    }).findFirst().orElse(null);
  }

  /** The union of the committed area files' components (as imported, before overlays and normalisation). */
  private static Map<String, Map<String, Object>> committedComponents(Path specDir) {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    for (Path p : YamlFiles.list(specDir)) {
      Map<String, Object> c = Tree.map(SpecFile.read(p).doc(), "components");
      if (c != null) {
        c.forEach((t, v) -> Objects.requireNonNullElse(Tree.asMap(v), Map.<String, Object>of())
            .forEach((n, d) -> out.computeIfAbsent(t, x -> new LinkedHashMap<>()).putIfAbsent(n, d)));
      }
    }
    return out;
  }
}
