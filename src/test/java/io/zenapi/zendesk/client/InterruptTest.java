package io.zenapi.zendesk.client;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.zenapi.zendesk.transport.Harness.BEARER;
import static io.zenapi.zendesk.transport.Harness.expect;
import static io.zenapi.zendesk.transport.Harness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zenapi.zendesk.ZendeskClient;
import io.zenapi.zendesk.errors.ZendeskTransportException;
import io.zenapi.zendesk.generated.api.TicketsApi;
import io.zenapi.zendesk.transport.Harness;
import io.zenapi.zendesk.transport.Sleeper;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An interrupt during a real 30 s Retry-After wait ends the call at once in ZendeskTransportException, interrupt flag set. */
class InterruptTest {
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

  @Test
  void interruptWhileWaitingToRetryStopsTheCall() throws Exception {
    h.server.stubFor(get(urlPathEqualTo(SHOW)).willReturn(json(429, "{}").withHeader("Retry-After", "30")));
    ZendeskClient client = h.client(b -> b.sleeper(Sleeper.system()).clock(Clock.systemUTC()));
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicBoolean flagAfter = new AtomicBoolean();
    Thread caller = new Thread(() -> {
      try {
        client.execute(client.api(TicketsApi.class).showTicket(1L));
      } catch (Throwable t) {
        thrown.set(t);
      }
      flagAfter.set(Thread.currentThread().isInterrupted());
    }, "interrupt-test-caller");
    caller.start();

    // wait until the first 429 has been answered and the caller sleeps on its Retry-After
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!(h.server.getAllServeEvents().size() == 1 && caller.getState() == Thread.State.TIMED_WAITING)) {
      assertTrue(System.nanoTime() < until, "the caller never started waiting: " + caller.getState());
      Thread.sleep(5);
    }
    long interruptedAt = System.nanoTime();
    caller.interrupt();
    caller.join(5_000);

    assertFalse(caller.isAlive(), "the call did not end after the interrupt");
    assertTrue(System.nanoTime() - interruptedAt < TimeUnit.SECONDS.toNanos(2), "the call took too long to end");
    ZendeskTransportException e = assertInstanceOf(ZendeskTransportException.class, thrown.get());
    assertInstanceOf(InterruptedIOException.class, e.getCause());
    assertTrue(e.getMessage().startsWith("interrupted"), e.getMessage());
    assertTrue(flagAfter.get(), "the caller's interrupt flag is set again");
    assertEquals(List.of(expect("GET " + SHOW, BEARER, null)), h.requests());
  }

  @Test
  void alreadyInterruptedThreadSendsNothing() throws Exception {
    h.server.stubFor(get(urlPathEqualTo(SHOW)).willReturn(Harness.ticket1()));
    ZendeskClient client = h.client();
    CompletableFuture<Object[]> result = new CompletableFuture<>();
    Thread caller = new Thread(() -> {
      Thread.currentThread().interrupt();
      Throwable t = null;
      try {
        client.execute(client.api(TicketsApi.class).showTicket(1L));
      } catch (Throwable x) {
        t = x;
      }
      result.complete(new Object[] {t, Thread.currentThread().isInterrupted()});
    });
    caller.start();

    Object[] r = result.get(5, TimeUnit.SECONDS);
    assertInstanceOf(ZendeskTransportException.class, r[0]);
    assertEquals(true, r[1]);
    assertEquals(List.of(), h.requests());
  }
}
