package io.zenapi.zendesk.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.zenapi.zendesk.ZendeskClient;
import io.zenapi.zendesk.errors.BadRequestException;
import io.zenapi.zendesk.generated.api.IncrementalExportApi;
import io.zenapi.zendesk.generated.api.JobStatusesApi;
import io.zenapi.zendesk.generated.api.SearchApi;
import io.zenapi.zendesk.generated.api.SuspendedTicketsApi;
import io.zenapi.zendesk.generated.api.TicketsApi;
import io.zenapi.zendesk.generated.api.TicketsApi.TicketsUpdateManyParams;
import io.zenapi.zendesk.generated.model.TicketsUpdateRequest;
import io.zenapi.zendesk.generated.model.TicketsUpdateRequestTicket;
import io.zenapi.zendesk.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.Header;
import retrofit2.http.Query;

// Covers every spec operation through its generated method (2xx, body parses), required query → 400, no auth → 401.
class MockZendeskSpecDrivenTest {
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
  private static final long TICKET = TicketFactory.FIRST_ID + 1;
  private static final long FIRST_SUSPENDED = 500_000_000_000L;

  private static MockZendesk mock;
  private static ZendeskClient client;
  private static JsonObject spec;
  private static final io.zenapi.zendesk.contract.GeneratedApis methods =
      new io.zenapi.zendesk.contract.GeneratedApis();
  private static String jobId;
  private static String webhookId;
  private static String invocationId;
  private static final AtomicLong nextSuspended = new AtomicLong(FIRST_SUSPENDED);

  private static final AtomicInteger answered = new AtomicInteger();
  private static final AtomicInteger parsed = new AtomicInteger();
  private static final AtomicInteger empty = new AtomicInteger();
  private static final AtomicInteger withRequiredQuery = new AtomicInteger();
  private static final AtomicInteger withBody = new AtomicInteger();
  private static final Set<String> statuses = new HashSet<>();

  /** One operation of the spec. */
  private record Op(String method, String path, JsonObject node, JsonObject pathItem) {
    String id() {
      return node.get("operationId").getAsString();
    }

    String label() {
      return method.toUpperCase(Locale.ROOT) + " " + path + " (" + id() + ")";
    }
  }

  @BeforeAll
  static void start() throws IOException {
    mock = MockZendesk.start(200);
    client = mock.client();
    try (InputStream in = MockZendeskSpecDrivenTest.class.getResourceAsStream(SpecExamples.RESOURCE)) {
      assertNotNull(in, "the merged spec is on the class path beside the mock");
      spec = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
    }
    jobId = client.execute(client.api(TicketsApi.class).ticketsUpdateMany(TicketsUpdateManyParams.builder()
        .ids(Long.toString(TICKET)).build(),
        new TicketsUpdateRequest().ticket(
        new TicketsUpdateRequestTicket().priority("low")))).getJobStatus().getId();
    // a webhook with one invocation: delivered to the mock itself, which answers 401 (no credentials), still one
    webhookId = newWebhook();
    JsonObject change = new JsonObject();
    change.addProperty("priority", "urgent");
    mock.tickets().update(TICKET, change);
    assertTrue(mock.webhooks().awaitDeliveries(java.time.Duration.ofSeconds(10)));
    invocationId = client.execute(client.api(io.zenapi.zendesk.generated.api.WebhooksApi.class)
        .listWebhookInvocations(webhookId)).getInvocations().get(0).getId();
  }

  /** A webhook subscribed to priority changes, delivering to a loopback address of the mock itself. */
  private static String newWebhook() {
    return client.execute(client.api(io.zenapi.zendesk.generated.api.WebhooksApi.class).createOrCloneWebhook(
        new io.zenapi.zendesk.generated.model.WebhookCreateRequest().webhook(
            new io.zenapi.zendesk.generated.model.WebhookObject().name("spec-driven").endpoint(mock.baseUrl()
                + "/webhook-sink").httpMethod("POST").requestFormat("json").status("active")
                .subscriptions(List.of("zen:event-type:ticket.priority_changed"))))).getWebhook().getId();
  }

