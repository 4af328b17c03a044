package io.zenapi.zendesk.reliability;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.annotations.SerializedName;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

/** Test support: seeded mutations of a JSON example, aimed by the Java type each field binds to; every written string carries MARK, which no error message may quote. */
final class Mutator {
  static final String MARK = "MUTANT";
  static final String MODEL_PACKAGE = "io.zenapi.zendesk.generated.model";

  enum Kind {
    TYPE_FLIP("type flip (string/number/boolean/object/array)", false),
    MISSING_FIELD("missing field", true),
    EXTRA_FIELDS("extra unknown fields", true),
    HUGE_NUMBER("huge number (1e30, 99999999999999999999, ...)", false),
    DEEP_NESTING("nesting depth 200 (arrays/objects)", false),
    UNKNOWN_ENUM("unknown enum-like string value", true),
    NULL_VALUE("null value", true),
    DEEP_BEYOND_LIMIT("nesting depth 10,000 (beyond Gson's limit of 255)", false),
    TYPED_FLIP("wrong kind for the field's Java type", false);

    final String label;
    /** Whether a response that parsed before must still parse. */
    final boolean mustParse;

    Kind(String label, boolean mustParse) {
      this.label = label;
      this.mustParse = mustParse;
    }
  }

  /** The kinds chosen at random, in rotation. */
  static final List<Kind> RANDOM_KINDS = List.of(Kind.TYPE_FLIP, Kind.MISSING_FIELD, Kind.EXTRA_FIELDS,
      Kind.HUGE_NUMBER, Kind.DEEP_NESTING, Kind.UNKNOWN_ENUM, Kind.NULL_VALUE);

  /** One mutated body. {@code keptString}: a string value that must survive parsing, or null. */
  record Mutation(Kind kind, String where, JsonElement body, String keptString) {
    /** The body as sent; a nesting too deep for Gson's (recursive) writer is spliced in as text. */
    String json() {
      String text = body.toString();
      return text.replace("\"" + DEEP_PLACEHOLDER + "-arrays\"", deepText(10_000, true))
          .replace("\"" + DEEP_PLACEHOLDER + "-objects\"", deepText(10_000, false));
    }
  }

  private static final String DEEP_PLACEHOLDER = MARK + "-deep-placeholder";

  static String deepText(int depth, boolean arrays) {
    String open = arrays ? "[" : "{\"a\":";
    String close = arrays ? "]" : "}";
    return open.repeat(depth) + "\"" + MARK + "-deep\"" + close.repeat(depth);
  }

  /** A place in the document: a member of an object or an element of an array, with its Java type if known. */
  private record Slot(JsonElement parent, String key, int index, String path, JsonElement value, Type javaType) {
    void set(JsonElement v) {
      if (parent instanceof JsonObject o) {
        o.add(key, v);
      } else {
        ((JsonArray) parent).set(index, v);
      }
    }

    void remove() {
      if (parent instanceof JsonObject o) {
        o.remove(key);
      } else {
        ((JsonArray) parent).remove(index);
      }
    }
  }

  private Mutator() {}

