package io.zenapi.zendesk.specbuild;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes the merged spec as JSON: unambiguous for every parser, and nulls in examples are kept. */
public final class JsonFiles {
  private static final Gson GSON =
      new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create();

  private JsonFiles() {}

  /** Writes {@code doc} to {@code file}, creating parent directories. */
  public static void write(Map<String, Object> doc, Path file) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        GSON.toJson(doc, w);
      }
    } catch (IOException e) {
      throw new SpecBuildException(file + ": cannot be written (" + e.getMessage() + ").");
    }
  }
}
