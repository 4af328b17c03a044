package io.zenapi.zendesk.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.zenapi.zendesk.transport.Harness.BEARER;
import static io.zenapi.zendesk.transport.Harness.expect;
import static io.zenapi.zendesk.transport.Harness.json;
import static io.zenapi.zendesk.transport.Harness.repeat;
import static io.zenapi.zendesk.transport.Harness.seconds;
import static io.zenapi.zendesk.transport.Harness.ticket1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.zenapi.zendesk.ZendeskClient;
import io.zenapi.zendesk.errors.RateLimitedException;
import io.zenapi.zendesk.generated.api.TicketsApi;
import io.zenapi.zendesk.generated.api.TicketsApi.ShowTicketParams;
import io.zenapi.zendesk.generated.model.TicketResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 429 handling: Retry-After in seconds and as an HTTP date (fake clock), the maxRetryAfter cap, RateLimitedException. */
class RetryAfterTest {
  private static final String SHOW = "/api/v2/tickets/1";
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

  private static ResponseDefinitionBuilder tooMany(String retryAfter) {
    return json(429, "{\"error\":\"TooManyRequests\",\"description\":\"Rate limit exceeded\"}")
        .withHeader("Retry-After", retryAfter).withHeader("X-Zendesk-Request-Id", "rl-1");
  }

  private static String httpDate(Instant at) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atOffset(ZoneOffset.UTC));
  }

  private static TicketResponse showTicket(ZendeskClient client) {
    return client.execute(client.api(TicketsApi.class).showTicket(1L, ShowTicketParams.builder().include("users")
        .build()));
  }

  @Test
  void retryAfterSecondsIsWaitedExactlyOnce() {
    h.sequence(RetryAfterTest::show, tooMany("7"), ticket1());
    ZendeskClient client = h.client();

    assertEquals(1L, showTicket(client).getTicket().getId());

    assertEquals(repeat(2, expect("GET " + SHOW + "?include=users", BEARER, null)), h.requests());
    assertEquals(seconds(7), h.sleeper.waits());
    assertEquals(Harness.START.plusSeconds(7), h.clock.instant());
  }

  @Test
  void retryAfterHttpDateIsMeasuredAgainstTheClientClock() {
    // 12 s after the fake clock's now; relative to the real clock this date is years away
    h.sequence(RetryAfterTest::show, tooMany(httpDate(Harness.START.plusSeconds(12))), ticket1());
    ZendeskClient client = h.client();

    assertEquals(1L, showTicket(client).getTicket().getId());

    assertEquals(repeat(2, expect("GET " + SHOW + "?include=users", BEARER, null)), h.requests());
    assertEquals(seconds(12), h.sleeper.waits());
  }

  @Test
  void retryAfterHttpDateInThePastMeansRetryAtOnce() {
    h.sequence(RetryAfterTest::show, tooMany(httpDate(Harness.START.minusSeconds(30))), ticket1());
    ZendeskClient client = h.client();

    assertEquals(1L, showTicket(client).getTicket().getId());

    assertEquals(2, h.requests().size());
    assertEquals(List.of(Duration.ZERO), h.sleeper.waits());
  }

  @Test
  void longRetryAfterIsCappedAtMaxRetryAfter() {
    h.sequence(RetryAfterTest::show, tooMany("3600"), ticket1());
    ZendeskClient client = h.client(b -> b.retryPolicy(
        RetryPolicy.builder().maxRetryAfter(Duration.ofSeconds(45)).build()));

    assertEquals(1L, showTicket(client).getTicket().getId());

    assertEquals(repeat(2, expect("GET " + SHOW + "?include=users", BEARER, null)), h.requests());
    assertEquals(seconds(45), h.sleeper.waits());
  }

  @Test
  void defaultPolicyCapsRetryAfterAtSixtySeconds() {
    h.sequence(RetryAfterTest::show, tooMany("3600"), ticket1());
    ZendeskClient client = h.client();

    showTicket(client);

    assertEquals(seconds(60), h.sleeper.waits());
  }

  @Test
  void rateLimitedOnEveryAttemptEndsInRateLimitedException() {
    h.sequence(RetryAfterTest::show, tooMany("7"));
    ZendeskClient client = h.client();

    RateLimitedException e = assertThrows(RateLimitedException.class, () -> showTicket(client));

    assertSame(RateLimitedException.class, e.getClass());
    assertEquals(429, e.status());
    assertEquals(Optional.of(Duration.ofSeconds(7)), e.retryAfter());
    assertEquals(Optional.of("rl-1"), e.requestId());
    assertEquals(Optional.of("TooManyRequests"), e.error());
    assertTrue(e.getMessage().contains("429") && e.getMessage().contains("rl-1"), e.getMessage());
    // RetryPolicy.defaults(): 5 attempts, 4 waits of what Retry-After asked
    assertEquals(repeat(5, expect("GET " + SHOW + "?include=users", BEARER, null)), h.requests());
    assertEquals(seconds(7, 7, 7, 7), h.sleeper.waits());
  }

  @Test
  void rateLimitedExceptionMeasuresAnHttpDateAgainstTheClientClock() {
    // first 429 asks for START+10 s; after that wait, the second asks for 25 s more
    h.sequence(RetryAfterTest::show, tooMany(httpDate(Harness.START.plusSeconds(10))),
        tooMany(httpDate(Harness.START.plusSeconds(35))));
    ZendeskClient client = h.client(b -> b.retryPolicy(RetryPolicy.builder().maxAttempts(2).build()));

    RateLimitedException e = assertThrows(RateLimitedException.class, () -> showTicket(client));

    assertEquals(seconds(10), h.sleeper.waits());
    assertEquals(2, h.requests().size());
    assertEquals(Optional.of(Duration.ofSeconds(25)), e.retryAfter());
  }

  @Test
  void rateLimitedWithoutRetryAfterBacksOff() {
    h.sequence(RetryAfterTest::show, json(429, "{}"), json(429, "{}"), ticket1());
    ZendeskClient client = h.exactClient(5);

    showTicket(client);

    assertEquals(3, h.requests().size());
    assertEquals(Harness.millis(500, 1000), h.sleeper.waits());
  }

  @Test
  void retryIsLoggedWithoutTheToken() {
    h.sequence(RetryAfterTest::show, tooMany("7"), ticket1());
    showTicket(h.client());

    assertTrue(h.log.stream().anyMatch(l -> l.contains("retry 1/4") && l.contains("HTTP 429")
        && l.contains("7000 ms")), h.log.toString());
    assertTrue(h.log.stream().noneMatch(l -> l.contains(Harness.OAUTH_TOKEN)), h.log.toString());
  }
}
