package io.zenapi.zendesk.reliability;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.zenapi.zendesk.contract.GeneratedApis;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Test support: the merged spec's operations with a 2xx example, each with its generated method (found, and given
 * plausible arguments, by the contract tests' {@link GeneratedApis}).
 */
final class SpecOperations {
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
  private static final GeneratedApis METHODS_INDEX = new GeneratedApis();

  /** One operation with a 2xx example. */
  record Op(String id, String method, String path, int status, JsonElement example,
      GeneratedApis.Generated generated) {
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
    GeneratedApis methods = METHODS_INDEX;
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
            GeneratedApis.Generated g = methods.generated(id);
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
    JsonObject media = io.zenapi.zendesk.contract.JsonMedia.of(holder.getAsJsonObject("content"));
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

  /** The operation's call with a plausible argument for each parameter (bodies are empty models). */
  static retrofit2.Call<?> call(Object api, Op op, Gson gson) throws Throwable {
    return METHODS_INDEX.call(api, op.id(), GeneratedApis.arguments(op.generated().declaration(), null, gson));
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
