package io.zenapi.zendesk.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.zenapi.zendesk.transport.Harness.BEARER;
import static io.zenapi.zendesk.transport.Harness.expect;
import static io.zenapi.zendesk.transport.Harness.json;
import static io.zenapi.zendesk.transport.Harness.millis;
import static io.zenapi.zendesk.transport.Harness.repeat;
import static io.zenapi.zendesk.transport.Harness.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.zenapi.zendesk.ZendeskClient;
import io.zenapi.zendesk.errors.WriteOutcomeUnknownException;
import io.zenapi.zendesk.errors.ZendeskTransportException;
import io.zenapi.zendesk.generated.api.TicketsApi;
import io.zenapi.zendesk.generated.api.UsersApi;
import io.zenapi.zendesk.generated.model.TicketCreateRequest;
import io.zenapi.zendesk.generated.model.TicketObject;
import io.zenapi.zendesk.generated.model.UserInput;
import io.zenapi.zendesk.generated.model.UserRequest;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which writes the transport sends twice: ticket creation with the Idempotency-Key the client adds (Zendesk honours
 * it there), a POST without key never after a failure that may have reached Zendesk, every request after a 429 or a
 * connection that was never made, and a safe update's stamped write sent again.
 */
class WriteSafetyTest {
  private static final String USERS = "/api/v2/users";
  private static final String TICKETS = "/api/v2/tickets";
  private static final String CREATED = "{\"ticket\":{\"id\":7,\"subject\":\"New\"}}";
  private static final String TICKET_7 =
      "{\"ticket\":{\"id\":7,\"status\":\"open\",\"updated_at\":\"2030-03-04T05:00:00Z\"}}";
  private static Harness h;

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

  private static UserRequest newUser() {
    return new UserRequest().user(new UserInput().name("Ann").email("ann@example.com"));
  }

  private static TicketCreateRequest newTicket() {
    return new TicketCreateRequest().ticket(new TicketObject().subject("New"));
  }

  @Test
  void aPostWithoutKeyIsSentOnceAfterAResetAndItsOutcomeIsUnknown() {
    h.sequence(() -> post(urlPathEqualTo(USERS)), aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
        json(201, "{\"user\":{\"id\":1}}"));
    ZendeskClient client = h.exactClient(5);

    WriteOutcomeUnknownException e = assertThrows(WriteOutcomeUnknownException.class,
        () -> client.execute(client.api(UsersApi.class).createUser(newUser())));

    assertEquals(List.of(expect("POST " + USERS, BEARER, null)), h.requests(), "sent once");
    assertEquals(List.of(), h.sleeper.waits());
    assertEquals("createUser", e.operation().orElseThrow());
    assertTrue(e.body().orElseThrow().contains("\"email\":\"ann@example.com\""));
    assertTrue(e.getMessage().contains("POST is not idempotent and has no Idempotency-Key"), e.getMessage());
    assertFalse(e.getMessage().contains("ann@example.com"), "the message never quotes the body");
  }

  @Test
  void ticketCreationCarriesAFreshKeyPerCallAndIsRetriedWithIt() {
    h.sequence(() -> post(urlPathEqualTo(TICKETS)), aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
        json(201, CREATED));
    ZendeskClient client = h.exactClient(5);
    TicketsApi api = client.api(TicketsApi.class);

    assertEquals(7L, client.execute(api.createTicket(newTicket())).getTicket().getId());
    client.execute(api.createTicket(newTicket()));

    List<LoggedRequest> seen = h.received();
    String key = seen.get(0).getHeader(RetryInterceptor.IDEMPOTENCY_KEY);
    assertTrue(key.matches("[0-9a-f-]{36}"), key);
    assertEquals(repeat(2, expect("POST " + TICKETS, BEARER, key)), h.requests().subList(0, 2),
        "one key for both attempts: Zendesk creates one ticket");
    assertNotEquals(key, seen.get(2).getHeader(RetryInterceptor.IDEMPOTENCY_KEY), "a new call, a new key");
    assertEquals(millis(500), h.sleeper.waits());
  }

