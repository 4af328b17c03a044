package io.zenapi.zendesk.specbuild.diff;

import io.zenapi.zendesk.specbuild.diff.Change.Kind;
import java.util.List;
import java.util.Map;

/**
 * The spec diff's findings: the Markdown report and the one-line summary.
 *
 * @param committed the committed spec directory
 * @param upstream the new upstream spec or fragment directory
 * @param changes every change, classified
 * @param before operations and models of the committed spec
 * @param after operations and models of the new spec
 * @param changedOperations operations openapi-diff found changed in any way (documentation included)
 * @param rulesBefore changes made by each normalisation rule on the committed spec
 * @param rulesAfter the same on the new spec
 * @param warnings the new spec's merge warnings: overlays and rules that no longer apply
 * @param notes how the new spec was read
 */
public record SpecDiffReport(String committed, String upstream, List<Change> changes, Counts before, Counts after,
    long changedOperations, Map<String, Integer> rulesBefore, Map<String, Integer> rulesAfter,
    List<String> warnings, List<String> notes) {

  /**
   * Sizes of one spec.
   *
   * @param operations its operations (generated methods)
   * @param models its component schemas (model classes)
   */
  public record Counts(int operations, int models) {}

  /** How many changes have this severity. */
  public long count(Severity severity) {
    return changes.stream().filter(c -> c.severity() == severity).count();
  }

  /** How many changes are of this kind. */
  public long count(Kind kind) {
    return changes.stream().filter(c -> c.kind() == kind).count();
  }

  /** The changes of one kind. */
  public List<Change> of(Kind kind) {
    return changes.stream().filter(c -> c.kind() == kind).toList();
  }

  /** Normalisation rules that changed something in the committed spec and nothing in the new one. */
  public List<String> rulesThatStoppedMatching() {
    return rulesAfter.entrySet().stream()
        .filter(e -> e.getValue() == 0 && rulesBefore.getOrDefault(e.getKey(), 0) > 0)
        .map(Map.Entry::getKey).toList();
  }

  /** Models whose own fields changed (a model is counted once, however many of its fields changed). */
  public long changedModels() {
    return changes.stream().filter(c -> c.where().startsWith("schema ") && c.kind() != Kind.SCHEMA_ADDED
        && c.kind() != Kind.SCHEMA_REMOVED).map(Change::where).distinct().count();
  }

  /** The one-line summary printed at the end of {@code make spec-diff}. */
  public String summary() {
    List<String> stopped = rulesThatStoppedMatching();
    return "spec-diff: operations " + before.operations() + " → " + after.operations()
        + " (" + count(Kind.OPERATION_ADDED) + " added, " + count(Kind.OPERATION_REMOVED) + " removed, "
        + count(Kind.OPERATION_RENAMED) + " renamed, " + changedOperations + " changed)"
        + "; models " + before.models() + " → " + after.models() + " (" + count(Kind.SCHEMA_ADDED) + " added, "
        + count(Kind.SCHEMA_REMOVED) + " removed, " + changedModels() + " changed)"
        + "; for Java callers: " + count(Severity.BREAKING) + " breaking, " + count(Severity.BEHAVIOUR)
        + " behaviour, " + count(Severity.COMPATIBLE) + " compatible"
        + "; rules that stopped matching: " + (stopped.isEmpty() ? "none" : String.join(", ", stopped))
        + "; overlay warnings: " + warnings.size();
  }

  /** The whole report. */
  public String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# Spec diff for Java callers\n\n")
        .append("From the committed spec (`").append(committed).append("`) to `").append(upstream)
        .append("`, both merged and normalised as the build does.\n\n")
        .append("**").append(summary()).append("**\n\n");
    notes.forEach(n -> md.append("- ").append(n).append('\n'));
    if (!notes.isEmpty()) {
      md.append('\n');
    }
    md.append("| | committed | new | added | removed | renamed | changed |\n|---|---:|---:|---:|---:|---:|---:|\n")
        .append("| operations (methods) | ").append(before.operations()).append(" | ").append(after.operations())
        .append(" | ").append(count(Kind.OPERATION_ADDED)).append(" | ").append(count(Kind.OPERATION_REMOVED))
        .append(" | ").append(count(Kind.OPERATION_RENAMED)).append(" | ").append(changedOperations).append(" |\n")
        .append("| models (classes) | ").append(before.models()).append(" | ").append(after.models())
        .append(" | ").append(count(Kind.SCHEMA_ADDED)).append(" | ").append(count(Kind.SCHEMA_REMOVED))
        .append(" | – | ").append(changedModels()).append(" |\n\n")
        .append("\"changed\" operations include changes to documentation only; the sections below list only what"
            + " a Java caller can notice.\n\n");
    for (Severity s : Severity.values()) {
      List<Change> of = changes.stream().filter(c -> c.severity() == s).toList();
      md.append("## ").append(s.title()).append(" (").append(of.size()).append(")\n\n");
      if (of.isEmpty()) {
        md.append("None.\n\n");
        continue;
      }
      md.append("| Where | Java | Change |\n|---|---|---|\n");
      for (Change c : of) {
        md.append("| `").append(cell(c.where())).append("` | `").append(cell(c.java())).append("` | ")
            .append(cell(c.what())).append(" |\n");
      }
      md.append('\n');
    }
    md.append("## Normalisation rules\n\n")
        .append("How many places each rule changed. A rule that stops matching has either been made unnecessary"
            + " upstream or no longer recognises the defect it fixes; check which before importing.\n\n")
        .append("| Rule | committed | new | |\n|---|---:|---:|---|\n");
    rulesBefore.forEach((rule, n) -> {
      int after = rulesAfter.getOrDefault(rule, 0);
      md.append("| ").append(rule).append(" | ").append(n).append(" | ").append(after).append(" | ")
          .append(after == 0 ? "**matches nothing in the new spec**" : "").append(" |\n");
    });
    md.append("\n## Overlays and merge warnings on the new spec\n\n");
    if (warnings.isEmpty()) {
      md.append("None: every overlay still applies and changes something.\n");
    }
    warnings.forEach(w -> md.append("- ").append(cell(w)).append('\n'));
    return md.toString();
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
