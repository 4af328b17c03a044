package io.zenapi.zendesk.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.annotations.SerializedName;
import io.zenapi.zendesk.ZendeskModel;
import io.zenapi.zendesk.internal.Json;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every generated model reachable from a response type (the {@code Call<T>} of every generated method, then the
 * types of their fields, transitively) gets a payload with every field set and an unknown member at every level
 * (the object, each nested object, each list element); it must parse, keep the unknown members readable, and write
 * back exactly the payload: nothing lost, nothing added.
 */
class ModelRoundTripTest {
  private static final Gson GSON = Json.GSON;
  private static final String UNKNOWN = "zz_added_upstream_later";
  private static final AtomicInteger PASSED = new AtomicInteger();
  private static Set<Class<?>> reachable;

  @TestFactory
  Stream<DynamicTest> everyModelReachableFromAResponseKeepsUnknownMembersAtEveryLevel() {
    reachable = reachableModels();
    assertTrue(reachable.size() > 300, "models reachable from responses: " + reachable.size());
    return reachable.stream().map(c -> DynamicTest.dynamicTest(c.getSimpleName(), () -> {
      JsonObject payload = payload(c, 0);
      Object parsed = GSON.fromJson(payload, c);
      ZendeskModel model = (ZendeskModel) parsed;
      assertEquals(payload.get(UNKNOWN), model.additionalProperties().get(UNKNOWN), "kept at the top level");
      JsonArray kept = model.additionalProperty(UNKNOWN, JsonObject.class).orElseThrow().getAsJsonArray("values");
      assertEquals("two", kept.get(1).getAsString(), "readable typed");
      JsonElement written = GSON.toJsonTree(parsed);
      assertEquals(List.of(), JsonComparison.losses(payload, written), "lost or changed on the way back");
      assertEquals(List.of(), JsonComparison.losses(written, payload), "added on the way back");
      PASSED.incrementAndGet();
    }));
  }

  @org.junit.jupiter.api.Test
  void noModelNameSaysWhereItSatInsteadOfWhatItIs() throws Exception {
    java.util.regex.Pattern unreadable = java.util.regex.Pattern.compile("\\d{3}Response|RequestRequestRequest|AllOf"
        + "|Inline");
    List<String> bad = allModelNames().stream().filter(n -> unreadable.matcher(n).find()).sorted().toList();
    assertEquals(List.of(), bad, "model names with a status code, AllOf, Inline or RequestRequestRequest");
  }

  /** The simple names of every generated model class, request bodies included. */
  private static List<String> allModelNames() throws Exception {
    java.net.URL dir = ModelRoundTripTest.class.getClassLoader()
        .getResource("io/zenapi/zendesk/generated/model");
    try (Stream<java.nio.file.Path> files = java.nio.file.Files.list(java.nio.file.Path.of(dir.toURI()))) {
      List<String> names = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".class")
          && !n.contains("$")).map(n -> n.substring(0, n.length() - ".class".length())).toList();
      assertTrue(names.size() > 800, "model classes: " + names.size());
      return names;
    }
  }

  @AfterAll
  static void report() {
    System.out.printf("[models] %d models reachable from a response: %d keep an unknown member at every level"
        + " (object, nested object, list element) and write the payload back unchanged%n",
        reachable == null ? 0 : reachable.size(), PASSED.get());
  }

  /** The model classes reachable from the response type of every generated method. */
  private static Set<Class<?>> reachableModels() {
    Set<Class<?>> out = new LinkedHashSet<>();
    Deque<Type> todo = new ArrayDeque<>();
    GeneratedApis apis = new GeneratedApis();
    MergedSpec.load().operations().forEach(op -> {
      java.lang.reflect.Method m = apis.method(op.id());
      todo.add(((ParameterizedType) m.getGenericReturnType()).getActualTypeArguments()[0]);
    });
    while (!todo.isEmpty()) {
      Type t = todo.pop();
      if (t instanceof ParameterizedType p) {
        todo.addAll(List.of(p.getActualTypeArguments()));
      } else if (t instanceof Class<?> c && ZendeskModel.class.isAssignableFrom(c) && out.add(c)) {
        fields(c).forEach(f -> todo.add(f.getGenericType()));
      }
    }
    return out;
  }

  private static List<Field> fields(Class<?> c) {
    return Stream.of(c.getDeclaredFields()).filter(f -> !Modifier.isStatic(f.getModifiers())
        && !Modifier.isTransient(f.getModifiers()) && f.isAnnotationPresent(SerializedName.class)).toList();
  }

  /** Every field set (nested models to depth 3), plus an unknown member in every object. */
  private static JsonObject payload(Class<?> model, int depth) {
    JsonObject o = new JsonObject();
    if (depth < 3) {
      for (Field f : fields(model)) {
        JsonElement v = sample(f.getGenericType(), depth);
        if (v != null) {
          o.add(f.getAnnotation(SerializedName.class).value(), v);
        }
      }
    }
    JsonObject unknown = new JsonObject();
    JsonArray values = new JsonArray();
    values.add(1L);
    values.add("two");
    values.add(new JsonObject());
    unknown.add("values", values);
    o.add(UNKNOWN, unknown);
    return o;
  }

  private static JsonElement sample(Type type, int depth) {
    Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    if (ZendeskModel.class.isAssignableFrom(raw)) {
      return payload(raw, depth + 1);
    }
    if (List.class.isAssignableFrom(raw) || Set.class.isAssignableFrom(raw)) {
      JsonElement element = sample(((ParameterizedType) type).getActualTypeArguments()[0], depth);
      JsonArray a = new JsonArray();
      if (element != null) {
        a.add(element);
      }
      return a;
    }
    if (Map.class.isAssignableFrom(raw)) {
      JsonElement value = sample(((ParameterizedType) type).getActualTypeArguments()[1], depth);
      JsonObject m = new JsonObject();
      m.add("key", value == null ? new JsonPrimitive("v") : value);
      return m;
    }
    if (raw == String.class || raw == Object.class) {
      return new JsonPrimitive("text");
    }
    if (raw == Long.class || raw == Integer.class) {
      return new JsonPrimitive(35436);
    }
    if (raw == BigDecimal.class || raw == Double.class || raw == Float.class) {
      return new JsonPrimitive(1.5);
    }
    if (raw == Boolean.class) {
      return new JsonPrimitive(true);
    }
    if (raw == OffsetDateTime.class) {
      return new JsonPrimitive("2026-01-02T03:04:05Z");
    }
    if (raw == LocalDate.class) {
      return new JsonPrimitive("2026-01-02");
    }
    if (raw == URI.class) {
      return new JsonPrimitive("https://example.zendesk.com/x");
    }
    if (raw == UUID.class) {
      return new JsonPrimitive("123e4567-e89b-12d3-a456-426614174000");
    }
    if (raw == JsonElement.class || raw == JsonObject.class) {
      return new JsonObject();
    }
    throw new IllegalStateException("no sample for " + type.getTypeName());
  }
}
