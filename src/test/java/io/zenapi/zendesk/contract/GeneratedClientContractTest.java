package io.zenapi.zendesk.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.zenapi.zendesk.internal.Json;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.gson.GsonConverterFactory;

/**
 * Contract tests generated from the merged spec, one container per operation:
 * <ol>
 *   <li>every optional parameter, set through the params builder, is sent under its name with its value;</li>
 *   <li>the generated method builds a valid request (method, path, no model printed into the URL) and sends it;</li>
 *   <li>each 2xx response example, served by WireMock, parses into the generated type and re-serialises without
 *       losing a non-null field;</li>
 *   <li>each request example, parsed into the body model and sent, arrives unchanged.</li>
 * </ol>
 * Cases that cannot pass are listed with their reason in {@code contract-exceptions.tsv}; a listed case that
 * passes fails, so the list cannot go stale.
 */
class GeneratedClientContractTest {
  private static final Gson GSON = Json.GSON;
  private static final MergedSpec SPEC = MergedSpec.load();
  private static final GeneratedApis APIS = new GeneratedApis();
  private static final ContractExceptions EXCEPTIONS = new ContractExceptions();

  private static final Map<String, AtomicInteger> COUNTS = new ConcurrentHashMap<>();
  private static final Set<String> LOSSY_OPERATIONS = ConcurrentHashMap.newKeySet();
  private static final Set<String> LOSSY_WITH_UNKNOWN_MEMBERS = ConcurrentHashMap.newKeySet();
  private static final Set<String> OPERATIONS_WITH_RESPONSE_EXAMPLES = ConcurrentHashMap.newKeySet();
  private static final Set<String> SEEN_CASES = ConcurrentHashMap.newKeySet();

  private static WireMockServer server;
  private static Retrofit retrofit;

