package io.zenapi.zendesk.specbuild;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

// Shared helpers for the spec tool's tests: writing small spec files and comparing trees exactly.
public final class TestSpecs {
  public static final String ROOT = """
      openapi: 3.0.3
      info:
        title: Test API
        version: '2'
      servers:
      - url: https://example.zendesk.com
      """;

  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().create();

  private TestSpecs() {}

  /** Writes {@code text} to {@code dir/name}, creating parent directories; returns the file. */
  public static Path write(Path dir, String name, String text) {
    try {
      Path p = dir.resolve(name);
      Files.createDirectories(p.getParent());
      Files.writeString(p, text, StandardCharsets.UTF_8);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses YAML the way the tool does. */
  public static Map<String, Object> yaml(String text) {
    return YamlFiles.parse(text, "test-input");
  }

  /** The tree as pretty JSON: key order and every value count, Integer 1 and Long 1 print the same. */
  public static String json(Object tree) {
    return GSON.toJson(tree);
  }

  /** Asserts that {@code actual} is exactly the tree written as {@code expectedYaml}, in the same key order. */
  public static void assertTree(String expectedYaml, Object actual) {
    assertEquals(json(yaml(expectedYaml)), json(actual));
  }

  /** {@code <dir name>/<file>}, the way SpecFile.name() names a file in messages. */
  public static String nameIn(Path dir, String file) {
    return dir.getFileName() + "/" + file;
  }
}
