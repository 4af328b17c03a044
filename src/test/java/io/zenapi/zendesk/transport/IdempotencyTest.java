package io.zenapi.zendesk.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.zenapi.zendesk.transport.Harness.BEARER;
import static io.zenapi.zendesk.transport.Harness.expect;
import static io.zenapi.zendesk.transport.Harness.json;
import static io.zenapi.zendesk.transport.Harness.millis;
import static io.zenapi.zendesk.transport.Harness.repeat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.zenapi.zendesk.ZendeskClient;
import io.zenapi.zendesk.errors.ConflictException;
import io.zenapi.zendesk.errors.ZendeskApiException;
import io.zenapi.zendesk.errors.WriteOutcomeUnknownException;
import io.zenapi.zendesk.generated.api.TicketsApi;
import io.zenapi.zendesk.generated.api.UsersApi;
import io.zenapi.zendesk.generated.model.TicketCreateRequest;
import io.zenapi.zendesk.generated.model.TicketObject;
import io.zenapi.zendesk.generated.model.TicketUpdateRequest;
import io.zenapi.zendesk.generated.model.UserInput;
import io.zenapi.zendesk.generated.model.UserRequest;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which writes are retried: POST only with an Idempotency-Key (same key on every attempt; ticket creation gets one
 * from the client), PUT on 5xx, never a 409.
 */
class IdempotencyTest {
  private static final String CREATE = "/api/v2/tickets";
  private static final String UPDATE = "/api/v2/tickets/7";
  private static final String CREATED = "{\"ticket\":{\"id\":7,\"subject\":\"New\"}}";
  private static final String USERS = "/api/v2/users";
  private static final String USER = "{\"user\":{\"id\":1}}";
  private static Harness h;
  private OkHttpClient shared;

  @BeforeAll
  static void start() {
    h = Harness.start();
  }

  @AfterAll
  static void stop() {
    h.stop();
  }

  @BeforeEach
  void reset() {
    h.reset();
  }

  @AfterEach
  void closeShared() {
    if (shared != null) {
      shared.dispatcher().executorService().shutdown();
      shared.connectionPool().evictAll();
    }
  }

  private static MappingBuilder create() {
    return post(urlPathEqualTo(CREATE));
  }

  private static MappingBuilder update() {
    return put(urlPathEqualTo(UPDATE));
  }

  private static TicketCreateRequest newTicket() {
    return new TicketCreateRequest().ticket(new TicketObject().subject("New"));
  }

  private static Object createUser(ZendeskClient client) {
    return client.execute(client.api(UsersApi.class).createUser(new UserRequest().user(new UserInput().name("Ann"))));
  }

  private static Object createTicket(ZendeskClient client) {
    return client.execute(client.api(TicketsApi.class).createTicket(newTicket()));
  }

  /** A client whose shared OkHttp client adds a fresh Idempotency-Key to each call it sees. */
  private ZendeskClient clientWithIdempotencyKeys(AtomicInteger keysMade) {
    shared = new OkHttpClient.Builder()
        .addInterceptor(chain -> {
          keysMade.incrementAndGet();
          return chain.proceed(chain.request().newBuilder()
              .header(RetryInterceptor.IDEMPOTENCY_KEY, UUID.randomUUID().toString()).build());
        })
        .build();
    return h.client(b -> b.httpClient(shared).retryPolicy(RetryPolicy.builder().jitter(0).build()));
  }

  @Test
  void postWithoutIdempotencyKeyIsNotRetriedOn503() {
    h.sequence(() -> post(urlPathEqualTo(USERS)), json(503, "{}"), json(201, USER));
    ZendeskClient client = h.exactClient(5);

    ZendeskApiException e = assertThrows(ZendeskApiException.class, () -> createUser(client));

    assertEquals(503, e.status());
    assertEquals(List.of(expect("POST " + USERS, BEARER, null)), h.requests());
    assertEquals(List.of(), h.sleeper.waits());
  }

  @Test
  void postWithoutIdempotencyKeyIsNotRetriedOnConnectionReset() {
    h.sequence(() -> post(urlPathEqualTo(USERS)), aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
        json(201, USER));
    ZendeskClient client = h.exactClient(5);

    assertThrows(WriteOutcomeUnknownException.class, () -> createUser(client));

    assertEquals(List.of(expect("POST " + USERS, BEARER, null)), h.requests());
    assertEquals(List.of(), h.sleeper.waits());
  }

