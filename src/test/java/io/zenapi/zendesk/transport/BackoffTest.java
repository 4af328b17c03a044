package io.zenapi.zendesk.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.zenapi.zendesk.transport.Harness.BEARER;
import static io.zenapi.zendesk.transport.Harness.expect;
import static io.zenapi.zendesk.transport.Harness.json;
import static io.zenapi.zendesk.transport.Harness.millis;
import static io.zenapi.zendesk.transport.Harness.repeat;
import static io.zenapi.zendesk.transport.Harness.seconds;
import static io.zenapi.zendesk.transport.Harness.then;
import static io.zenapi.zendesk.transport.Harness.ticket1;
import static io.zenapi.zendesk.transport.Harness.times;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.zenapi.zendesk.ZendeskClient;
import io.zenapi.zendesk.errors.ZendeskApiException;
import io.zenapi.zendesk.generated.api.TicketsApi;
import io.zenapi.zendesk.generated.model.TicketResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** 5xx storms: exponential backoff (exact without jitter, within bounds with it), maxAttempts, maxBackoff and the deadline. */
class BackoffTest {
  private static final String SHOW = "/api/v2/tickets/1";
  private static final String LINE = expect("GET " + SHOW, BEARER, null);
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

  private static MappingBuilder show() {
    return get(urlPathEqualTo(SHOW));
  }

  private static ResponseDefinitionBuilder unavailable() {
    return json(503, "{\"error\":\"ServiceUnavailable\"}").withHeader("X-Zendesk-Request-Id", "storm");
  }

  private static TicketResponse showTicket(ZendeskClient client) {
    return client.execute(client.api(TicketsApi.class).showTicket(1L));
  }

  @Test
  void stormOfFive503sWithoutJitterWaitsExactlyDoubling() {
    h.sequence(BackoffTest::show, then(times(5, unavailable()), ticket1()));
    ZendeskClient client = h.exactClient(6);

    assertEquals(1L, showTicket(client).getTicket().getId());

    assertEquals(repeat(6, LINE), h.requests());
    assertEquals(millis(500, 1000, 2000, 4000, 8000), h.sleeper.waits());
  }

  @Test
  void stormOfFive503sWithJitterStaysWithinTheBounds() {
    h.sequence(BackoffTest::show, then(times(5, unavailable()), ticket1()));
    ZendeskClient client = h.client(b -> b.retryPolicy(RetryPolicy.builder().maxAttempts(6).build())); // jitter 0.2

    assertEquals(1L, showTicket(client).getTicket().getId());

    assertEquals(repeat(6, LINE), h.requests());
    List<Duration> waits = h.sleeper.waits();
    assertEquals(5, waits.size(), waits.toString());
    long base = 500;
    for (Duration w : waits) {
      assertTrue(w.toMillis() >= Math.round(base * 0.8) && w.toMillis() <= Math.round(base * 1.2),
          "wait " + w + " outside " + base + " ms ±20 %: " + waits);
      base *= 2;
    }
  }

  @Test
  void backoffIsCappedAtMaxBackoff() {
    h.sequence(BackoffTest::show, then(times(5, unavailable()), ticket1()));
    ZendeskClient client = h.client(b -> b.retryPolicy(RetryPolicy.builder().jitter(0).maxAttempts(6)
        .initialBackoff(Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(3)).build()));

    showTicket(client);

    assertEquals(repeat(6, LINE), h.requests());
    assertEquals(seconds(1, 2, 3, 3, 3), h.sleeper.waits());
  }

  @Test
  void stormLongerThanMaxAttemptsEndsInZendeskApiException503() {
    h.sequence(BackoffTest::show, unavailable());
    ZendeskClient client = h.exactClient(4);

    ZendeskApiException e = assertThrows(ZendeskApiException.class, () -> showTicket(client));

    assertSame(ZendeskApiException.class, e.getClass());
    assertEquals(503, e.status());
    assertEquals("storm", e.requestId().orElseThrow());
    assertEquals(repeat(4, LINE), h.requests());
    assertEquals(millis(500, 1000, 2000), h.sleeper.waits());
  }

  @Test
  void deadlineStopsRetryingEarly() {
    h.sequence(BackoffTest::show, unavailable());
    // waits of 1 s and 2 s fit the 5 s deadline; the next one (4 s, ending at 7 s) does not
    ZendeskClient client = h.client(b -> b.retryPolicy(RetryPolicy.builder().jitter(0).maxAttempts(10)
        .initialBackoff(Duration.ofSeconds(1)).deadline(Duration.ofSeconds(5)).build()));

    ZendeskApiException e = assertThrows(ZendeskApiException.class, () -> showTicket(client));

    assertEquals(503, e.status());
    assertEquals(repeat(3, LINE), h.requests());
    assertEquals(seconds(1, 2), h.sleeper.waits());
  }

  @Test
  void deadlineAlsoBoundsRetryAfterWaits() {
    h.sequence(BackoffTest::show, unavailable().withHeader("Retry-After", "30"));
    ZendeskClient client = h.client(b -> b.retryPolicy(RetryPolicy.builder().maxAttempts(10)
        .deadline(Duration.ofSeconds(70)).build()));

    ZendeskApiException e = assertThrows(ZendeskApiException.class, () -> showTicket(client));

    assertEquals(503, e.status());
    assertEquals(repeat(3, LINE), h.requests());
    assertEquals(seconds(30, 30), h.sleeper.waits());
  }

  @Test
  void a503WithRetryAfterWaitsWhatItAsks() {
    h.sequence(BackoffTest::show, unavailable().withHeader("Retry-After", "4"), ticket1());
    ZendeskClient client = h.exactClient(5);

    showTicket(client);

    assertEquals(repeat(2, LINE), h.requests());
    assertEquals(seconds(4), h.sleeper.waits());
  }

  @ParameterizedTest
  @ValueSource(ints = {502, 504})
  void gatewayErrorsAreRetriedWithBackoff(int status) {
    h.sequence(BackoffTest::show, json(status, "{}"), json(status, "{}"), ticket1());
    ZendeskClient client = h.exactClient(5);

    showTicket(client);

    assertEquals(repeat(3, LINE), h.requests());
    assertEquals(millis(500, 1000), h.sleeper.waits());
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 501, 400, 404})
  void otherErrorsAreNotRetried(int status) {
    h.sequence(BackoffTest::show, json(status, "{}"), ticket1());
    ZendeskClient client = h.exactClient(5);

    ZendeskApiException e = assertThrows(ZendeskApiException.class, () -> showTicket(client));

    assertEquals(status, e.status());
    assertEquals(repeat(1, LINE), h.requests());
    assertEquals(List.of(), h.sleeper.waits());
  }

  @Test
  void noneNeverRetries() {
    h.sequence(BackoffTest::show, unavailable(), ticket1());
    ZendeskClient client = h.client(b -> b.retryPolicy(RetryPolicy.none()));

    assertEquals(503, assertThrows(ZendeskApiException.class, () -> showTicket(client)).status());
    assertEquals(repeat(1, LINE), h.requests());
    assertEquals(List.of(), h.sleeper.waits());
  }
}
