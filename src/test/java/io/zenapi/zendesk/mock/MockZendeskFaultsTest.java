package io.zenapi.zendesk.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.zenapi.zendesk.ZendeskClient;
import io.zenapi.zendesk.errors.RateLimitedException;
import io.zenapi.zendesk.errors.ZendeskApiException;
import io.zenapi.zendesk.errors.ZendeskTransportException;
import io.zenapi.zendesk.generated.api.TicketSkipsApi;
import io.zenapi.zendesk.generated.api.TicketsApi;
import io.zenapi.zendesk.generated.model.RecordNewSkipRequest;
import io.zenapi.zendesk.generated.model.RecordNewSkipRequestSkip;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

// Covers the mock's faults via client retries: 429 Retry-After, 503, resets, slow answers, order, injected(), reset.
class MockZendeskFaultsTest {
  private static final long ID = TicketFactory.FIRST_ID + 1;

  private static MockZendesk mock;
  private static final List<Duration> waits = new CopyOnWriteArrayList<>();
  private static ZendeskClient client;
  private static TicketsApi tickets;

  @BeforeAll
  static void start() {
    mock = MockZendesk.start(50);
    client = mock.clientBuilder().sleeper(waits::add).build();
    tickets = client.api(TicketsApi.class);
  }

  @AfterAll
  static void stop() {
    client.close();
    mock.close();
  }

  @BeforeEach
  void reset() {
    mock.reset();
    waits.clear();
  }

  private static long show() {
    return client.execute(tickets.showTicket(ID)).getTicket().getId();
  }

  /** The statuses the mock answered, oldest first (0 for a connection fault). */
  private static List<Integer> answered() {
    List<Integer> out = new ArrayList<>();
    for (ServeEvent e : mock.wireMock().getAllServeEvents()) {
      out.add(e.getResponse().getFault() != null ? 0 : e.getResponse().getStatus());
    }
    Collections.reverse(out);
    return out;
  }

  @Test
  void rateLimitIsWaitedOutAsRetryAfterSays() {
    mock.faults().rateLimit(1, Duration.ofSeconds(2));
    assertEquals(ID, show());
    assertEquals(List.of(Duration.ofSeconds(2)), waits);
    assertEquals(List.of(429, 200), answered());
    assertEquals(1, mock.faults().injected());
    assertEquals(2, mock.wireMock().getAllServeEvents().get(1).getResponse().getHeaders()
        .getHeader("Retry-After").values().stream().mapToInt(Integer::parseInt).findFirst().orElse(-1));
  }

  @Test
  void rateLimitBeyondTheAttemptsIsARateLimitedException() {
    mock.faults().rateLimit(5, Duration.ofSeconds(3));
    RateLimitedException e = assertThrows(RateLimitedException.class, ClientCall::show);
    assertEquals(Duration.ofSeconds(3), e.retryAfter().orElse(null));
    assertEquals(4, waits.size());
    assertEquals(5, mock.faults().injected());
    assertEquals(ID, show(), "the faults are used up");
  }

  @Test
  void unavailableIsRetriedWithBackoff() {
    mock.faults().unavailable(2);
    assertEquals(ID, show());
    assertEquals(List.of(503, 503, 200), answered());
    assertEquals(2, waits.size());
    assertTrue(waits.get(0).toMillis() >= 400 && waits.get(0).toMillis() <= 600, "500 ms ± 20 %: " + waits);
    assertTrue(waits.get(1).toMillis() >= 800 && waits.get(1).toMillis() <= 1200, "1 s ± 20 %: " + waits);

    mock.faults().unavailable(5);
    ZendeskApiException e = assertThrows(ZendeskApiException.class, ClientCall::show);
    assertEquals(503, e.status());
    assertEquals(7, mock.faults().injected());
  }

  @Test
  void connectionResetsAreRetriedForIdempotentRequestsOnly() {
    mock.faults().connectionReset(2);
    assertEquals(ID, show());
    assertEquals(List.of(0, 0, 200), answered());
    assertEquals(2, waits.size());

    int skips = mock.skips().count();
    mock.faults().connectionReset(1);
    TicketSkipsApi api = client.api(TicketSkipsApi.class);
    assertThrows(ZendeskTransportException.class, () -> client.execute(api.recordNewSkip(new RecordNewSkipRequest()
        .skip(new RecordNewSkipRequestSkip().ticketId(ID).reason("reset")))), "a POST is not replayed");
    assertEquals(skips, mock.skips().count());
    assertEquals(3, mock.faults().injected());
  }

  @Test
  void aSlowAnswerTimesOutAShortReadTimeoutAndIsRetried() {
    try (ZendeskClient impatient = mock.clientBuilder().sleeper(waits::add).readTimeout(Duration.ofMillis(250))
        .build()) {
      mock.faults().slow(1, Duration.ofMillis(1_500));
      long started = System.nanoTime();
      long id = impatient.execute(impatient.api(TicketsApi.class).showTicket(ID)).getTicket()
          .getId();
      long tookMs = (System.nanoTime() - started) / 1_000_000;
      assertEquals(ID, id);
      assertTrue(tookMs >= 250 && tookMs < 1_400, "timed out after 250 ms, then answered at once: " + tookMs);
      assertEquals(1, waits.size(), "one retry");
      assertEquals(1, mock.faults().injected());
    }
  }

  @Test
  void aSlowAnswerIsDelayed() {
    mock.faults().slow(1, Duration.ofMillis(400));
    long started = System.nanoTime();
    assertEquals(ID, show());
    long slowMs = (System.nanoTime() - started) / 1_000_000;
    started = System.nanoTime();
    assertEquals(ID, show());
    long fastMs = (System.nanoTime() - started) / 1_000_000;
    assertTrue(slowMs >= 400, "delayed: " + slowMs);
    assertTrue(fastMs < 400, "only once: " + fastMs);
    assertEquals(List.of(), waits, "a slow answer within the read timeout is not retried");
    assertEquals(List.of(200, 200), answered());
  }

  @Test
  void faultsAreConsumedInTheOrderPlanned() {
    mock.faults().rateLimit(1, Duration.ofSeconds(1)).unavailable(1).connectionReset(1);
    assertEquals(ID, show());
    assertEquals(List.of(429, 503, 0, 200), answered());
    assertEquals(3, waits.size());
    assertEquals(Duration.ofSeconds(1), waits.get(0));
    assertEquals(3, mock.faults().injected());
  }

  @Test
  void resetClearsPlannedFaultsAndTheCount() {
    mock.faults().unavailable(2).rateLimit(5, Duration.ofSeconds(1));
    assertThrows(RateLimitedException.class, ClientCall::show, "5 attempts: 503, 503, 429, 429, 429");
    assertEquals(5, mock.faults().injected(), "two 429s are still planned");
    mock.reset();
    assertEquals(0, mock.faults().injected(), "reset starts the count again");
    waits.clear();
    assertEquals(ID, show());
    assertEquals(List.of(), waits, "nothing left to inject");
    assertEquals(List.of(200), answered());
  }

  @Test
  void clearDropsPlannedFaultsOnly() {
    mock.faults().unavailable(1);
    show();
    mock.faults().unavailable(4);
    mock.faults().clear();
    assertEquals(ID, show());
    assertEquals(1, mock.faults().injected(), "clear keeps the count of faults already injected");
    assertThrows(IllegalArgumentException.class, () -> mock.faults().unavailable(-1));
  }

  /** Method references for assertThrows. */
  private static final class ClientCall {
    static void show() {
      MockZendeskFaultsTest.show();
    }
  }
}
