package io.zenapi.zendesk.contract;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import java.io.File;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;
import retrofit2.Call;
import retrofit2.Retrofit;
import retrofit2.http.Body;
import retrofit2.http.Field;
import retrofit2.http.Part;
import retrofit2.http.QueryMap;

/**
 * The generated methods of every operation, found by reflection: the public method callers use (required path
 * and query parameters, then the params object, then the body) and the package-private Retrofit declaration
 * behind it (every parameter, with its annotation). Tests build arguments in the declaration's terms and call the
 * public method with them, so no parameter can be lost between the two without a test seeing it.
 */
public final class GeneratedApis {
  static final String API_PACKAGE = "io.zenapi.zendesk.generated.api";
  /** The query parameters the pagination engine sets; generated methods leave them out. */
  static final Set<String> PAGINATION = Set.of("page", "page[size]", "page[after]", "page[before]", "per_page",
      "cursor");

  /** One operation's generated pair: the public method and its Retrofit declaration. */
  public record Generated(Class<?> api, Method method, Method declaration) {}

  private final Map<String, Generated> byOperationId = new HashMap<>();

  /** Indexes every generated API interface on the class path. */
  public GeneratedApis() {
    for (Class<?> api : apiInterfaces()) {
      Class<?> service = load(api.getName() + "Service");
      for (Method declared : service.getDeclaredMethods()) {
        Method method = publicMethod(api, declared.getName());
        Generated before = byOperationId.put(declared.getName().toLowerCase(Locale.ROOT),
            new Generated(api, method, declared));
        if (before != null) {
          throw new IllegalStateException("two generated methods named " + declared.getName() + ": in "
              + before.api().getSimpleName() + " and " + api.getSimpleName());
        }
      }
    }
  }

  /** Number of generated operations across all interfaces. */
  int methodCount() {
    return byOperationId.size();
  }

  /** The public generated method of an operationId (the generator lower-cases its first letter), or null. */
  public Method method(String operationId) {
    Generated g = generated(operationId);
    return g == null ? null : g.method();
  }

  /** The Retrofit declaration behind an operation's public method, or null. */
  public Method declaration(String operationId) {
    Generated g = generated(operationId);
    return g == null ? null : g.declaration();
  }

  /** Both methods of an operationId, or null. */
  public Generated generated(String operationId) {
    return byOperationId.get(operationId.toLowerCase(Locale.ROOT));
  }

  /** A generated interface bound to {@code retrofit} through its generated {@code create(Retrofit)}. */
  public static Object instance(Class<?> api, Retrofit retrofit) {
    try {
      return api.getMethod("create", Retrofit.class).invoke(null, retrofit);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(api + " has no create(Retrofit)", e);
    }
  }

