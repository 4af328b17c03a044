package io.zenapi.zendesk.reliability;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;

/** Test support (copied from the package-private contract/MergedSpec and GeneratedApis): operations with a 2xx example, their generated method and plausible arguments. */
final class SpecOperations {
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
  private static final String API_PACKAGE = "io.zenapi.zendesk.generated.api";

  /** One operation with a 2xx example. */
  record Op(String id, String method, String path, int status, JsonElement example, Method generated) {
    String label() {
      return method.toUpperCase(Locale.ROOT) + " " + path + " (" + id + ")";
    }
  }

  private SpecOperations() {}

  /** Every operation of the merged spec that has a JSON example for a 2xx response, in spec order. */
  static List<Op> withSuccessExamples() {
    Path path = Path.of(System.getProperty("zendesk.mergedSpec", "target/openapi/zendesk-support.json"));
    JsonObject root;
    try (Reader r = Files.newBufferedReader(path)) {
      root = JsonParser.parseReader(r).getAsJsonObject();
    } catch (IOException e) {
      throw new IllegalStateException("merged spec not found at " + path + "; run the Maven build first", e);
    }
    Map<String, Method> methods = generatedMethods();
    List<Op> out = new ArrayList<>();
    for (Map.Entry<String, JsonElement> p : root.getAsJsonObject("paths").entrySet()) {
      for (Map.Entry<String, JsonElement> m : p.getValue().getAsJsonObject().entrySet()) {
        if (!METHODS.contains(m.getKey())) {
          continue;
        }
        JsonObject op = m.getValue().getAsJsonObject();
        JsonObject responses = op.getAsJsonObject("responses");
        if (responses == null) {
          continue;
        }
        for (Map.Entry<String, JsonElement> r : responses.entrySet()) {
          if (!r.getKey().startsWith("2")) {
            continue;
          }
          JsonElement example = firstExample(root, deref(root, r.getValue().getAsJsonObject()));
          if (example != null) {
            String id = op.get("operationId").getAsString();
            Method g = methods.get(id.toLowerCase(Locale.ROOT));
            if (g == null) {
              throw new IllegalStateException("no generated method for " + id);
            }
            out.add(new Op(id, m.getKey(), p.getKey(), Integer.parseInt(r.getKey()), example, g));
            break;
          }
        }
      }
    }
    return out;
  }

  private static JsonElement firstExample(JsonObject root, JsonObject holder) {
    JsonObject content = holder.getAsJsonObject("content");
    JsonObject media = content == null ? null : content.getAsJsonObject("application/json");
    if (media == null) {
      return null;
    }
    if (media.has("example")) {
      return media.get("example");
    }
    JsonObject examples = media.getAsJsonObject("examples");
    if (examples != null) {
      for (Map.Entry<String, JsonElement> e : examples.entrySet()) {
        JsonObject ex = deref(root, e.getValue().getAsJsonObject());
        if (ex.has("value")) {
          return ex.get("value");
        }
      }
    }
    return null;
  }

  private static JsonObject deref(JsonObject root, JsonObject node) {
    JsonObject current = node;
    while (current.has("$ref")) {
      JsonObject target = root;
      for (String part : current.get("$ref").getAsString().substring(2).split("/")) {
        target = target.getAsJsonObject(part.replace("~1", "/").replace("~0", "~"));
      }
      current = target;
    }
    return current;
  }

  private static Map<String, Method> generatedMethods() {
    String dir = API_PACKAGE.replace('.', '/');
    URL url = SpecOperations.class.getClassLoader().getResource(dir);
    if (url == null || !url.getProtocol().equals("file")) {
      throw new IllegalStateException("generated API classes not found on the class path at " + dir);
    }
    Map<String, Method> byId = new HashMap<>();
    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
      for (String n : files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith("Api.class")).sorted()
          .toList()) {
        Class<?> api = Class.forName(API_PACKAGE + "." + n.substring(0, n.length() - ".class".length()));
        for (Method m : api.getDeclaredMethods()) {
          byId.put(m.getName().toLowerCase(Locale.ROOT), m);
        }
      }
    } catch (IOException | URISyntaxException | ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
    return byId;
  }

  /** A plausible non-null argument for each parameter (bodies are empty models). */
  static Object[] arguments(Method m, Gson gson) {
    Type[] types = m.getGenericParameterTypes();
    Object[] args = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      args[i] = sample(types[i], gson);
    }
    return args;
  }

  private static Object sample(Type type, Gson gson) {
    Class<?> raw = raw(type);
    if (raw == Long.class || raw == long.class) {
      return 35436L;
    }
    if (raw == Integer.class || raw == int.class) {
      return 7;
    }
    if (raw == Boolean.class || raw == boolean.class) {
      return Boolean.TRUE;
    }
    if (raw == String.class || raw == Object.class) {
      return "abc";
    }
    if (raw == BigDecimal.class) {
      return new BigDecimal("1.5");
    }
    if (raw == OffsetDateTime.class) {
      return OffsetDateTime.parse("2026-01-02T03:04:05Z");
    }
    if (raw == LocalDate.class) {
      return LocalDate.parse("2026-01-02");
    }
    if (raw == URI.class) {
      return URI.create("https://example.zendesk.com/x");
    }
    if (List.class.isAssignableFrom(raw) || Set.class.isAssignableFrom(raw)) {
      Object element = sample(((ParameterizedType) type).getActualTypeArguments()[0], gson);
      return Set.class.isAssignableFrom(raw) ? Set.of(element) : List.of(element);
    }
    if (Map.class.isAssignableFrom(raw)) {
      return Map.of("key", "abc");
    }
    if (raw == RequestBody.class) {
      return RequestBody.create("file contents", MediaType.get("application/octet-stream"));
    }
    if (raw == MultipartBody.Part.class) {
      return MultipartBody.Part.createFormData("file", "a.txt",
          RequestBody.create("file contents", MediaType.get("text/plain")));
    }
    return gson.fromJson("{}", raw); // a generated model
  }

  static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    return Object.class;
  }
}
