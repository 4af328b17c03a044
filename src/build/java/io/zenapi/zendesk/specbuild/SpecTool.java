package io.zenapi.zendesk.specbuild;

import java.nio.file.Path;
import java.util.Map;

/**
 * Command line of the spec tool, run by Maven.
 *
 * <pre>
 *   merge  &lt;specDir&gt; &lt;out.json&gt;      merge, normalise and write the spec the generator reads
 *   import &lt;upstream.yaml&gt; &lt;specDir&gt;  re-split an upstream spec into the area files
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
        System.out.println("[spec] wrote " + args[2]);
      } else if (args.length == 3 && args[0].equals("import")) {
        if (args[1].isBlank() || args[1].contains("${")) {
          throw new SpecBuildException("import: no upstream spec given; run 'make import-spec SPEC=path/to/oas.yaml'.");
        }
        SpecImporter.Result r = new SpecImporter().importSpec(Path.of(args[1]), Path.of(args[2]));
        System.out.println("[spec] imported " + r.operations() + " operations into " + r.areas()
            + " area files under " + args[2] + "; review with 'git diff " + args[2] + "'");
      } else {
        throw new SpecBuildException("usage: SpecTool merge <specDir> <out.json> | import <upstream.yaml> <specDir>");
      }
    } catch (SpecBuildException e) {
      System.err.println("[spec] ERROR: " + e.getMessage());
      throw e;
    }
  }
}