  @AfterAll
  static void stop() {
    client.close();
    mock.close();
    System.out.printf("[mock-spec] %d operations: %d answered 2xx through their generated method (%d with a parsed"
            + " body, %d without one; statuses %s); %d sent a request body, %d sent required query parameters%n",
        operations().size(), answered.get(), parsed.get(), empty.get(), new java.util.TreeSet<>(statuses),
        withBody.get(), withRequiredQuery.get());
  }

  @TestFactory
  Stream<DynamicTest> everyOperationAnswers2xxWithABodyThatParses() {
    List<Op> ops = operations();
    assertTrue(ops.size() > 500, "the whole spec: " + ops.size());
    return ops.stream().map(op -> DynamicTest.dynamicTest(op.label(), () -> callAndCheck(op)));
  }

  private static void callAndCheck(Op op) throws Throwable {
    io.zenapi.zendesk.contract.GeneratedApis.Generated g = methods.generated(op.id());
    assertNotNull(g, "no generated method for " + op.id());
    Method m = g.declaration();
    Call<?> call = methods.call(client.api(g.api()), op.id(), arguments(op, m));
    assertEquals(op.method().toUpperCase(Locale.ROOT), call.request().method());
    mock.wireMock().resetRequests();
    Object body = client.execute(call);
    List<ServeEvent> events = mock.wireMock().getAllServeEvents();
    assertEquals(1, events.size(), "one request, no retry");
    ServeEvent event = events.get(0);
    int status = event.getResponse().getStatus();
    assertTrue(status >= 200 && status < 300, "status " + status);
    String path = event.getRequest().getUrl().split("\\?", 2)[0];
    assertTrue(path.matches(pathPattern(op.path())), path + " is not " + op.path());
    statuses.add(Integer.toString(status));
    answered.incrementAndGet();
    String text = event.getResponse().getBodyAsString();
    Type type = ((ParameterizedType) m.getGenericReturnType()).getActualTypeArguments()[0];
    if (status == 204 || type == Void.class || text == null || text.isBlank()) {
      empty.incrementAndGet();
    } else {
      assertNotNull(body, "a " + status + " body was sent but nothing parsed into " + type.getTypeName());
      parsed.incrementAndGet();
    }
  }

  @Test
  void aMissingRequiredQueryParameterFailsBeforeAnyRequestAndTheMockRefusesIt() throws IOException {
    mock.wireMock().resetRequests();
    IllegalArgumentException search = assertThrows(IllegalArgumentException.class,
        () -> client.api(SearchApi.class).listSearchResults(null));
    assertEquals("listSearchResults: query is required", search.getMessage());
    IllegalArgumentException export = assertThrows(IllegalArgumentException.class,
        () -> client.api(IncrementalExportApi.class).incrementalTicketExportTime(null));
    assertEquals("incrementalTicketExportTime: start_time is required", export.getMessage());
    assertEquals(0, mock.wireMock().getAllServeEvents().size(), "nothing was sent");

    // a caller who bypasses the generated methods still gets Zendesk's 400 from the mock
    int suspended = mock.suspendedTickets().count();
    OkHttpClient plain = new OkHttpClient();
    for (String[] call : List.of(new String[] {"GET", "/api/v2/search", "query"},
        new String[] {"GET", "/api/v2/incremental/tickets", "start_time"},
        new String[] {"GET", "/api/v2/job_statuses/show_many", "ids"},
        new String[] {"DELETE", "/api/v2/suspended_tickets/destroy_many", "ids"})) {
      try (Response r = plain.newCall(new Request.Builder().url(mock.baseUrl() + call[1])
          .method(call[0], null).header("Authorization", "Bearer test").build()).execute()) {
        assertEquals(400, r.code(), call[1]);
        assertTrue(r.body().string().contains(call[2]), call[1] + " names " + call[2]);
      }
    }
    plain.dispatcher().executorService().shutdown();
    plain.connectionPool().evictAll();
    assertEquals(suspended, mock.suspendedTickets().count());

    assertEquals(0, client.execute(client.api(IncrementalExportApi.class).incrementalTicketExportTime(4_102_444_800L))
        .getCount(), "with it: 200");
  }

