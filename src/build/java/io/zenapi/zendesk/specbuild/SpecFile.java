package io.zenapi.zendesk.specbuild;

import java.nio.file.Path;
import java.util.Map;

/**
 * A parsed spec file and where it came from.
 *
 * @param path the file, used in every message about it
 * @param doc its parsed content
 */
public record SpecFile(Path path, Map<String, Object> doc) {
  /** Reads and parses a YAML spec file. */
  public static SpecFile read(Path path) {
    return new SpecFile(path, YamlFiles.read(path));
  }

  /** The file name, for messages. */
  public String name() {
    Path parent = path.getParent();
    return parent == null ? path.toString() : parent.getFileName() + "/" + path.getFileName();
  }
}
