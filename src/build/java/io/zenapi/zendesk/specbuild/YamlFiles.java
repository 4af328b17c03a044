package io.zenapi.zendesk.specbuild;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads and writes spec files as YAML 1.2 (core schema).
 *
 * <p>YAML 1.2 matters here: the upstream spec has an example value that is a bare {@code =} and unquoted
 * timestamps. A YAML 1.1 loader crashes on the first and turns the second into date objects; under 1.2 both
 * are plain strings, exactly as Zendesk sends them.
 */
public final class YamlFiles {
  private YamlFiles() {}

  /** The {@code *.yaml} and {@code *.yml} files directly in {@code dir}, sorted; none when it is not a directory. */
  public static List<Path> list(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".yaml") || p.getFileName().toString().endsWith(".yml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new SpecBuildException(dir + ": cannot be listed (" + e.getMessage() + ").");
    }
  }

  /** Parses a YAML file into a tree whose keys are all strings. */
  public static Map<String, Object> read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new SpecBuildException(file + ": does not exist; check the path.");
    } catch (IOException e) {
      throw new SpecBuildException(file + ": cannot be read (" + e.getClass().getSimpleName() + ": "
          + e.getMessage() + ").");
    }
    return parse(text, file.toString());
  }

  /** Parses YAML text; {@code label} names its source in error messages. */
  public static Map<String, Object> parse(String text, String label) {
    LoadSettings settings = LoadSettings.builder()
        .setLabel(label)
        .setSchema(new CoreSchema())
        .setAllowDuplicateKeys(false)
        .setCodePointLimit(64 * 1024 * 1024)
        .build();
    Object doc;
    try {
      doc = new Load(settings).loadFromString(text);
    } catch (MarkedYamlEngineException e) {
      String where = e.getProblemMark()
          .map(m -> " at line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1))
          .orElse("");
      throw new SpecBuildException(label + ": malformed YAML" + where + ": " + firstLine(e.getProblem())
          + ". Fix the syntax of this file (it must be valid YAML 1.2) and build again.");
    } catch (YamlEngineException e) {
      throw new SpecBuildException(label + ": malformed YAML: " + firstLine(e.getMessage())
          + ". Fix the syntax of this file (it must be valid YAML 1.2) and build again.");
    }
    Map<String, Object> map = Tree.asMap(Tree.copy(doc));
    if (map == null) {
      throw new SpecBuildException(label + ": is not an OpenAPI document (its top level must be a mapping with"
          + " keys such as 'openapi', 'paths' and 'components'), found "
          + (doc == null ? "an empty file" : "a " + doc.getClass().getSimpleName()) + ".");
    }
    return map;
  }

  /** Renders a tree as block-style YAML 1.2, deterministic for the same input. */
  public static String render(Map<String, Object> doc) {
    DumpSettings settings = DumpSettings.builder()
        .setDefaultFlowStyle(FlowStyle.BLOCK)
        .setIndent(2)
        .setIndicatorIndent(0)
        .setWidth(120)
        .setSplitLines(false)
        .setSchema(new CoreSchema())
        .build();
    return new Dump(settings).dumpToString(doc);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unknown problem";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