  @Test
  void requestsWithoutAuthorizationGet401() throws IOException {
    OkHttpClient plain = new OkHttpClient();
    for (String path : List.of("/api/v2/tickets/" + TICKET + ".json", "/api/v2/users/me.json", "/api/v2/groups")) {
      try (Response r = plain.newCall(new Request.Builder().url(mock.baseUrl() + path).build()).execute()) {
        assertEquals(401, r.code(), path);
        assertTrue(r.body().string().contains("Couldn't authenticate you"));
      }
    }
    try (Response r = plain.newCall(new Request.Builder().url(mock.baseUrl() + "/api/v2/tickets/" + TICKET + ".json")
        .header("Authorization", "Bearer x").build()).execute()) {
      assertEquals(200, r.code(), "any credentials will do");
    }
    plain.dispatcher().executorService().shutdown();
    plain.connectionPool().evictAll();
  }

  // ---- arguments ----

  private static Object[] arguments(Op op, Method m) {
    Map<String, JsonObject> params = new HashMap<>();
    for (JsonObject p : parameters(op)) {
      params.put(p.get("in").getAsString() + ":" + p.get("name").getAsString(), p);
    }
    Type[] types = m.getGenericParameterTypes();
    Annotation[][] annotations = m.getParameterAnnotations();
    Object[] args = new Object[types.length];
    boolean countedQuery = false;
    for (int i = 0; i < types.length; i++) {
      Annotation a = annotations[i].length == 0 ? null : annotations[i][0];
      if (a instanceof retrofit2.http.Path p) {
        args[i] = convert(pathValue(op, p.value()), types[i]);
      } else if (a instanceof Query q) {
        JsonObject spec = params.get("query:" + q.value());
        boolean required = spec != null && spec.has("required") && spec.get("required").getAsBoolean();
        if (required) {
          args[i] = convert(queryValue(op, q.value()), types[i]);
          if (!countedQuery) {
            withRequiredQuery.incrementAndGet();
            countedQuery = true;
          }
        }
      } else if (a instanceof Header) {
        args[i] = null;
      } else if (a instanceof Body) {
        JsonElement example = requestExample(op);
        args[i] = example == null ? sample(types[i]) : Json.GSON.fromJson(plausible(example), types[i]);
        withBody.incrementAndGet();
      } else {
        args[i] = sample(types[i]);
      }
    }
    return args;
  }

  /** A path parameter that names something the mock keeps: a real ticket, user, job or suspended ticket. */
  private static Object pathValue(Op op, String name) {
    return switch (name) {
      case "ticket_id" -> TICKET;
      case "user_id" -> MockSkips.CURRENT_USER_ID;
      case "job_status_id" -> jobId;
      case "webhook_id" -> op.method().equals("delete") ? newWebhook() : webhookId; // deleting keeps the other
      case "invocation_id" -> invocationId;
      case "id" -> op.path().startsWith("/api/v2/suspended_tickets/") ? nextSuspended.getAndIncrement() : null;
      default -> null;
    };
  }

  private static Object queryValue(Op op, String name) {
    if (!name.equals("ids")) {
      return null;
    }
    if (op.path().startsWith("/api/v2/suspended_tickets/")) {
      return nextSuspended.getAndIncrement() + "," + nextSuspended.getAndIncrement();
    }
    if (op.path().startsWith("/api/v2/job_statuses/")) {
      return jobId;
    }
    if (op.path().startsWith("/api/v2/tickets/")) {
      return Long.toString(TicketFactory.FIRST_ID + 150);
    }
    return null;
  }