  /** A mutation of {@code kind} applied to a copy of {@code example}, which binds to {@code type}. */
  static Mutation mutate(Kind kind, JsonElement example, Type type, Random random) {
    JsonElement body = example.deepCopy();
    List<Slot> slots = new ArrayList<>();
    walk(body, type, "$", slots);
    switch (kind) {
      case TYPE_FLIP -> {
        Slot s = pick(slots, x -> true, random);
        if (s == null) {
          return mutate(Kind.EXTRA_FIELDS, example, type, random);
        }
        String[] kinds = {"string", "number", "boolean", "object", "array"};
        String now = kindOf(s.value());
        String to;
        do {
          to = kinds[random.nextInt(kinds.length)];
        } while (to.equals(now));
        s.set(valueOf(to));
        return new Mutation(kind, s.path() + ": " + now + " -> " + to, body, null);
      }
      case MISSING_FIELD -> {
        Slot s = pick(slots, x -> x.parent().isJsonObject(), random);
        if (s == null) {
          return mutate(Kind.EXTRA_FIELDS, example, type, random);
        }
        s.remove();
        return new Mutation(kind, s.path() + " removed", body, null);
      }
      case EXTRA_FIELDS -> {
        JsonObject extra = new JsonObject();
        JsonArray mixed = new JsonArray();
        mixed.add(1);
        mixed.add(MARK + "-extra");
        mixed.add(JsonNull.INSTANCE);
        mixed.add(true);
        extra.add("nested", mixed);
        int added = 0;
        if (body.isJsonObject()) {
          body.getAsJsonObject().add("zz_" + MARK + "_unknown", extra);
          body.getAsJsonObject().addProperty("zz_" + MARK + "_number", 1e30);
          added += 2;
        }
        Slot s = pick(slots, x -> x.value().isJsonObject(), random);
        if (s != null) {
          s.value().getAsJsonObject().add("zz_" + MARK + "_field", extra.deepCopy());
          added++;
        }
        return new Mutation(kind, added + " unknown fields" + (s == null ? "" : ", one at " + s.path()), body, null);
      }
      case HUGE_NUMBER -> {
        Slot s = pick(slots, x -> x.value().isJsonPrimitive() && x.value().getAsJsonPrimitive().isNumber(), random);
        if (s == null) {
          s = pick(slots, x -> x.value().isJsonPrimitive(), random);
        }
        if (s == null) {
          return mutate(Kind.EXTRA_FIELDS, example, type, random);
        }
        JsonPrimitive[] huge = {new JsonPrimitive(1e30), new JsonPrimitive(new BigInteger("99999999999999999999")),
            new JsonPrimitive(-1e30), new JsonPrimitive(Double.MAX_VALUE),
            new JsonPrimitive(new BigDecimal("1e400"))};
        JsonPrimitive v = huge[random.nextInt(huge.length)];
        s.set(v);
        return new Mutation(kind, s.path() + " = " + v, body, null);
      }
      case DEEP_NESTING, DEEP_BEYOND_LIMIT -> {
        Slot s = pick(slots, x -> true, random);
        if (s == null) {
          return mutate(Kind.EXTRA_FIELDS, example, type, random);
        }
        boolean arrays = random.nextBoolean();
        int depth = kind == Kind.DEEP_NESTING ? 200 : 10_000;
        s.set(depth <= 200 ? deep(depth, arrays)
            : new JsonPrimitive(DEEP_PLACEHOLDER + (arrays ? "-arrays" : "-objects")));
        return new Mutation(kind, s.path() + " = depth " + depth + " of " + (arrays ? "arrays" : "objects"), body,
            null);
      }
      case UNKNOWN_ENUM -> {
        Slot s = pick(slots, x -> x.value().isJsonPrimitive() && x.value().getAsJsonPrimitive().isString()
            && x.javaType() == String.class, random);
        if (s == null) {
          return mutate(Kind.EXTRA_FIELDS, example, type, random);
        }
        String v = MARK + "_unknown_value_" + random.nextInt(1000);
        s.set(new JsonPrimitive(v));
        return new Mutation(kind, s.path() + " = \"" + v + "\"", body, v);
      }
      case NULL_VALUE -> {
        Slot s = pick(slots, x -> true, random);
        if (s == null) {
          return mutate(Kind.EXTRA_FIELDS, example, type, random);
        }
        s.set(JsonNull.INSTANCE);
        return new Mutation(kind, s.path() + " = null", body, null);
      }
      case TYPED_FLIP -> {
        // aim at the rarest Java type present: each has its own Gson adapter and its own ways to fail
        for (Class<?> target : List.of(Float.class, Double.class, BigDecimal.class, URI.class, LocalDate.class,
            OffsetDateTime.class, Integer.class, Boolean.class, Long.class, String.class)) {
          Slot s = pick(slots, x -> x.javaType() == target && !x.value().isJsonNull(), random);
          if (s != null) {
            JsonElement wrong = wrongFor(target);
            s.set(wrong);
            return new Mutation(kind, s.path() + " (" + target.getSimpleName() + ") = " + wrong, body, null);
          }
        }
        return mutate(Kind.TYPE_FLIP, example, type, random);
      }
      default -> throw new IllegalArgumentException(kind.name());
    }
  }

