package io.zenapi.zendesk.specbuild;

import io.zenapi.zendesk.specbuild.diff.SpecDiff;
import java.nio.file.Path;
import java.util.Map;

/**
 * Command line of the spec tool, run by Maven.
 *
 * <pre>
 *   merge  &lt;specDir&gt; &lt;out.json&gt;      merge, normalise and write the spec the generator reads
 *   import &lt;upstream.yaml&gt; &lt;specDir&gt;  re-split an upstream spec into the area files
 *   diff   &lt;specDir&gt; &lt;upstream&gt; &lt;outDir&gt; &lt;allowBreaking&gt;
 *                                    what a new upstream spec (file or fragment directory) changes for Java callers
 * </pre>
 * When the specs are broken it prints the problems to standard error and throws, which fails the Maven build
 * (the tool runs inside Maven's JVM, so it must not call {@code System.exit}).
 */
public final class SpecTool {
  private SpecTool() {}

  /** Entry point. */
  public static void main(String[] args) {
    try {
      if (args.length == 3 && args[0].equals("merge")) {
        SpecMerge merge = new SpecMerge();
        Map<String, Object> spec = merge.merge(Path.of(args[1]));
        JsonFiles.write(spec, Path.of(args[2]));
        merge.log().forEach(l -> System.out.println("[spec] " + l));
        merge.warnings().forEach(w -> System.out.println("[spec] WARNING: " + w));
        System.out.println("[spec] wrote " + args[2]);
      } else if (args.length == 3 && args[0].equals("import")) {
        if (notGiven(args[1])) {
          throw new SpecBuildException("import: no upstream spec given; run 'make import-spec SPEC=path/to/oas.yaml'.");
        }
        SpecImporter.Result r = new SpecImporter().importSpec(Path.of(args[1]), Path.of(args[2]));
        System.out.println("[spec] imported " + r.operations() + " operations into " + r.areas()
            + " area files under " + args[2] + "; review with 'git diff " + args[2] + "'");
      } else if (args.length == 5 && args[0].equals("diff")) {
        if (notGiven(args[2])) {
          throw new SpecBuildException("diff: no new spec given; run 'make spec-diff SPEC=path/to/oas.yaml'.");
        }
        SpecDiff.Result r = SpecDiff.run(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]));
        r.report().warnings().forEach(w -> System.out.println("[spec] WARNING (new spec): " + w));
        System.out.println("[spec] report: " + r.reportFile());
        System.out.println(r.report().summary());
        boolean allowBreaking = args[4].equals("1") || args[4].equalsIgnoreCase("true");
        if (r.breaking() > 0 && !allowBreaking) {
          throw new SpecBuildException(r.breaking() + " changes break Java callers (listed in " + r.reportFile()
              + "). Review them, then re-run with ALLOW_BREAKING=1 to accept them.");
        }
      } else {
        throw new SpecBuildException("usage: SpecTool merge <specDir> <out.json> | import <upstream.yaml> <specDir>"
            + " | diff <specDir> <upstream> <outDir> <allowBreaking>");
      }
    } catch (SpecBuildException e) {
      System.err.println("[spec] ERROR: " + e.getMessage());
      throw e;
    }
  }

  /** Whether a path argument is missing: empty, or Maven's unexpanded {@code ${spec}} when SPEC= was not given. */
  private static boolean notGiven(String arg) {
    return arg.isBlank() || arg.contains("${");
  }
}
