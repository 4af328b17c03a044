package io.zenapi.zendesk.specbuild.diff;

import io.zenapi.zendesk.specbuild.JsonFiles;
import io.zenapi.zendesk.specbuild.Operation;
import io.zenapi.zendesk.specbuild.SpecBuildException;
import io.zenapi.zendesk.specbuild.SpecImporter;
import io.zenapi.zendesk.specbuild.SpecMerge;
import io.zenapi.zendesk.specbuild.Tree;
import io.zenapi.zendesk.specbuild.YamlFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;

/**
 * {@code make spec-diff SPEC=...}: what a new upstream spec would change for Java callers, before it is imported.
 *
 * <ol>
 *   <li>The committed spec directory is copied to a scratch directory and the new upstream spec is imported
 *       there (a directory of per-area fragments is joined first, see {@link FragmentJoiner}).</li>
 *   <li>Both are merged and normalised exactly as the build does; overlays that no longer apply to the new spec
 *       are left out and reported instead of stopping the preview.</li>
 *   <li>openapi-diff compares the two ({@link DiffInput}); {@link JavaCallerClassifier} classifies each change
 *       for a Java caller; {@link SpecDiffReport} writes the Markdown report and the one-line summary.</li>
 * </ol>
 * The committed {@code openapi/} directory is never written.
 */
public final class SpecDiff {
  /** What a run found. */
  public record Result(SpecDiffReport report, Path reportFile) {
    /** How many changes break Java callers. */
    public long breaking() {
      return report.count(Severity.BREAKING);
    }
  }

  private SpecDiff() {}

  /**
   * Compares the committed spec directory with a new upstream spec file or fragment directory, writing the
   * scratch import, both merged specs and {@code report.md} under {@code outDir}.
   */
  public static Result run(Path specDir, Path upstream, Path outDir) {
    if (!Files.exists(upstream)) {
      throw new SpecBuildException(upstream + ": does not exist; give 'make spec-diff SPEC=' a spec file or a"
          + " directory of per-area fragments.");
    }
    Path scratch = outDir.resolve("openapi");
    deleteTree(outDir);
    copyTree(specDir, scratch);
    List<String> notes = new ArrayList<>();
    Path upstreamFile = upstream;
    if (Files.isDirectory(upstream)) {
      FragmentJoiner.Joined joined = FragmentJoiner.join(upstream, specDir);
      upstreamFile = outDir.resolve("joined-upstream.yaml");
      write(upstreamFile, YamlFiles.render(joined.doc()));
      notes.add("Joined " + joined.fragments() + " fragments from `" + upstream + "` into " + joined.operations()
          + " operations (`" + upstreamFile + "`).");
      if (!joined.borrowed().isEmpty()) {
        notes.add(joined.borrowed().size() + " components that the fragments reference but do not define were"
            + " taken from the committed spec, so they compare as unchanged.");
      }
      if (!joined.leftOut().isEmpty()) {
        notes.add(joined.leftOut().size() + " items reference components that neither the fragments nor the"
            + " committed spec define, and were left out of the comparison: " + String.join("; ", joined.leftOut())
            + ".");
      }
    }
    new SpecImporter().importSpec(upstreamFile, scratch);

    SpecMerge committedMerge = new SpecMerge();
    Map<String, Object> committed = committedMerge.merge(specDir);
    SpecMerge newMerge = new SpecMerge().lenientOverlays();
    Map<String, Object> next = newMerge.merge(scratch);
    Path oldJson = outDir.resolve("committed.json");
    Path newJson = outDir.resolve("new.json");
    JsonFiles.write(DiffInput.of(committed), oldJson);
    JsonFiles.write(DiffInput.of(next), newJson);
    ChangedOpenApi diff = OpenApiCompare.fromFiles(oldJson.toFile(), newJson.toFile());

    SpecDiffReport report = new SpecDiffReport(specDir.toString(), upstream.toString(),
        JavaCallerClassifier.classify(diff), counts(committed), counts(next),
        diff.getChangedOperations().stream().filter(o -> DiffInput.modelOf(o.getPathUrl()) == null).count(),
        committedMerge.ruleChanges(), newMerge.ruleChanges(), newMerge.warnings(), notes);
    Path reportFile = outDir.resolve("report.md");
    write(reportFile, report.markdown());
    return new Result(report, reportFile);
  }

  /** Operations and component schemas of a merged spec. */
  static SpecDiffReport.Counts counts(Map<String, Object> spec) {
    Map<String, Object> schemas = Tree.map(Tree.map(spec, "components"), "schemas");
    return new SpecDiffReport.Counts(Operation.all(spec).size(), schemas == null ? 0 : schemas.size());
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SpecBuildException(file + ": cannot be written (" + e.getMessage() + ").");
    }
  }

  private static void copyTree(Path from, Path to) {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    } catch (IOException e) {
      throw new SpecBuildException(from + ": cannot be copied to " + to + " (" + e.getMessage() + ").");
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new SpecBuildException(dir + ": cannot be cleared (" + e.getMessage() + ").");
    }
  }
}
