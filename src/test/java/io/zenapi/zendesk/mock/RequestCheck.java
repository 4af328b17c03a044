package io.zenapi.zendesk.mock;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a request against its operation in the merged spec, as Zendesk would refuse it: a required query parameter
 * missing or blank, a query value of the wrong type (an integer or boolean parameter), a required JSON body missing,
 * a body that is not JSON, a body member of the wrong type at any depth, or a required member of the body's top
 * object missing (deeper, upstream's required lists are a create's, shared with updates). Members the
 * spec does not declare pass (Zendesk ignores them), and so does {@code null} (Zendesk takes it to clear a field).
 * The problem comes back as one sentence naming the operation and the member.
 */
final class RequestCheck {
  private final JsonObject components;
  private final String operation;
  private final List<JsonObject> query = new ArrayList<>();
  private final JsonObject bodySchema;
  private final boolean bodyRequired;

  RequestCheck(JsonObject operation, JsonArray pathParameters, JsonObject components) {
    this.components = components;
    this.operation = operation.get("operationId").getAsString();
    for (JsonArray params : new JsonArray[] {pathParameters, operation.getAsJsonArray("parameters")}) {
      if (params != null) {
        params.forEach(p -> {
          JsonObject param = deref(p.getAsJsonObject());
          if ("query".equals(text(param, "in"))) {
            query.add(param);
          }
        });
      }
    }
    JsonObject body = operation.has("requestBody") ? deref(operation.getAsJsonObject("requestBody")) : null;
    JsonObject json = body == null || !body.has("content") ? null
        : body.getAsJsonObject("content").getAsJsonObject("application/json");
    this.bodySchema = json == null ? null : json.getAsJsonObject("schema");
    this.bodyRequired = body != null && body.has("required") && body.get("required").getAsBoolean();
  }

  /**
   * What is wrong with the request, or null when nothing is.
   *
   * @param queryValue the first value of a query parameter, or null
   * @param body the body as sent, or null or blank for none
   */
  String problem(java.util.function.Function<String, String> queryValue, String body) {
    for (JsonObject param : query) {
      String name = text(param, "name");
      String value = queryValue.apply(name);
      boolean required = param.has("required") && param.get("required").getAsBoolean();
      if (value == null || value.isBlank()) {
        if (required) {
          return operation + " requires the query parameter " + name;
        }
        continue;
      }
      JsonObject schema = param.has("schema") ? deref(param.getAsJsonObject("schema")) : new JsonObject();
      String type = text(schema, "type");
      if ("integer".equals(type) && !value.trim().matches("-?\\d+")) {
        return operation + ": the query parameter " + name + " must be an integer, was '" + value + "'";
      }
      if ("boolean".equals(type) && !value.equals("true") && !value.equals("false")) {
        return operation + ": the query parameter " + name + " must be true or false, was '" + value + "'";
      }
    }
    if (bodySchema == null) {
      return null;
    }
    if (body == null || body.isBlank()) {
      return bodyRequired ? operation + " requires a JSON body" : null;
    }
    JsonElement parsed;
    try {
      parsed = JsonParser.parseString(body);
    } catch (JsonParseException e) {
      return operation + ": the body is not JSON";
    }
    String wrong = check(parsed, bodySchema, "the body", 0);
    return wrong == null ? null : operation + ": " + wrong;
  }

  /** What is wrong with {@code value} against {@code schema}, or null. */
  private String check(JsonElement value, JsonObject schema, String where, int depth) {
    JsonObject s = deref(schema);
    if (value == null || value.isJsonNull() || depth > 32) {
      return null;
    }
    for (String union : new String[] {"oneOf", "anyOf"}) {
      if (s.has(union)) {
        for (JsonElement alternative : s.getAsJsonArray(union)) {
          if (check(value, alternative.getAsJsonObject(), where, depth + 1) == null) {
            return null;
          }
        }
        return where + " matches none of the shapes the spec allows";
      }
    }
    if (s.has("allOf")) {
      for (JsonElement part : s.getAsJsonArray("allOf")) {
        String wrong = check(value, part.getAsJsonObject(), where, depth + 1);
        if (wrong != null) {
          return wrong;
        }
      }
    }
    String type = text(s, "type");
    if (type == null && s.has("properties")) {
      type = "object";
    }
    if (type == null) {
      return null;
    }
    switch (type) {
      case "object" -> {
        if (!value.isJsonObject()) {
          return where + " must be an object, was " + kind(value);
        }
        JsonObject object = value.getAsJsonObject();
        // required members at the top only (the wrapper, {"ticket": {...}}): deeper down, upstream marks members a
        // create needs as required in schemas that updates share, and updates send only what changes
        if (depth == 0 && s.has("required")) {
          for (JsonElement name : s.getAsJsonArray("required")) {
            if (!object.has(name.getAsString())) {
              return where + " lacks the required member " + name.getAsString();
            }
          }
        }
        JsonObject properties = s.has("properties") ? s.getAsJsonObject("properties") : new JsonObject();
        for (Map.Entry<String, JsonElement> member : object.entrySet()) {
          if (properties.has(member.getKey())) {
            String wrong = check(member.getValue(), properties.getAsJsonObject(member.getKey()),
                (where.equals("the body") ? "" : where + ".") + member.getKey(), depth + 1);
            if (wrong != null) {
              return wrong;
            }
          }
        }
        return null;
      }
      case "array" -> {
        if (!value.isJsonArray()) {
          return where + " must be a list, was " + kind(value);
        }
        JsonObject items = s.has("items") ? s.getAsJsonObject("items") : new JsonObject();
        JsonArray array = value.getAsJsonArray();
        for (int i = 0; i < array.size(); i++) {
          String wrong = check(array.get(i), items, where + "[" + i + "]", depth + 1);
          if (wrong != null) {
            return wrong;
          }
        }
        return null;
      }
      case "string" -> {
        return value.isJsonPrimitive() && value.getAsJsonPrimitive().isString() ? null
            : where + " must be a string, was " + kind(value);
      }
      case "integer" -> {
        return isNumber(value) && value.getAsString().matches("-?\\d+") ? null
            : where + " must be an integer, was " + kind(value);
      }
      case "number" -> {
        return isNumber(value) ? null : where + " must be a number, was " + kind(value);
      }
      case "boolean" -> {
        return value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean() ? null
            : where + " must be true or false, was " + kind(value);
      }
      default -> {
        return null;
      }
    }
  }

  private static boolean isNumber(JsonElement value) {
    return value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber();
  }

  private static String kind(JsonElement value) {
    if (value.isJsonObject()) {
      return "an object";
    }
    if (value.isJsonArray()) {
      return "a list";
    }
    JsonPrimitive p = value.getAsJsonPrimitive();
    return p.isBoolean() ? "a boolean" : p.isNumber() ? "a number" : "a string";
  }

  private JsonObject deref(JsonObject node) {
    return SpecExamples.deref(node, components);
  }

  private static String text(JsonObject o, String key) {
    return SpecExamples.text(o, key);
  }
}