  /** The example made to fit the mock's data: real ticket ids and a current safe-update stamp. */
  private static JsonElement plausible(JsonElement example) {
    JsonElement copy = example.deepCopy();
    rewrite(copy);
    return copy;
  }

  private static void rewrite(JsonElement e) {
    if (e.isJsonObject()) {
      JsonObject o = e.getAsJsonObject();
      if (o.has("ticket_id") && o.get("ticket_id").isJsonPrimitive()) {
        o.addProperty("ticket_id", TICKET);
      }
      if (o.has("updated_stamp")) {
        o.add("updated_stamp", mock.tickets().get(TICKET).get("updated_at"));
      }
      if (o.has("endpoint") && o.has("http_method")) {
        o.addProperty("endpoint", mock.baseUrl() + "/webhook-sink"); // the mock delivers to loopback only
      }
      o.entrySet().forEach(entry -> rewrite(entry.getValue()));
    } else if (e.isJsonArray()) {
      e.getAsJsonArray().forEach(MockZendeskSpecDrivenTest::rewrite);
    }
  }

  private static Object convert(Object value, Type type) {
    if (value == null) {
      return sample(type);
    }
    Class<?> raw = raw(type);
    if (raw == String.class) {
      return value.toString();
    }
    if (raw == Long.class) {
      return Long.parseLong(value.toString());
    }
    if (raw == BigDecimal.class) {
      return new BigDecimal(value.toString());
    }
    if (raw == Integer.class) {
      return Integer.parseInt(value.toString());
    }
    return sample(type);
  }

  /** A plausible non-null value of a parameter type: the contract tests' samples. */
  private static Object sample(Type type) {
    return io.zenapi.zendesk.contract.GeneratedApis.sample(type, io.zenapi.zendesk.internal.Json.GSON);
  }

  private static Class<?> raw(Type type) {
    return type instanceof Class<?> c ? c : (Class<?>) ((ParameterizedType) type).getRawType();
  }

  // ---- the spec ----

  private static List<Op> operations() {
    List<Op> out = new ArrayList<>();
    for (Map.Entry<String, JsonElement> p : spec.getAsJsonObject("paths").entrySet()) {
      JsonObject item = p.getValue().getAsJsonObject();
      for (Map.Entry<String, JsonElement> m : item.entrySet()) {
        if (METHODS.contains(m.getKey())) {
          out.add(new Op(m.getKey(), p.getKey(), m.getValue().getAsJsonObject(), item));
        }
      }
    }
    return out;
  }

  private static List<JsonObject> parameters(Op op) {
    List<JsonObject> out = new ArrayList<>();
    for (JsonObject holder : List.of(op.pathItem(), op.node())) {
      if (holder.has("parameters")) {
        holder.getAsJsonArray("parameters").forEach(e -> out.add(deref(e.getAsJsonObject())));
      }
    }
    return out;
  }

  private static JsonElement requestExample(Op op) {
    if (!op.node().has("requestBody")) {
      return null;
    }
    JsonObject media = io.zenapi.zendesk.contract.JsonMedia.of(
        deref(op.node().getAsJsonObject("requestBody")).getAsJsonObject("content"));
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
    return deref(examples.entrySet().iterator().next().getValue().getAsJsonObject()).get("value");
  }

  private static JsonObject deref(JsonObject node) {
    JsonObject current = node;
    while (current.has("$ref")) {
      JsonObject target = spec;
      for (String part : current.get("$ref").getAsString().substring(2).split("/")) {
        target = target.getAsJsonObject(part.replace("~1", "/").replace("~0", "~"));
      }
      current = target;
    }
    return current;
  }

  private static String pathPattern(String template) {
    return Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q") + "(\\.json)?";
  }
}