  /**
   * Calls the public method of {@code operationId} on {@code api} with arguments given in the declaration's terms
   * (one per declared parameter, null for unset): required ones go in their positions, optional query parameters
   * into the params builder, pagination parameters nowhere (the engine's).
   */
  public Call<?> call(Object api, String operationId, Object[] declarationArgs) throws Throwable {
    Generated g = generated(operationId);
    if (g == null) {
      throw new IllegalArgumentException("no generated method for " + operationId);
    }
    try {
      return (Call<?>) g.method().invoke(api, publicArguments(g, declarationArgs));
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** The public method's arguments for arguments given in the declaration's terms. */
  static Object[] publicArguments(Generated g, Object[] declarationArgs) {
    Shape shape = shape(g);
    Object[] out = new Object[g.method().getParameterCount()];
    int i = 0;
    for (int d : shape.positional()) {
      if (i == shape.paramsIndex()) {
        out[i++] = buildParams(shape, declarationArgs);
      }
      out[i++] = declarationArgs[d];
    }
    if (i == shape.paramsIndex()) {
      out[i++] = buildParams(shape, declarationArgs);
    }
    for (int d : shape.body()) {
      out[i++] = declarationArgs[d];
    }
    if (i != out.length) {
      throw new IllegalStateException(g.method() + " takes " + out.length + " arguments, the rule gives " + i);
    }
    return out;
  }

  private static Object buildParams(Shape shape, Object[] declarationArgs) {
    try {
      Object builder = shape.paramsClass().getMethod("builder").invoke(null);
      for (Map.Entry<Integer, Method> setter : shape.setters().entrySet()) {
        Object value = declarationArgs[setter.getKey()];
        if (value != null) {
          setter.getValue().invoke(builder, value);
        }
      }
      return builder.getClass().getMethod("build").invoke(builder);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * How the public method is made from the declaration, by the project's rule: the path parameters in the order the
   * path names them, the other parameters that have no setter on the params object (required query parameters),
   * the params object when there is one, then the body or form parts. Pagination parameters are nowhere.
   *
   * @param positional declaration indexes of the positional arguments before the params object
   * @param paramsIndex where the params object goes in the public method, or -1
   * @param setters declaration index → params builder setter, for every optional parameter
   * @param body declaration indexes of the body or form parts
   * @param expectedTypes the public method's parameter types by the rule
   */
  record Shape(List<Integer> positional, int paramsIndex, Class<?> paramsClass, Map<Integer, Method> setters,
      List<Integer> body, List<Type> expectedTypes) {}

  /**
   * The rule's shape of an operation's public method, derived from its declaration and from where each params
   * builder setter's value lands in the request (found by building a request, never sent, with that setter alone).
   */
  static Shape shape(Generated g) {
    Method d = g.declaration();
    Class<?> paramsClass = paramsClass(g);
    Map<String, Method> settersByQueryName = paramsClass == null ? Map.of() : probeSetters(g, paramsClass);
    String template = httpPath(d);
    List<Integer> path = new ArrayList<>();
    List<Integer> query = new ArrayList<>();
    List<Integer> body = new ArrayList<>();
    Map<Integer, Method> setters = new LinkedHashMap<>();
    Annotation[][] annotations = d.getParameterAnnotations();
    Type[] types = d.getGenericParameterTypes();
    for (int i = 0; i < annotations.length; i++) {
      Annotation a = annotations[i][0];
      if (a instanceof retrofit2.http.Path) {
        path.add(i);
      } else if (a instanceof retrofit2.http.Query || a instanceof QueryMap) {
        String name = a instanceof retrofit2.http.Query q ? q.value() : QUERY_MAP_PROBE;
        Method setter = settersByQueryName.get(name);
        if (setter != null) {
          setters.put(i, setter);
        } else if (!PAGINATION.contains(name)) {
          query.add(i); // required: positional (the pagination engine's are in no signature)
        }
      } else if (a instanceof Body || a instanceof Part || a instanceof Field) {
        body.add(i);
      } else {
        throw new IllegalStateException(d + ": parameter " + i + " has an unexpected annotation " + a);
      }
    }
    path.sort(Comparator.comparingInt(i -> template.indexOf("{" + ((retrofit2.http.Path) annotations[i][0]).value()
        + "}")));
    List<Integer> positional = new ArrayList<>(path);
    positional.addAll(query);
    List<Type> expected = new ArrayList<>();
    positional.forEach(i -> expected.add(types[i]));
    if (paramsClass != null) {
      expected.add(paramsClass);
    }
    body.forEach(i -> expected.add(types[i]));
    return new Shape(positional, paramsClass == null ? -1 : positional.size(), paramsClass, setters, body, expected);
  }

  /** The key a query-map sample uses, so that a probe can tell where a map's entries land. */
  static final String QUERY_MAP_PROBE = "probe";

  private static final Retrofit PROBE = new Retrofit.Builder().baseUrl("http://probe.invalid/")
      .addConverterFactory(retrofit2.converter.gson.GsonConverterFactory.create(io.zenapi.zendesk.internal.Json.GSON))
      .build();

  /**
   * Which query parameter each params builder setter sends: for each setter, a request is built (not sent) with
   * that setter alone given a sample value, and the one query parameter that appears beyond those of an empty
   * params object is the setter's.
   */
  private static Map<String, Method> probeSetters(Generated g, Class<?> paramsClass) {
    Map<String, Method> out = new HashMap<>();
    try {
      Object none = paramsClass.getMethod("none").invoke(null);
      Set<String> base = queryNames(g, none);
      for (Method setter : builderClass(paramsClass).getDeclaredMethods()) {
        if (!Modifier.isPublic(setter.getModifiers()) || setter.getParameterCount() != 1) {
          continue;
        }
        Object builder = paramsClass.getMethod("builder").invoke(null);
        setter.invoke(builder, Map.class.isAssignableFrom(setter.getParameterTypes()[0])
            ? Map.of(QUERY_MAP_PROBE, "abc") : sample(setter.getGenericParameterTypes()[0], GSON));
        Object params = builder.getClass().getMethod("build").invoke(builder);
        List<String> added = queryNames(g, params).stream().filter(n -> !base.contains(n)).toList();
        if (added.size() != 1) {
          throw new IllegalStateException(g.method().getName() + ": setter " + setter.getName() + " sent "
              + added + " (expected exactly one query parameter)");
        }
        out.put(added.get(0), setter);
      }
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(g.method().getName() + ": " + e, e);
    }
    return out;
  }

  /** The query parameter names of the request the public method builds with {@code params} and samples. */
  private static Set<String> queryNames(Generated g, Object params) throws ReflectiveOperationException {
    Type[] types = g.method().getGenericParameterTypes();
    Object[] args = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      args[i] = params != null && types[i] == params.getClass() ? params : sample(types[i], GSON);
    }
    Call<?> call = (Call<?>) g.method().invoke(instance(g.api(), PROBE), args);
    return call.request().url().queryParameterNames();
  }

  private static final Gson GSON = io.zenapi.zendesk.internal.Json.GSON;

  /** The nested params class the public method takes, or null. */
  static Class<?> paramsClass(Generated g) {
    for (Class<?> type : g.method().getParameterTypes()) {
      if (type.getDeclaringClass() == g.api() && type.getSimpleName().endsWith("Params")) {
        return type;
      }
    }
    return null;
  }

  static Class<?> builderClass(Class<?> paramsClass) {
    try {
      return paramsClass.getMethod("builder").getReturnType();
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(paramsClass + " has no builder()", e);
    }
  }

  private static String httpPath(Method declaration) {
    for (Annotation a : declaration.getAnnotations()) {
      if (a instanceof retrofit2.http.HTTP h) {
        return h.path();
      }
      if (!a.annotationType().getPackageName().equals("retrofit2.http") || a instanceof retrofit2.http.Headers) {
        continue;
      }
      try {
        if (a.annotationType().getMethod("value").invoke(a) instanceof String v) {
          return v;
        }
      } catch (NoSuchMethodException e) {
        // @Multipart, @FormUrlEncoded: no path
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException(declaration + " has no HTTP path");
  }

  /** The type of the declaration's {@code @Body} parameter, or null when it has none. */
  static Type bodyType(Method declaration) {
    Annotation[][] annotations = declaration.getParameterAnnotations();
    for (int i = 0; i < annotations.length; i++) {
      for (Annotation a : annotations[i]) {
        if (a instanceof Body) {
          return declaration.getGenericParameterTypes()[i];
        }
      }
    }
    return null;
  }

  /**
   * Arguments in the declaration's terms: a value of the declared type for each path, query and header parameter,
   * and the body parsed from {@code bodyExample} when one is given.
   */
  public static Object[] arguments(Method declaration, JsonElement bodyExample, Gson gson) {
    Type[] types = declaration.getGenericParameterTypes();
    Annotation[][] annotations = declaration.getParameterAnnotations();
    Object[] args = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      boolean isBody = Stream.of(annotations[i]).anyMatch(a -> a instanceof Body);
      if (isBody && bodyExample != null) {
        args[i] = gson.fromJson(bodyExample, types[i]);
      } else if (annotations[i][0] instanceof QueryMap) {
        args[i] = Map.of(QUERY_MAP_PROBE, "abc");
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

  /** The public abstract method of {@code api} named {@code name}: the one that is neither default nor static. */
  private static Method publicMethod(Class<?> api, String name) {
    Method found = null;
    for (Method m : api.getDeclaredMethods()) {
      if (m.getName().equals(name) && Modifier.isAbstract(m.getModifiers())) {
        if (found != null) {
          throw new IllegalStateException(api.getSimpleName() + " has two abstract methods named " + name);
        }
        found = m;
      }
    }
    if (found == null) {
      throw new IllegalStateException(api.getSimpleName() + " has no public method " + name);
    }
    return found;
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
