package io.zenapi.zendesk.contract;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * "Did the model keep everything?": every non-null field of the expected JSON must be in the actual JSON with an
 * equal value. Numbers compare as numbers (1 equals 1.0), date-times as instants (Z equals +00:00).
 */
final class JsonComparison {
  private JsonComparison() {}

  /** The differences, each naming its JSON path; empty when nothing was lost or changed. */
  static List<String> losses(JsonElement expected, JsonElement actual) {
    List<String> out = new ArrayList<>();
    compare("$", expected, actual, out);
    return out;
  }

  private static void compare(String at, JsonElement expected, JsonElement actual, List<String> out) {
    if (expected == null || expected.isJsonNull()) {
      return;
    }
    if (actual == null || actual.isJsonNull()) {
      out.add(at + ": missing (expected " + abbreviate(expected) + ")");
      return;
    }
    if (expected.isJsonObject()) {
      if (!actual.isJsonObject()) {
        out.add(at + ": expected an object, got " + abbreviate(actual));
        return;
      }
      JsonObject a = actual.getAsJsonObject();
      for (Map.Entry<String, JsonElement> e : expected.getAsJsonObject().entrySet()) {
        compare(at + "." + e.getKey(), e.getValue(), a.get(e.getKey()), out);
      }
    } else if (expected.isJsonArray()) {
      if (!actual.isJsonArray()) {
        out.add(at + ": expected an array, got " + abbreviate(actual));
        return;
      }
      JsonArray e = expected.getAsJsonArray();
      JsonArray a = actual.getAsJsonArray();
      if (e.size() != a.size()) {
        out.add(at + ": expected " + e.size() + " elements, got " + a.size());
        return;
      }
      for (int i = 0; i < e.size(); i++) {
        compare(at + "[" + i + "]", e.get(i), a.get(i), out);
      }
    } else if (!samePrimitive(expected.getAsJsonPrimitive(), actual)) {
      out.add(at + ": expected " + abbreviate(expected) + ", got " + abbreviate(actual));
    }
  }

  private static boolean samePrimitive(JsonPrimitive e, JsonElement actual) {
    if (!actual.isJsonPrimitive()) {
      return false;
    }
    JsonPrimitive a = actual.getAsJsonPrimitive();
    if (e.isNumber() && a.isNumber()) {
      return new BigDecimal(e.getAsString()).compareTo(new BigDecimal(a.getAsString())) == 0;
    }
    if (e.isString() && a.isString()) {
      return e.getAsString().equals(a.getAsString()) || sameInstant(e.getAsString(), a.getAsString());
    }
    return e.equals(a);
  }

  private static boolean sameInstant(String a, String b) {
    try {
      return OffsetDateTime.parse(a).toInstant().equals(OffsetDateTime.parse(b).toInstant());
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static String abbreviate(JsonElement e) {
    String s = e.toString();
    return s.length() > 80 ? s.substring(0, 77) + "..." : s;
  }
}
