package io.zenapi.zendesk.contract;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import java.io.File;
import java.io.IOException;
import java.lang.annotation.Annotation;
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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;
import retrofit2.http.Body;

/** Finds the generated Retrofit method of each operationId and calls it with plausible arguments. */
public final class GeneratedApis {
  static final String API_PACKAGE = "io.zenapi.zendesk.generated.api";

  private final Map<String, Method> byOperationId = new HashMap<>();

  /** Indexes every generated API interface on the class path. */
  public GeneratedApis() {
    for (Class<?> api : apiInterfaces()) {
      for (Method m : api.getDeclaredMethods()) {
        Method before = byOperationId.put(m.getName().toLowerCase(Locale.ROOT), m);
        if (before != null) {
          throw new IllegalStateException("two generated methods named " + m.getName() + ": in "
              + before.getDeclaringClass().getSimpleName() + " and " + api.getSimpleName());
        }
      }
    }
  }

  /** Number of generated methods across all interfaces. */
  int methodCount() {
    return byOperationId.size();
  }

  /** The generated method for an operationId (the generator lower-cases its first letter). */
  public Method method(String operationId) {
    return byOperationId.get(operationId.toLowerCase(Locale.ROOT));
  }

  /** The type of the method's {@code @Body} parameter, or null when it has none. */
  static Type bodyType(Method m) {
    Annotation[][] annotations = m.getParameterAnnotations();
    for (int i = 0; i < annotations.length; i++) {
      for (Annotation a : annotations[i]) {
        if (a instanceof Body) {
          return m.getGenericParameterTypes()[i];
        }
      }
    }
    return null;
  }

  /**
   * Arguments for every parameter: a value of the declared type for each path, query and header parameter,
   * and the body parsed from {@code bodyExample} when one is given.
   */
  public static Object[] arguments(Method m, JsonElement bodyExample, Gson gson) {
    Type[] types = m.getGenericParameterTypes();
    Annotation[][] annotations = m.getParameterAnnotations();
    Object[] args = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      boolean isBody = Stream.of(annotations[i]).anyMatch(a -> a instanceof Body);
      if (isBody && bodyExample != null) {
        args[i] = gson.fromJson(bodyExample, types[i]);
      } else {
        args[i] = sample(types[i], gson);
      }
    }
    return args;
  }

  /** A plausible non-null value of a parameter type. */
  public static Object sample(Type type, Gson gson) {
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
    if (raw == File.class) {
      try {
        Path f = Files.createTempFile("upload", ".txt");
        Files.writeString(f, "file contents");
        f.toFile().deleteOnExit();
        return f.toFile();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    // a generated model: an empty one serialises as {}
    return gson.fromJson("{}", raw);
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    return (Class<?>) ((ParameterizedType) type).getRawType();
  }

  private static List<Class<?>> apiInterfaces() {
    String dir = API_PACKAGE.replace('.', '/');
    URL url = GeneratedApis.class.getClassLoader().getResource(dir);
    if (url == null || !url.getProtocol().equals("file")) {
      throw new IllegalStateException("generated API classes not found on the class path at " + dir);
    }
    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
      return files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith("Api.class"))
          .sorted()
          .<Class<?>>map(n -> load(API_PACKAGE + "." + n.substring(0, n.length() - ".class".length())))
          .toList();
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