  @Test
  void ticketCreationIsRetriedOn503WithTheKeyTheClientAdded() {
    h.sequence(IdempotencyTest::create, json(503, "{}"), json(201, CREATED));
    ZendeskClient client = h.exactClient(5);

    createTicket(client);

    String key = h.received().get(0).getHeader(RetryInterceptor.IDEMPOTENCY_KEY);
    assertEquals(repeat(2, expect("POST " + CREATE, BEARER, key)), h.requests());
    assertEquals(millis(500), h.sleeper.waits());
  }

  @Test
  void postWithIdempotencyKeyIsRetriedOn503WithTheSameKey() {
    h.sequence(IdempotencyTest::create, json(503, "{}"), json(503, "{}"), json(201, CREATED));
    AtomicInteger keysMade = new AtomicInteger();
    ZendeskClient client = clientWithIdempotencyKeys(keysMade);

    createTicket(client);

    List<String> seen = h.requests();
    assertEquals(3, seen.size(), seen.toString());
    String key = h.received().get(0).getHeader(RetryInterceptor.IDEMPOTENCY_KEY);
    assertEquals(repeat(3, expect("POST " + CREATE, BEARER, key)), seen);
    assertEquals(1, keysMade.get(), "one key per call, not per attempt");
    assertEquals(millis(500, 1000), h.sleeper.waits());
    assertTrue(h.received().stream().allMatch(r -> r.getBodyAsString().contains("\"subject\":\"New\"")),
        "every attempt sends the whole body");
  }

  @Test
  void postWithIdempotencyKeyIsRetriedOnConnectionReset() {
    h.sequence(IdempotencyTest::create, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
        json(201, CREATED));
    ZendeskClient client = clientWithIdempotencyKeys(new AtomicInteger());

    createTicket(client);

    String key = h.received().get(0).getHeader(RetryInterceptor.IDEMPOTENCY_KEY);
    assertEquals(repeat(2, expect("POST " + CREATE, BEARER, key)), h.requests());
    assertEquals(millis(500), h.sleeper.waits());
  }

  @Test
  void putIsRetriedOn503() {
    h.sequence(IdempotencyTest::update, json(503, "{}"), json(200, CREATED));
    ZendeskClient client = h.exactClient(5);

    client.execute(client.api(TicketsApi.class).updateTicket(7L, new TicketUpdateRequest().ticket(new TicketObject()
        .subject("Changed"))));

    assertEquals(repeat(2, expect("PUT " + UPDATE, BEARER, null)), h.requests());
    assertEquals(millis(500), h.sleeper.waits());
  }

  @Test
  void conflictOnPutIsNeverRetried() {
    h.sequence(IdempotencyTest::update, json(409, "{\"error\":\"UpdateConflict\",\"description\":\"Ticket changed\"}")
        .withHeader("X-Zendesk-Request-Id", "c-409"), json(200, CREATED));
    ZendeskClient client = h.exactClient(5);

    ConflictException e = assertThrows(ConflictException.class, () -> client.execute(
        client.api(TicketsApi.class).updateTicket(7L, new TicketUpdateRequest().ticket(new TicketObject()
            .subject("Changed")))));

    assertSame(ConflictException.class, e.getClass());
    assertEquals(409, e.status());
    assertEquals("UpdateConflict", e.error().orElseThrow());
    assertEquals("c-409", e.requestId().orElseThrow());
    assertEquals(List.of(expect("PUT " + UPDATE, BEARER, null)), h.requests());
    assertEquals(List.of(), h.sleeper.waits());
  }

  @Test
  void executeWithAKeyRetriesAPostWithThatKeyOnEveryAttempt() {
    h.sequence(IdempotencyTest::create, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), json(503, "{}"),
        json(201, CREATED));
    ZendeskClient client = h.client(b -> b.retryPolicy(RetryPolicy.builder().jitter(0).build()));

    client.execute(client.api(TicketsApi.class).createTicket(newTicket()), "order-4711-create");

    assertEquals(repeat(3, expect("POST " + CREATE, BEARER, "order-4711-create")), h.requests());
    assertEquals(millis(500, 1000), h.sleeper.waits());
  }

  @Test
  void aBadIdempotencyKeyIsRefusedBeforeAnyRequest() {
    ZendeskClient client = h.exactClient(5);
    TicketsApi api = client.api(TicketsApi.class);
    for (String bad : new String[] {null, "", " ", "has space", "x".repeat(256), "caf\u00e9"}) {
      assertThrows(IllegalArgumentException.class, () -> client.execute(api.createTicket(newTicket()), bad),
          String.valueOf(bad));
    }
    assertEquals(List.of(), h.requests());
  }
}
