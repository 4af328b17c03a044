package io.zenapi.zendesk.specbuild;

import io.zenapi.zendesk.specbuild.rules.NormalisationRule;
import io.zenapi.zendesk.specbuild.rules.Normaliser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole merge: root file + area files → union → reference check → overlays → normalisation → final check.
 *
 * <p>Layout of the spec directory: {@code _root.yaml} (info, servers, security), one {@code <area>.yaml} per
 * Zendesk API area (imported, never edited by hand), and {@code overlays/*.yaml} (local fixes and additions).
 */
public final class SpecMerge {
  /** The root file's name inside the spec directory. */
  public static final String ROOT_FILE = "_root.yaml";
  /** The overlay directory's name inside the spec directory. */
  public static final String OVERLAY_DIR = "overlays";

  private final List<NormalisationRule> rules;
  private final boolean lenientOverlays;
  private final List<String> log = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private final Map<String, Integer> ruleChanges = new LinkedHashMap<>();

  /** A merge with the project's normalisation rules. */
  public SpecMerge() {
    this(Normaliser.RULES);
  }

  /** A merge with the given rules (tests run one rule at a time). */
  public SpecMerge(List<NormalisationRule> rules) {
    this(rules, false);
  }

  private SpecMerge(List<NormalisationRule> rules, boolean lenientOverlays) {
    this.rules = List.copyOf(rules);
    this.lenientOverlays = lenientOverlays;
  }

  /**
   * The same merge, except that an overlay part aimed at an operation the specs no longer define is left out and
   * reported in {@link #warnings()} instead of stopping the merge. The spec diff previews a new upstream spec this
   * way; the build itself stays strict.
   */
  public SpecMerge lenientOverlays() {
    return new SpecMerge(rules, true);
  }

  /** Merges the spec directory and returns the merged, normalised spec. */
  public Map<String, Object> merge(Path specDir) {
    Path rootPath = specDir.resolve(ROOT_FILE);
    if (!Files.isRegularFile(rootPath)) {
      throw new SpecBuildException(rootPath + ": missing. The spec directory needs a root file with 'openapi',"
          + " 'info' and 'servers'; run 'make import-spec SPEC=...' to create the layout.");
    }
    List<Path> areaPaths = YamlFiles.list(specDir).stream()
        .filter(p -> !p.getFileName().toString().equals(ROOT_FILE)).toList();
    if (areaPaths.isEmpty()) {
      throw new SpecBuildException(specDir + ": has no area files (*.yaml).");
    }
    // Parse everything first so that every malformed file is reported in one run.
    List<String> parseProblems = new ArrayList<>();
    SpecFile root = readCollecting(rootPath, parseProblems);
    List<SpecFile> areas = new ArrayList<>();
    for (Path p : areaPaths) {
      SpecFile f = readCollecting(p, parseProblems);
      if (f != null) {
        areas.add(f);
      }
    }
    List<SpecFile> overlays = new ArrayList<>();
    for (Path p : YamlFiles.list(specDir.resolve(OVERLAY_DIR))) {
      SpecFile f = readCollecting(p, parseProblems);
      if (f != null) {
        overlays.add(f);
      }
    }
    if (!parseProblems.isEmpty()) {
      throw new SpecBuildException(parseProblems);
    }

    AreaMerger merger = new AreaMerger(root);
    areas.forEach(merger::add);
    Map<String, Object> spec = merger.result();
    List<String> refProblems = new ArrayList<>(RefChecker.check(root, spec));
    areas.forEach(a -> refProblems.addAll(RefChecker.check(a, spec)));
    if (!refProblems.isEmpty()) {
      throw new SpecBuildException(refProblems);
    }
    log.add("merged " + areas.size() + " area files: " + Operation.all(spec).size() + " operations, "
        + countComponents(spec) + " components");

    for (SpecFile overlay : overlays) {
      List<String> skipped = lenientOverlays ? new ArrayList<>() : null;
      Map<String, Object> before = lenientOverlays ? Tree.copyMap(spec) : null;
      boolean changed = Overlays.apply(overlay, spec, skipped);
      List<String> problems = RefChecker.check(overlay, spec);
      if (!problems.isEmpty() && before != null) {
        // the overlay needs components the new spec no longer has: preview without it, and say so
        spec.clear();
        spec.putAll(before);
        warnings.add(overlay.name() + ": left out whole, its references no longer resolve: "
            + String.join(" ", problems));
        continue;
      }
      if (!problems.isEmpty()) {
        throw new SpecBuildException(problems);
      }
      if (!changed) {
        warnings.add(overlay.name() + ": changes nothing; upstream already has what it adds. Delete it.");
      }
      if (skipped != null) {
        skipped.forEach(w -> warnings.add(w + " (left out)"));
      }
    }
    log.add("applied " + overlays.size() + " overlays");

    for (NormalisationRule rule : rules) {
      int changes = rule.apply(spec);
      ruleChanges.put(rule.name(), changes);
      log.add(String.format("rule %-36s %5d changes", rule.name(), changes));
      if (changes == 0) {
        // a rule that silently stopped applying is how a regression slips in after an upstream change
        warnings.add("rule " + rule.name() + " matches nothing: upstream fixed the defect it works around, or"
            + " changed its shape so that the rule no longer sees it. Check before deleting or adapting it.");
      }
    }
    RefChecker.checkMerged(spec, "merged spec (after normalisation)");
    return spec;
  }

  /** What the last merge did, one line a step. */
  public List<String> log() {
    return List.copyOf(log);
  }

  /** What the last merge found suspicious but not fatal: rules and overlays that no longer apply. */
  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  /** How many places each normalisation rule changed in the last merge, in the order they ran. */
  public Map<String, Integer> ruleChanges() {
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(ruleChanges));
  }

  private static SpecFile readCollecting(Path p, List<String> problems) {
    try {
      return SpecFile.read(p);
    } catch (SpecBuildException e) {
      problems.addAll(e.problems());
      return null;
    }
  }

  private static int countComponents(Map<String, Object> spec) {
    int n = 0;
    Map<String, Object> components = Tree.map(spec, "components");
    if (components != null) {
      for (Object v : components.values()) {
        Map<String, Object> m = Tree.asMap(v);
        n += m == null ? 0 : m.size();
      }
    }
    return n;
  }
}
