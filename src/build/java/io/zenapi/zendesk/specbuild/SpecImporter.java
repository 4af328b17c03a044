package io.zenapi.zendesk.specbuild;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Splits one upstream spec into the per-area files of the spec directory, deterministically.
 *
 * <ul>
 *   <li>An operation belongs to the area named after its first tag ({@code Ticket Skips} →
 *       {@code ticket-skips.yaml}); a path whose operations fall in several areas appears in each of them,
 *       with its path-level fields repeated.</li>
 *   <li>Each component is defined once, in the area that references it most directly (operations first,
 *       then components of already placed components); ties go to the alphabetically first area. What no
 *       operation reaches goes to {@code common.yaml}. Security schemes go to the root file.</li>
 *   <li>Overlays are never touched, so local fixes survive a re-import.</li>
 *   <li>Area files whose first line starts with {@value #HAND_MAINTAINED} (areas upstream lacks, such as the
 *       Webhooks API) are never touched either; upstream gaining an area of the same name is an error, so that
 *       the two are reconciled by hand rather than one silently replacing the other.</li>
 * </ul>
 * Running it twice on the same upstream file writes byte-identical files.
 */
public final class SpecImporter {
  private static final List<String> COMPONENT_TYPES = List.of("schemas", "parameters", "responses",
      "requestBodies", "headers", "examples", "links", "callbacks", "securitySchemes");
  private static final String COMMON = "common";
  private static final String HEADER =
      "# Imported from Zendesk's upstream spec by 'make import-spec'. Do not edit by hand: fixes belong in\n"
          + "# openapi/overlays/ or in a normalisation rule, so that the next import keeps them.\n";

  /** How the first line of an area file that upstream lacks begins: the import keeps such a file. */
  public static final String HAND_MAINTAINED = "# Hand-maintained area";

  /** What an import wrote. */
  public record Result(int areas, int operations) {}

  /** Imports {@code upstream} into {@code specDir}, replacing its area files and root file. */
  public Result importSpec(Path upstream, Path specDir) {
    Map<String, Object> spec = YamlFiles.read(upstream);
    List<Operation> ops = Operation.all(spec);
    if (ops.isEmpty()) {
      throw new SpecBuildException(upstream + ": defines no operations; is it an OpenAPI document?");
    }
    Map<String, Map<String, Object>> areas = new TreeMap<>();
    Map<String, Set<String>> areaTags = new HashMap<>();
    for (Operation op : ops) {
      String area = areaOf(op);
      List<Object> opTags = Tree.list(op.op(), "tags");
      String title = opTags == null || opTags.isEmpty() ? area : String.valueOf(opTags.get(0));
      Map<String, Object> doc = areas.computeIfAbsent(area, a -> newArea(spec, title));
      Map<String, Object> item = Tree.child(Tree.child(doc, "paths"), op.path());
      op.pathItem().forEach((k, v) -> {
        if (!Operation.METHODS.contains(k)) {
          item.putIfAbsent(k, Tree.copy(v));
        }
      });
      item.put(op.method(), Tree.copy(op.op()));
      List<Object> tags = Tree.list(op.op(), "tags");
      if (tags != null) {
        tags.forEach(t -> areaTags.computeIfAbsent(area, a -> new LinkedHashSet<>()).add(String.valueOf(t)));
      }
    }
    Map<String, String> owners = assignComponents(spec, areas);
    Map<String, Object> root = rootDoc(spec);
    Map<String, Object> upstreamComponents = Tree.map(spec, "components");
    for (String type : COMPONENT_TYPES) {
      Map<String, Object> entries = Tree.map(upstreamComponents, type);
      if (entries == null) {
        continue;
      }
      for (String name : new java.util.TreeSet<>(entries.keySet())) {
        String owner = owners.getOrDefault(type + "/" + name, COMMON);
        Map<String, Object> doc = type.equals("securitySchemes") ? root
            : areas.computeIfAbsent(owner, a -> newArea(spec, "Common components"));
        Tree.child(Tree.child(doc, "components"), type).put(name, Tree.copy(entries.get(name)));
      }
    }
    addTagDefinitions(spec, areas, areaTags);
    write(specDir, root, areas);
    return new Result(areas.size(), ops.size());
  }

  /** The area file name (without extension) for an operation: its first tag, as a slug. */
  static String areaOf(Operation op) {
    List<Object> tags = Tree.list(op.op(), "tags");
    return tags == null || tags.isEmpty() ? "untagged" : slug(String.valueOf(tags.get(0)));
  }

  /** {@code "Ticket Skips"} → {@code ticket-skips}; {@code "AssigneeFieldAssignableGroups"} → split on case. */
  static String slug(String tag) {
    String spaced = tag.replaceAll("([a-z0-9])([A-Z])", "$1-$2");
    return spaced.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
  }

