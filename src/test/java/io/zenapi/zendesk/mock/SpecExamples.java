package io.zenapi.zendesk.mock;

import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The spec-driven part of the mock: every operation of the merged spec answers with its first 2xx example (or an
 * empty body of its status), matched by method and path template; a request lacking a required query parameter
 * gets 400.
 */
final class SpecExamples {
  /** The merged spec, packaged beside this class by the build. */
  static final String RESOURCE = "zendesk-support.json";
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

  private record Operation(String method, Pattern path, int literalChars, String id, int status, String body,
      RequestCheck check) {}

  private final List<Operation> operations = new ArrayList<>();

  SpecExamples() {
    JsonObject spec = load();
    JsonObject components = spec.getAsJsonObject("components");
    for (Map.Entry<String, JsonElement> p : spec.getAsJsonObject("paths").entrySet()) {
      JsonObject item = p.getValue().getAsJsonObject();
      for (Map.Entry<String, JsonElement> m : item.entrySet()) {
        if (!METHODS.contains(m.getKey())) {
          continue;
        }
        JsonObject op = m.getValue().getAsJsonObject();
        int status = 200;
        String body = null;
        JsonObject responses = op.getAsJsonObject("responses");
        for (Map.Entry<String, JsonElement> r : responses.entrySet()) {
          if (r.getKey().startsWith("2")) {
            status = Integer.parseInt(r.getKey());
            JsonElement example = firstExample(deref(r.getValue().getAsJsonObject(), components), components);
            body = example == null ? null : example.toString();
            break;
          }
        }
        String template = p.getKey();
        String regex = Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
        operations.add(new Operation(m.getKey().toUpperCase(), Pattern.compile(regex),
            template.replaceAll("\\{[^}]+}", "").length(), op.get("operationId").getAsString(), status,
            body, new RequestCheck(op, item.getAsJsonArray("parameters"), components)));
      }
    }
    // the most literal template wins: /api/v2/tickets/count before /api/v2/tickets/{ticket_id}
    operations.sort(Comparator.comparingInt(Operation::literalChars).reversed());
  }

  /** How many operations the mock answers from the spec. */
  int size() {
    return operations.size();
  }

  /**
   * 400 naming the problem when the request is one Zendesk would refuse ({@link RequestCheck}: a required query
   * parameter missing, a value or body member of the wrong type, a required body member missing); null otherwise
   * (also when no operation matches). Checked for every request, stateful routes included.
   */
  ResponseDefinition refused(String method, String path, Request request) {
    Operation op = find(method, path);
    if (op == null) {
      return null;
    }
    String problem = op.check().problem(name -> {
      QueryParameter qp = request.queryParameter(name);
      return qp != null && qp.isPresent() ? qp.firstValue() : null;
    }, request.getBodyAsString());
    return problem == null ? null : Reply.error(400, "InvalidValue", problem);
  }

  private Operation find(String method, String path) {
    for (Operation op : operations) {
      if (op.method().equals(method) && op.path().matcher(path).matches()) {
        return op;
      }
    }
    return null;
  }

  ResponseDefinition answer(String method, String path, Request request) {
    ResponseDefinition refused = refused(method, path, request);
    if (refused != null) {
      return refused;
    }
    for (Operation op : operations) {
      if (op.method().equals(method) && op.path().matcher(path).matches()) {
        if (op.body() == null) {
          return op.status() == 204 ? Reply.noContent() : Reply.json(op.status(), "{}");
        }
        return Reply.json(op.status(), op.body());
      }
    }
    return null;
  }

  private static JsonElement firstExample(JsonObject response, JsonObject components) {
    JsonObject content = response.getAsJsonObject("content");
    JsonObject media = content == null ? null : content.getAsJsonObject("application/json");
    if (media == null) {
      return null;
    }
    if (media.has("example")) {
      return media.get("example");
    }
    JsonObject examples = media.getAsJsonObject("examples");
    if (examples == null || examples.size() == 0) {
      return null;
    }
    JsonObject first = deref(examples.entrySet().iterator().next().getValue().getAsJsonObject(), components);
    return first.get("value");
  }

  /** {@code node}, or what its {@code $ref} chain points to in {@code components}. */
  static JsonObject deref(JsonObject node, JsonObject components) {
    JsonObject current = node;
    while (current.has("$ref")) {
      String[] parts = current.get("$ref").getAsString().substring("#/components/".length()).split("/");
      current = components.getAsJsonObject(parts[0]).getAsJsonObject(parts[1]);
    }
    return current;
  }

  /** A primitive member as text, or {@code ""} when it is absent, null or not a primitive. */
  static String textOrEmpty(JsonObject o, String key) {
    String text = text(o, key);
    return text == null ? "" : text;
  }

  /** A primitive member as text, or null. */
  static String text(JsonObject o, String key) {
    return o.has(key) && o.get(key).isJsonPrimitive() ? o.get(key).getAsString() : null;
  }

  private static JsonObject load() {
    try (InputStream in = SpecExamples.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the merged spec " + RESOURCE + " is not on the class path next to "
            + SpecExamples.class.getName() + "; build the project (mvn test-compile) first");
      }
      return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
