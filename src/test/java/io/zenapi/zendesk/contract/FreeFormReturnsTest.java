package io.zenapi.zendesk.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

// Every generated method returning Object, Map or String for a JSON body is listed, with its reason, in
// free-form-json-returns.tsv; every other method returns a model (or Void, or a download's ResponseBody).
class FreeFormReturnsTest {
  private static final String FILE = "/free-form-json-returns.tsv";

  @Test
  void everyFreeFormJsonReturnIsListedWithItsReason() throws IOException {
    Map<String, String> found = new TreeMap<>();
    MergedSpec spec = MergedSpec.load();
    GeneratedApis apis = new GeneratedApis();
    for (MergedSpec.Op op : spec.operations()) {
      Method m = apis.method(op.id());
      Type body = ((ParameterizedType) m.getGenericReturnType()).getActualTypeArguments()[0];
      Class<?> raw = body instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) body;
      if (raw == Object.class || raw == String.class || Map.class.isAssignableFrom(raw)) {
        found.put(m.getDeclaringClass().getSimpleName() + "." + m.getName(), raw.getSimpleName());
      }
    }
    Map<String, String> listed = new TreeMap<>();
    try (InputStream in = FreeFormReturnsTest.class.getResourceAsStream(FILE)) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] cols = line.split("\t");
          assertEquals(3, cols.length, "interface.method, type and reason: " + line);
          listed.put(cols[0], cols[1]);
        }
      }
    }
    assertEquals(listed, found, "methods returning Object, Map or String for JSON (31 before issue #17)");
    System.out.printf("[free-form] %d generated methods return Object, Map or String for a JSON body, each listed%n",
        found.size());
  }
}
