package io.zenapi.zendesk.client;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.zenapi.zendesk.transport.Harness.BEARER;
import static io.zenapi.zendesk.transport.Harness.expect;
import static io.zenapi.zendesk.transport.Harness.repeat;
import static io.zenapi.zendesk.transport.Harness.seconds;
import static io.zenapi.zendesk.transport.Harness.ticket1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.zenapi.zendesk.ZendeskClient;
import io.zenapi.zendesk.generated.api.TicketsApi;
import io.zenapi.zendesk.transport.Harness;
import io.zenapi.zendesk.transport.RateLimitStatus;
import io.zenapi.zendesk.transport.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rate-limit headers reflected in client.rateLimit(), and pacing: a wait before the next request when none is left. */
class RateLimitTest {
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

  private static ResponseDefinitionBuilder ticketWithLimits(int limit, int remaining, int reset) {
    return ticket1().withHeader("X-Rate-Limit", String.valueOf(limit))
        .withHeader("X-Rate-Limit-Remaining", String.valueOf(remaining))
        .withHeader("ratelimit-reset", String.valueOf(reset));
  }

  private static void showTicket(ZendeskClient client) {
    client.execute(client.api(TicketsApi.class).showTicket(1L));
  }

  @Test
  void headersAreReflectedInRateLimit() {
    h.server.stubFor(show().willReturn(ticketWithLimits(700, 3, 30)));
    ZendeskClient client = h.client();
    assertEquals(RateLimitStatus.UNKNOWN, client.rateLimit());

    showTicket(client);

    RateLimitStatus s = client.rateLimit();
    assertEquals(700, s.limit());
    assertEquals(3, s.remaining());
    assertEquals(Harness.START.plusSeconds(30), s.resetAt());
    assertEquals(Optional.of(Harness.START.plusSeconds(30)), s.reset());
    assertEquals(Harness.START, s.observedAt());
    assertEquals(List.of(LINE), h.requests());
    assertEquals(List.of(), h.sleeper.waits());
  }

  @Test
  void draftStandardHeaderNamesAreReadToo() {
    h.server.stubFor(show().willReturn(ticket1().withHeader("ratelimit-limit", "400")
        .withHeader("ratelimit-remaining", "12").withHeader("ratelimit-reset", "9")));
    ZendeskClient client = h.client();

    showTicket(client);

    assertEquals(new RateLimitStatus(400, 12, Harness.START.plusSeconds(9), Harness.START), client.rateLimit());
  }

  @Test
  void latestResponseWins() {
    h.sequence(RateLimitTest::show, ticketWithLimits(700, 3, 30), ticketWithLimits(700, 2, 29));
    ZendeskClient client = h.client();

    showTicket(client);
    h.clock.advance(Duration.ofSeconds(1));
    showTicket(client);

    assertEquals(new RateLimitStatus(700, 2, Harness.START.plusSeconds(30), Harness.START.plusSeconds(1)),
        client.rateLimit());
  }

  @Test
  void pacingWaitsForTheResetBeforeSendingTheNextRequest() {
    h.server.stubFor(show().willReturn(ticketWithLimits(700, 0, 5)));
    ZendeskClient client = h.client(b -> b.rateLimitPacing(true));
    List<Integer> sentBeforeWait = new ArrayList<>();
    h.sleeper.beforeEachWait(() -> sentBeforeWait.add(h.server.getAllServeEvents().size()));

    showTicket(client); // learns: 0 left, resets in 5 s
    assertEquals(List.of(), h.sleeper.waits());
    showTicket(client); // waits 5 s first

    assertEquals(seconds(5), h.sleeper.waits());
    assertEquals(List.of(1), sentBeforeWait, "the wait happens before the second request is sent");
    assertEquals(repeat(2, LINE), h.requests());
    assertTrue(h.log.stream().anyMatch(l -> l.contains("pacing 5000 ms")), h.log.toString());
  }

  @Test
  void pacingDoesNotWaitOnceTheWindowHasReset() {
    h.server.stubFor(show().willReturn(ticketWithLimits(700, 0, 5)));
    ZendeskClient client = h.client(b -> b.rateLimitPacing(true));

    showTicket(client);
    h.clock.advance(Duration.ofSeconds(5));
    showTicket(client);

    assertEquals(List.of(), h.sleeper.waits());
    assertEquals(repeat(2, LINE), h.requests());
  }

  @Test
  void pacingWaitIsCappedAtMaxRetryAfter() {
    h.server.stubFor(show().willReturn(ticketWithLimits(700, 0, 3600)));
    ZendeskClient client = h.client(b -> b.rateLimitPacing(true)
        .retryPolicy(RetryPolicy.builder().maxRetryAfter(Duration.ofSeconds(20)).build()));

    showTicket(client);
    showTicket(client);

    assertEquals(seconds(20), h.sleeper.waits());
  }

  @Test
  void withoutPacingNoWait() {
    h.server.stubFor(show().willReturn(ticketWithLimits(700, 0, 5)));
    ZendeskClient client = h.client();

    showTicket(client);
    showTicket(client);

    assertEquals(List.of(), h.sleeper.waits());
    assertEquals(repeat(2, LINE), h.requests());
    assertEquals(0, client.rateLimit().remaining());
  }

  @Test
  void remainingLeftMeansNoWait() {
    h.server.stubFor(show().willReturn(ticketWithLimits(700, 1, 5)));
    ZendeskClient client = h.client(b -> b.rateLimitPacing(true));

    showTicket(client);
    showTicket(client);

    assertEquals(List.of(), h.sleeper.waits());
  }
}
