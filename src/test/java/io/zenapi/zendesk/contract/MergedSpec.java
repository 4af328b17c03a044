package io.zenapi.zendesk.contract;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The merged spec the client was generated from (target/openapi/zendesk-support.json), read for tests. */
final class MergedSpec {
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

  /** One operation. */
  record Op(String path, String method, JsonObject node) {
    String id() {
      return node.get("operationId").getAsString();
    }

    String label() {
      return method.toUpperCase() + " " + path + " (" + id() + ")";
    }
  }

  /** One example payload with where it came from. */
  record Example(String name, String status, JsonElement value) {}

  private final JsonObject root;

  private MergedSpec(JsonObject root) {
    this.root = root;
  }

  /** Loads the merged spec that the build wrote. */
  static MergedSpec load() {
    Path path = Path.of(System.getProperty("zendesk.mergedSpec", "target/openapi/zendesk-support.json"));
    try (Reader r = Files.newBufferedReader(path)) {
      return new MergedSpec(JsonParser.parseReader(r).getAsJsonObject());
    } catch (IOException e) {
      throw new IllegalStateException("merged spec not found at " + path + "; run the Maven build first", e);
    }
  }

  List<Op> operations() {
    List<Op> out = new ArrayList<>();
    for (Map.Entry<String, JsonElement> p : root.getAsJsonObject("paths").entrySet()) {
      for (Map.Entry<String, JsonElement> m : p.getValue().getAsJsonObject().entrySet()) {
        if (METHODS.contains(m.getKey())) {
          out.add(new Op(p.getKey(), m.getKey(), m.getValue().getAsJsonObject()));
        }
      }
    }
    return out;
  }

  /** The JSON examples of the 2xx responses of an operation. */
  List<Example> successExamples(Op op) {
    List<Example> out = new ArrayList<>();
    JsonObject responses = op.node().getAsJsonObject("responses");
    if (responses == null) {
      return out;
    }
    for (Map.Entry<String, JsonElement> r : responses.entrySet()) {
      if (r.getKey().startsWith("2")) {
        out.addAll(examples(deref(r.getValue().getAsJsonObject()), r.getKey()));
      }
    }
    return out;
  }

  /** The JSON examples of the request body of an operation. */
  List<Example> requestExamples(Op op) {
    JsonObject body = op.node().getAsJsonObject("requestBody");
    return body == null ? List.of() : examples(deref(body), "request");
  }

  private List<Example> examples(JsonObject holder, String status) {
    List<Example> out = new ArrayList<>();
    JsonObject media = JsonMedia.of(holder.getAsJsonObject("content"));
    if (media == null) {
      return out;
    }
    if (media.has("example")) {
      out.add(new Example("example", status, media.get("example")));
    }
    JsonObject examples = media.getAsJsonObject("examples");
    if (examples != null) {
      for (Map.Entry<String, JsonElement> e : examples.entrySet()) {
        JsonObject ex = deref(e.getValue().getAsJsonObject());
        if (ex.has("value")) {
          out.add(new Example(e.getKey(), status, ex.get("value")));
        }
      }
    }
    return out;
  }

  /** Follows a {@code $ref} to {@code #/components/...}. */
  JsonObject deref(JsonObject node) {
    JsonObject current = node;
    while (current.has("$ref")) {
      String[] parts = current.get("$ref").getAsString().substring(2).split("/");
      JsonObject target = root;
      for (String part : parts) {
        target = target.getAsJsonObject(part.replace("~1", "/").replace("~0", "~"));
      }
      current = target;
    }
    return current;
  }
}