  @Test
  void ticketCreationThatNeverGetsAnAnswerCarriesItsKeyToRepeatWith() {
    h.sequence(() -> post(urlPathEqualTo(TICKETS)), aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
        aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), json(201, CREATED));
    ZendeskClient client = h.exactClient(2);
    TicketsApi api = client.api(TicketsApi.class);

    WriteOutcomeUnknownException e = assertThrows(WriteOutcomeUnknownException.class,
        () -> client.execute(api.createTicket(newTicket())));
    String key = e.idempotencyKey().orElseThrow();
    client.execute(api.createTicket(newTicket()), key);

    assertEquals(repeat(3, expect("POST " + TICKETS, BEARER, key)), h.requests());
    assertTrue(e.getMessage().contains("outcome unknown: POST " + TICKETS)
        && e.getMessage().contains("sending it again is safe with the same Idempotency-Key"), e.getMessage());
  }

  @Test
  void a429IsRetriedEvenForAPostWithoutKeyBecauseZendeskRefusedItUnprocessed() {
    h.sequence(() -> post(urlPathEqualTo(USERS)), json(429, "{}").withHeader("Retry-After", "3"),
        json(201, "{\"user\":{\"id\":1}}"));
    ZendeskClient client = h.exactClient(5);

    assertEquals(1L, client.execute(client.api(UsersApi.class).createUser(newUser())).getUser().getId());

    assertEquals(repeat(2, expect("POST " + USERS, BEARER, null)), h.requests());
    assertEquals(seconds(3), h.sleeper.waits());
  }

  @Test
  void aConnectionThatWasNeverMadeIsRetriedEvenForAPost() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    ZendeskClient client = h.client(b -> b.baseUrl("http://127.0.0.1:" + closedPort)
        .retryPolicy(RetryPolicy.builder().jitter(0).maxAttempts(3).build()));

    ZendeskTransportException e = assertThrows(ZendeskTransportException.class,
        () -> client.execute(client.api(UsersApi.class).createUser(newUser())));

    assertFalse(e instanceof WriteOutcomeUnknownException, "nothing was sent: " + e);
    assertInstanceOf(ConnectException.class, e.getCause());
    assertEquals(millis(500, 1000), h.sleeper.waits(), "two retries of three attempts");
  }

  @Test
  void aSafeUpdateResendsItsStampedWriteWhenTheFirstCopyNeverLanded() {
    h.server.stubFor(get(urlPathEqualTo("/api/v2/tickets/7")).willReturn(json(200, TICKET_7)));
    h.sequence(() -> put(urlPathEqualTo("/api/v2/tickets/7")), aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
        json(200, "{\"ticket\":{\"id\":7,\"status\":\"solved\",\"updated_at\":\"2030-03-04T05:01:00Z\"}}"));
    ZendeskClient client = h.exactClient(5);
    AtomicInteger runs = new AtomicInteger();

    TicketObject t = client.tickets().safeUpdate(7, (current, change) -> {
      runs.incrementAndGet();
      change.status("solved");
    });

    assertEquals("solved", t.getStatus());
    assertEquals(1, runs.get(), "the change function ran once");
    String body = "{\"ticket\":{\"safe_update\":true,\"status\":\"solved\","
        + "\"updated_stamp\":\"2030-03-04T05:00:00Z\"}}";
    assertEquals(List.of("GET /api/v2/tickets/7", "PUT /api/v2/tickets/7 " + body, "PUT /api/v2/tickets/7 " + body),
        h.received().stream().map(r -> r.getMethod() + " " + r.getUrl()
            + (r.getBodyAsString().isEmpty() ? "" : " " + r.getBodyAsString())).toList());
    assertEquals(millis(500), h.sleeper.waits(), "sent again by the transport, after its backoff");
  }
}