  private static Map<String, Object> newArea(Map<String, Object> spec, String title) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("openapi", spec.get("openapi"));
    Map<String, Object> info = new LinkedHashMap<>();
    Map<String, Object> upstreamInfo = Tree.map(spec, "info");
    info.put("title", (upstreamInfo == null ? "API" : upstreamInfo.get("title")) + ": " + title);
    info.put("version", upstreamInfo == null ? "1.0" : upstreamInfo.get("version"));
    doc.put("info", info);
    return doc;
  }

  private static Map<String, Object> rootDoc(Map<String, Object> spec) {
    Map<String, Object> root = new LinkedHashMap<>();
    for (String key : List.of("openapi", "info", "servers", "security")) {
      if (spec.containsKey(key)) {
        root.put(key, Tree.copy(spec.get(key)));
      }
    }
    return root;
  }

  /** component key ("schemas/TicketObject") → owning area. */
  private static Map<String, String> assignComponents(Map<String, Object> spec,
      Map<String, Map<String, Object>> areas) {
    Map<String, String> owners = new HashMap<>();
    // 1. components referenced directly by operations: the area with the most referencing operations owns them
    Map<String, Map<String, Integer>> votes = new HashMap<>();
    for (Map.Entry<String, Map<String, Object>> area : areas.entrySet()) {
      for (Operation op : Operation.all(area.getValue())) {
        Set<String> refs = Tree.componentRefs(op.op());
        refs.addAll(Tree.componentRefs(op.pathItem().get("parameters")));
        for (String ref : refs) {
          votes.computeIfAbsent(ref, r -> new TreeMap<>()).merge(area.getKey(), 1, Integer::sum);
        }
      }
    }
    decide(votes, owners);
    // 2. components referenced only by components: the owners of the referring components vote, until fixed
    Map<String, Object> components = Tree.map(spec, "components");
    while (true) {
      Map<String, Map<String, Integer>> more = new HashMap<>();
      for (String placed : new ArrayList<>(owners.keySet())) {
        Object def = definition(components, placed);
        for (String ref : Tree.componentRefs(def)) {
          if (!owners.containsKey(ref)) {
            more.computeIfAbsent(ref, r -> new TreeMap<>()).merge(owners.get(placed), 1, Integer::sum);
          }
        }
      }
      if (more.isEmpty()) {
        return owners;
      }
      decide(more, owners);
    }
  }

  private static void decide(Map<String, Map<String, Integer>> votes, Map<String, String> owners) {
    votes.forEach((ref, byArea) -> owners.put(ref, byArea.entrySet().stream()
        .max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
            .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
        .orElseThrow().getKey()));
  }

  private static Object definition(Map<String, Object> components, String key) {
    int slash = key.indexOf('/');
    return Tree.map(Tree.map(components, key.substring(0, slash)), key.substring(slash + 1));
  }

  private static void addTagDefinitions(Map<String, Object> spec, Map<String, Map<String, Object>> areas,
      Map<String, Set<String>> areaTags) {
    Map<String, Object> definitions = new HashMap<>();
    List<Object> upstreamTags = Tree.list(spec, "tags");
    if (upstreamTags != null) {
      for (Object t : upstreamTags) {
        String name = Tree.string(Tree.asMap(t), "name");
        if (name != null) {
          definitions.put(name, t);
        }
      }
    }
    areaTags.forEach((area, tags) -> {
      List<Object> list = new ArrayList<>();
      for (String tag : tags) {
        list.add(definitions.containsKey(tag) ? Tree.copy(definitions.get(tag)) : Tree.of("name", tag));
      }
      // tags come right after info, before paths, as in any OpenAPI document
      Map<String, Object> doc = areas.get(area);
      Map<String, Object> reordered = new LinkedHashMap<>();
      reordered.put("openapi", doc.remove("openapi"));
      reordered.put("info", doc.remove("info"));
      reordered.put("tags", list);
      reordered.putAll(doc);
      doc.clear();
      doc.putAll(reordered);
    });
  }

  private static void write(Path specDir, Map<String, Object> root, Map<String, Map<String, Object>> areas) {
    try {
      Files.createDirectories(specDir);
      Set<Path> keep = new HashSet<>();
      Path rootPath = specDir.resolve(SpecMerge.ROOT_FILE);
      Files.writeString(rootPath, HEADER + YamlFiles.render(root), StandardCharsets.UTF_8);
      keep.add(rootPath);
      for (Map.Entry<String, Map<String, Object>> a : areas.entrySet()) {
        Path p = specDir.resolve(a.getKey() + ".yaml");
        if (handMaintained(p)) {
          throw new SpecBuildException(p + " is hand-maintained, and upstream now has this area too: compare the"
              + " two, then delete the hand-maintained file (or rename it) and import again.");
        }
        Files.writeString(p, HEADER + YamlFiles.render(a.getValue()), StandardCharsets.UTF_8);
        keep.add(p);
      }
      // areas that upstream no longer has are removed, so the diff shows them going
      try (Stream<Path> s = Files.list(specDir)) {
        for (Path p : s.filter(p -> (p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
            && !keep.contains(p) && !handMaintained(p)).toList()) {
          Files.delete(p);
        }
      }
    } catch (IOException e) {
      throw new SpecBuildException(specDir + ": cannot write the area files (" + e.getMessage() + ").");
    }
  }

  /** Whether {@code file} exists and starts with the {@value #HAND_MAINTAINED} mark. */
  private static boolean handMaintained(Path file) {
    if (!Files.isRegularFile(file)) {
      return false;
    }
    try (java.io.BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String first = in.readLine();
      return first != null && first.startsWith(HAND_MAINTAINED);
    } catch (IOException e) {
      throw new SpecBuildException(file + ": cannot be read (" + e.getMessage() + ").");
    }
  }
}