  private static JsonElement wrongFor(Class<?> type) {
    if (Number.class.isAssignableFrom(type)) {
      return new JsonPrimitive(MARK + "-not-a-number");
    }
    if (type == LocalDate.class || type == OffsetDateTime.class) {
      return new JsonPrimitive(MARK + "-not-a-date");
    }
    if (type == URI.class) {
      return new JsonPrimitive("http://[" + MARK + "/not a uri");
    }
    if (type == Boolean.class) {
      return new JsonPrimitive(2);
    }
    JsonObject o = new JsonObject();
    o.addProperty(MARK, "object where a string belongs");
    return o;
  }

  static JsonElement deep(int depth, boolean arrays) {
    JsonElement inner = new JsonPrimitive(MARK + "-deep");
    for (int i = 0; i < depth; i++) {
      if (arrays) {
        JsonArray a = new JsonArray();
        a.add(inner);
        inner = a;
      } else {
        JsonObject o = new JsonObject();
        o.add("a", inner);
        inner = o;
      }
    }
    return inner;
  }

  private static String kindOf(JsonElement e) {
    if (e.isJsonObject()) {
      return "object";
    }
    if (e.isJsonArray()) {
      return "array";
    }
    if (e.isJsonNull()) {
      return "null";
    }
    JsonPrimitive p = e.getAsJsonPrimitive();
    return p.isString() ? "string" : p.isNumber() ? "number" : "boolean";
  }

  private static JsonElement valueOf(String kind) {
    return switch (kind) {
      case "string" -> new JsonPrimitive(MARK + "-flipped");
      case "number" -> new JsonPrimitive(42);
      case "boolean" -> new JsonPrimitive(true);
      case "object" -> {
        JsonObject o = new JsonObject();
        o.addProperty(MARK, "flipped");
        yield o;
      }
      default -> {
        JsonArray a = new JsonArray();
        a.add(MARK + "-flipped");
        yield a;
      }
    };
  }

  private static Slot pick(List<Slot> slots, Predicate<Slot> p, Random random) {
    List<Slot> fit = slots.stream().filter(p).toList();
    return fit.isEmpty() ? null : fit.get(random.nextInt(fit.size()));
  }

  private static void walk(JsonElement e, Type type, String path, List<Slot> out) {
    if (e.isJsonObject()) {
      for (Map.Entry<String, JsonElement> m : e.getAsJsonObject().entrySet()) {
        Type t = memberType(type, m.getKey());
        String p = path + "." + m.getKey();
        out.add(new Slot(e, m.getKey(), -1, p, m.getValue(), t));
        walk(m.getValue(), t, p, out);
      }
    } else if (e.isJsonArray()) {
      JsonArray a = e.getAsJsonArray();
      Type t = elementType(type);
      for (int i = 0; i < a.size(); i++) {
        String p = path + "[" + i + "]";
        out.add(new Slot(e, null, i, p, a.get(i), t));
        walk(a.get(i), t, p, out);
      }
    }
  }

  /** The Java type of member {@code key} of {@code owner}, or null when unknown or free-form. */
  private static Type memberType(Type owner, String key) {
    if (owner == null) {
      return null;
    }
    Class<?> raw = SpecOperations.raw(owner);
    if (Map.class.isAssignableFrom(raw)) {
      return owner instanceof ParameterizedType p ? p.getActualTypeArguments()[1] : null;
    }
    if (!raw.getPackageName().equals(MODEL_PACKAGE)) {
      return null;
    }
    for (Class<?> c = raw; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        SerializedName n = f.getAnnotation(SerializedName.class);
        if (n != null && n.value().equals(key)) {
          return f.getGenericType();
        }
      }
    }
    return null;
  }

  private static Type elementType(Type owner) {
    if (owner instanceof ParameterizedType p && Collection.class.isAssignableFrom(SpecOperations.raw(owner))) {
      return p.getActualTypeArguments()[0];
    }
    return null;
  }
}