  @BeforeAll
  static void start() {
    server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).build();
    retrofit = new Retrofit.Builder()
        .baseUrl(server.baseUrl() + "/")
        .client(http)
        .addConverterFactory(GsonConverterFactory.create(GSON))
        .build();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.stop();
    }
    int withExamples = OPERATIONS_WITH_RESPONSE_EXAMPLES.size();
    CallShapes shapes = CallShapes.of(SPEC, APIS);
    System.out.printf("[contract] %d operations, %d generated methods | optional parameters: %d (%d in params"
            + " objects, %d set by the pagination engine), taken positionally: %d | methods whose argument order"
            + " breaks the rule: %d | optional parameters on the wire: %d passed, %d listed"
            + " | requests built: %d passed, %d listed"
            + " | response examples: %d passed, %d listed | request examples: %d passed, %d listed"
            + " | lossless round trip: %d of %d operations"
            + " | with an unknown member at every level: %d of %d operations%n",
        SPEC.operations().size(), APIS.methodCount(),
        shapes.optional(), shapes.inParams(), shapes.engine(), shapes.positionalOptional().size(),
        shapes.outOfOrder().size(), count("wire.pass"), count("wire.listed"),
        count("build.pass"), count("build.listed"),
        count("response.pass"), count("response.listed"),
        count("request.pass"), count("request.listed"),
        withExamples - LOSSY_OPERATIONS.size(), withExamples,
        withExamples - LOSSY_WITH_UNKNOWN_MEMBERS.size(), withExamples);
  }

  @Test
  void everyOperationIsOneGeneratedMethod() {
    List<String> missing = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (MergedSpec.Op op : SPEC.operations()) {
      assertTrue(ids.add(op.id()), "duplicate operationId " + op.id());
      if (APIS.method(op.id()) == null) {
        missing.add(op.label());
      }
    }
    assertEquals(List.of(), missing, "operations without a generated method");
    assertEquals(SPEC.operations().size(), APIS.methodCount(), "one generated method per operation, no more");
  }

  @Test
  void noOptionalParameterIsPositionalAndEveryMethodFollowsTheArgumentOrder() {
    CallShapes shapes = CallShapes.of(SPEC, APIS);
    assertTrue(shapes.optional() > 500, "optional parameters counted: " + shapes.optional());
    assertEquals(List.of(), shapes.positionalOptional(), "optional parameters taken positionally");
    assertEquals(List.of(), shapes.outOfOrder(), "methods whose arguments are not: path parameters in path order,"
        + " required query parameters, the params object, the body");
  }

  @Test
  void everyListedExceptionIsAKnownCase() {
    List<MergedSpec.Op> ops = SPEC.operations();
    Set<String> known = new TreeSet<>();
    for (MergedSpec.Op op : ops) {
      known.add(op.id() + " build");
      known.add(op.id() + " wire");
      SPEC.successExamples(op).forEach(e -> known.add(caseId(op, e, "response")));
      SPEC.successExamples(op).forEach(e -> known.add(caseId(op, e, "unknown")));
      SPEC.requestExamples(op).forEach(e -> known.add(caseId(op, e, "request")));
    }
    for (String listed : EXCEPTIONS.all().keySet()) {
      assertTrue(known.contains(listed), ContractExceptions.FILE + " lists an unknown case: " + listed);
    }
  }

  @TestFactory
  Stream<DynamicNode> everyOperation() {
    return SPEC.operations().stream().map(op -> {
      List<DynamicNode> tests = new ArrayList<>();
      List<MergedSpec.Example> requests = SPEC.requestExamples(op);
      JsonElement body = requests.isEmpty() ? null : requests.get(0).value();
      tests.add(guarded("build", op.id() + " build", "builds a valid request", () -> buildsValidRequest(op, body)));
      tests.add(guarded("wire", op.id() + " wire", "every optional parameter set through the params builder is on"
          + " the wire", () -> everyOptionalParameterIsSent(op, body)));
      for (MergedSpec.Example ex : SPEC.successExamples(op)) {
        OPERATIONS_WITH_RESPONSE_EXAMPLES.add(op.id());
        String id = caseId(op, ex, "response");
        tests.add(guarded("response", id, "response " + ex.status() + " example '" + ex.name() + "' round-trips",
            () -> {
              try {
                responseRoundTrips(op, ex, body);
              } catch (AssertionError | RuntimeException e) {
                LOSSY_OPERATIONS.add(op.id());
                throw e;
              }
            }));
        tests.add(guarded("unknown", caseId(op, ex, "unknown"), "response " + ex.status() + " example '" + ex.name()
            + "' with an unknown member in every object round-trips", () -> {
              try {
                responseRoundTrips(op, new MergedSpec.Example(ex.name(), ex.status(), withUnknownMembers(ex.value())),
                    body);
              } catch (AssertionError | RuntimeException e) {
                LOSSY_WITH_UNKNOWN_MEMBERS.add(op.id());
                throw e;
              }
            }));
      }
      for (MergedSpec.Example ex : requests) {
        tests.add(guarded("request", caseId(op, ex, "request"), "request example '" + ex.name() + "' is sent unchanged",
            () -> requestSentUnchanged(op, ex)));
      }
      return DynamicContainer.dynamicContainer(op.label(), tests);
    });
  }

  private static void buildsValidRequest(MergedSpec.Op op, JsonElement body) throws Throwable {
    server.resetAll();
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)));
    Response<?> response = call(op, body).execute();
    assertEquals(204, response.code());
    LoggedRequest sent = onlyRequest();
    assertEquals(op.method().toUpperCase(), sent.getMethod().getName(), "HTTP method");
    String path = sent.getUrl().split("\\?", 2)[0];
    assertTrue(path.matches(pathPattern(op.path())), "path " + path + " does not match " + op.path());
    String decoded = URLDecoder.decode(sent.getUrl(), StandardCharsets.UTF_8);
    assertFalse(decoded.contains("class ") || decoded.contains("{") || decoded.contains("}"),
        "a model or template was printed into the URL: " + decoded);
    if (op.node().has("requestBody") && GeneratedApis.bodyType(APIS.declaration(op.id())) != null) {
      assertNotNull(sent.getBody(), "request body");
      assertTrue(sent.getBody().length > 0, "request body is empty");
    }
  }

  private static void responseRoundTrips(MergedSpec.Op op, MergedSpec.Example ex, JsonElement body)
      throws Throwable {
    server.resetAll();
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(Integer.parseInt(ex.status()))
        .withHeader("Content-Type", "application/json").withBody(ex.value().toString())));
    Response<?> response = call(op, body).execute();
    assertTrue(response.isSuccessful(), "status " + response.code());
    String path = onlyRequest().getUrl().split("\\?", 2)[0];
    assertTrue(path.matches(pathPattern(op.path())), "path " + path + " does not match " + op.path());
    Object parsed = response.body();
    assertNotNull(parsed, "the generated method returns no body type for this response (Void?)");
    List<String> losses = JsonComparison.losses(ex.value(), GSON.toJsonTree(parsed));
    assertEquals(List.of(), losses, "fields lost or changed on parse + re-serialise into "
        + parsed.getClass().getSimpleName());
  }

  private static void requestSentUnchanged(MergedSpec.Op op, MergedSpec.Example ex) throws Throwable {
    server.resetAll();
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)));
    assertNotNull(GeneratedApis.bodyType(APIS.declaration(op.id())), "the generated method takes no body");
    call(op, ex.value()).execute();
    byte[] sent = onlyRequest().getBody();
    assertNotNull(sent, "no body was sent");
    JsonElement received = JsonParser.parseString(new String(sent, StandardCharsets.UTF_8));
    assertEquals(List.of(), JsonComparison.losses(ex.value(), received), "request example changed on the way");
  }

  /**
   * Every optional query parameter of the spec, each set through the params builder with a sample value, arrives
   * under its own name (brackets percent-encoded, as Zendesk reads them) with that value; no pagination parameter
   * is sent (the engine's), and nothing is sent twice.
   */
  private static void everyOptionalParameterIsSent(MergedSpec.Op op, JsonElement body) throws Throwable {
    server.resetAll();
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)));
    call(op, body).execute();
    String url = onlyRequest().getUrl();
    HttpUrl sent = HttpUrl.get(server.baseUrl() + url);
    for (JsonElement e : op.node().has("parameters") ? op.node().getAsJsonArray("parameters")
        : new com.google.gson.JsonArray()) {
      JsonObject p = e.getAsJsonObject();
      String name = p.get("name").getAsString();
      if (!"query".equals(p.get("in").getAsString())) {
        continue;
      }
      if (GeneratedApis.PAGINATION.contains(name) && !required(p)) {
        assertNull(sent.queryParameter(name), name + " is the pagination engine's, yet it was sent");
        continue;
      }
      String key = p.has("x-query-map") ? GeneratedApis.QUERY_MAP_PROBE : name;
      List<String> values = sent.queryParameterValues(key);
      assertEquals(1, values.size(), key + " sent " + values.size() + " times in " + url);
      assertTrue(Set.of("35436", "abc", "true", "1.5").contains(values.get(0)), key + "=" + values.get(0));
      if (name.contains("[") && !p.has("x-query-map")) {
        assertTrue(url.contains(name.replace("[", "%5B").replace("]", "%5D") + "="), name + " encoded in " + url);
      }
    }
  }

  private static boolean required(JsonObject parameter) {
    return parameter.has("required") && parameter.get("required").getAsBoolean();
  }

  private static Call<?> call(MergedSpec.Op op, JsonElement body) throws Throwable {
    GeneratedApis.Generated g = APIS.generated(op.id());
    assertNotNull(g, "no generated method for " + op.id());
    Object api = GeneratedApis.instance(g.api(), retrofit);
    return APIS.call(api, op.id(), GeneratedApis.arguments(g.declaration(), body, GSON));
  }

  private static LoggedRequest onlyRequest() {
    List<LoggedRequest> requests = server.findAll(com.github.tomakehurst.wiremock.client.WireMock
        .anyRequestedFor(anyUrl()));
    assertEquals(1, requests.size(), "requests received");
    return requests.get(0);
  }

  private static String pathPattern(String template) {
    return java.util.regex.Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
  }

  private static String caseId(MergedSpec.Op op, MergedSpec.Example ex, String kind) {
    return op.id() + " " + kind + ("request".equals(kind) ? "" : " " + ex.status()) + " " + ex.name();
  }

  /** A copy of {@code json} with a member no schema declares added to every object, at every depth. */
  static JsonElement withUnknownMembers(JsonElement json) {
    JsonElement copy = json.deepCopy();
    addUnknown(copy);
    return copy;
  }

  private static void addUnknown(JsonElement e) {
    if (e.isJsonObject()) {
      e.getAsJsonObject().entrySet().forEach(m -> addUnknown(m.getValue()));
      e.getAsJsonObject().add("zz_added_upstream_later", JsonParser.parseString("{\"n\":[1,\"two\",null]}"));
    } else if (e.isJsonArray()) {
      e.getAsJsonArray().forEach(GeneratedClientContractTest::addUnknown);
    }
  }

  /** Runs a case; a failing case passes only when listed with a reason, and a listed case must fail. */
  private static DynamicTest guarded(String kind, String caseId, String name, Executable body) {
    return DynamicTest.dynamicTest(name, () -> {
      SEEN_CASES.add(caseId);
      String reason = EXCEPTIONS.reason(caseId);
      try {
        body.execute();
      } catch (Throwable t) {
        if (reason != null) {
          COUNTS.computeIfAbsent(kind + ".listed", k -> new AtomicInteger()).incrementAndGet();
          return;
        }
        throw t;
      }
      if (reason != null) {
        fail(caseId + " passes but is listed in " + ContractExceptions.FILE + " (" + reason + "): remove the line");
      }
      COUNTS.computeIfAbsent(kind + ".pass", k -> new AtomicInteger()).incrementAndGet();
    });
  }

  private static int count(String key) {
    AtomicInteger n = COUNTS.get(key);
    return n == null ? 0 : n.get();
  }
}
