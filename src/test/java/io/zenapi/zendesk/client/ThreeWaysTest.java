package io.zenapi.zendesk.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.zenapi.zendesk.transport.Harness.BEARER;
import static io.zenapi.zendesk.transport.Harness.expect;
import static io.zenapi.zendesk.transport.Harness.json;
import static io.zenapi.zendesk.transport.Harness.millis;
import static io.zenapi.zendesk.transport.Harness.repeat;
import static io.zenapi.zendesk.transport.Harness.seconds;
import static io.zenapi.zendesk.transport.Harness.ticket1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.zenapi.zendesk.ZendeskClient;
import io.zenapi.zendesk.ZendeskResponse;
import io.zenapi.zendesk.errors.MalformedResponseException;
import io.zenapi.zendesk.errors.NotFoundException;
import io.zenapi.zendesk.generated.api.TicketsApi;
import io.zenapi.zendesk.generated.api.TicketsApi.ShowTicketParams;
import io.zenapi.zendesk.generated.model.TicketResponse;
import io.zenapi.zendesk.transport.Harness;
import io.zenapi.zendesk.transport.RetryPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import okhttp3.Call;
import okhttp3.Dispatcher;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code execute}, {@code executeAsync} and {@code executeRaw} over the same WireMock matrix: each way gets the
 * same body or the same typed exception after the same request sequence (retries, waits and headers included).
 */
class ThreeWaysTest {
  private static final String SHOW = "/api/v2/tickets/1";
  private static final String LINE = expect("GET " + SHOW + "?include=users", BEARER, null);
  private static Harness h;

  /** One way to run a call: returns the body or throws the typed exception the caller sees. */
  enum Way {
    EXECUTE((client, call) -> client.execute(call)),
    ASYNC((client, call) -> {
      CompletableFuture<TicketResponse> future = client.executeAsync(call);
      try {
        return future.join();
      } catch (CompletionException e) {
        // the future completes exceptionally with the same typed exception execute throws
        throw (RuntimeException) e.getCause();
      }
    }),
    RAW((client, call) -> client.executeRaw(call).body());

    final BiFunction<ZendeskClient, retrofit2.Call<TicketResponse>, TicketResponse> run;

    Way(BiFunction<ZendeskClient, retrofit2.Call<TicketResponse>, TicketResponse> run) {
      this.run = run;
    }

    TicketResponse show(ZendeskClient client) {
      return run.apply(client, client.api(TicketsApi.class).showTicket(1L,
          ShowTicketParams.builder().include("users").build()));
    }
  }

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

  @ParameterizedTest
  @EnumSource(Way.class)
  void success(Way way) {
    h.server.stubFor(show().willReturn(ticket1()));
    TicketResponse r = way.show(h.exactClient(3));
    assertEquals(1L, r.getTicket().getId());
    assertEquals("Hello", r.getTicket().getSubject());
    assertEquals(List.of(LINE), h.requests());
  }

  @ParameterizedTest
  @EnumSource(Way.class)
  void notFoundIsTypedAndNotRetried(Way way) {
    h.server.stubFor(show().willReturn(json(404, "{\"error\":\"RecordNotFound\",\"description\":\"Not found\"}")
        .withHeader("X-Zendesk-Request-Id", "req-404")));
    NotFoundException e = assertThrows(NotFoundException.class, () -> way.show(h.exactClient(3)));
    assertEquals(404, e.status());
    assertEquals("req-404", e.requestId().orElseThrow());
    assertEquals("RecordNotFound", e.error().orElseThrow());
    assertEquals(List.of(LINE), h.requests());
    assertEquals(List.of(), h.sleeper.waits());
  }

  @ParameterizedTest
  @EnumSource(Way.class)
  void rateLimitedIsRetriedAfterTheServersWait(Way way) {
    h.sequence(ThreeWaysTest::show, json(429, "{}").withHeader("Retry-After", "7"), ticket1());
    assertEquals(1L, way.show(h.exactClient(3)).getTicket().getId());
    assertEquals(repeat(2, LINE), h.requests());
    assertEquals(seconds(7), h.sleeper.waits());
  }

  @ParameterizedTest
  @EnumSource(Way.class)
  void connectionResetIsRetried(Way way) {
    h.sequence(ThreeWaysTest::show, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), ticket1());
    assertEquals(1L, way.show(h.exactClient(3)).getTicket().getId());
    assertEquals(repeat(2, LINE), h.requests());
    assertEquals(millis(500), h.sleeper.waits());
  }

  @ParameterizedTest
  @EnumSource(Way.class)
  void malformedBodyIsTypedAndNotRetried(Way way) {
    h.server.stubFor(show().willReturn(json(200, "{\"ticket\":{\"id\":1,")));
    MalformedResponseException e = assertThrows(MalformedResponseException.class, () -> way.show(h.exactClient(3)));
    assertTrue(e.getMessage().contains("the JSON ends early"), e.getMessage());
    assertEquals(List.of(LINE), h.requests());
  }

  @Test
  void rawCarriesStatusHeadersRequestIdAndRateLimit() {
    h.server.stubFor(show().willReturn(json(200, Harness.TICKET_1).withHeader("X-Zendesk-Request-Id", "req-1")
        .withHeader("X-Rate-Limit", "700").withHeader("X-Rate-Limit-Remaining", "698")
        .withHeader("X-Custom", "abc")));
    ZendeskClient client = h.client();

    ZendeskResponse<TicketResponse> raw = client.executeRaw(client.api(TicketsApi.class).showTicket(1L));

    assertEquals(200, raw.status());
    assertEquals("req-1", raw.requestId().orElseThrow());
    assertEquals("abc", raw.header("x-custom").orElseThrow());
    assertEquals(700, raw.rateLimit().limit());
    assertEquals(698, raw.rateLimit().remaining());
    assertEquals(Harness.START, raw.rateLimit().observedAt());
    assertEquals("Hello", raw.body().getTicket().getSubject());
    assertEquals("ZendeskResponse{status=200, requestId=req-1}", raw.toString());
    assertEquals(List.of(expect("GET " + SHOW, BEARER, null)), h.requests());
  }

  @Test
  void asyncReturnsBeforeTheResponseAndCancellingCancelsTheCall() throws Exception {
    h.server.stubFor(show().willReturn(ticket1().withFixedDelay(3_000)));
    CountDownLatch canceled = new CountDownLatch(1);
    OkHttpClient shared = new OkHttpClient.Builder().eventListener(new EventListener() {
      @Override
      public void canceled(Call call) {
        canceled.countDown();
      }
    }).build();
    ZendeskClient client = h.client(b -> b.httpClient(shared));

    long t0 = System.nanoTime();
    CompletableFuture<TicketResponse> future = client.executeAsync(client.api(TicketsApi.class).showTicket(1L));
    long returnedAfterMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);

    assertFalse(future.isDone(), "the answer takes 3 s; the future is not done yet");
    assertTrue(returnedAfterMs < 2_000, "executeAsync returned after " + returnedAfterMs + " ms");
    assertTrue(future.cancel(true), () -> "the future was already done: " + future);
    assertThrows(CancellationException.class, future::join);
    assertTrue(canceled.await(2, TimeUnit.SECONDS), "the HTTP call was cancelled");
    assertTrue(h.requests().size() <= 1, "never retried: " + h.requests());
    shared.dispatcher().executorService().shutdown();
  }

  @Test
  void asyncErrorsArriveAsTheTypedExceptionOfTheFuture() {
    h.server.stubFor(show().willReturn(json(404, "{\"error\":\"RecordNotFound\"}")));
    ZendeskClient client = h.client();
    CompletionException e = assertThrows(CompletionException.class,
        () -> client.executeAsync(client.api(TicketsApi.class).showTicket(1L)).join());
    assertInstanceOf(NotFoundException.class, e.getCause());
  }

  @Test
  void aThousandConcurrentAsyncCallsCompleteOnTheDispatchersThreadsAlone() {
    h.server.stubFor(show().willReturn(ticket1().withFixedDelay(20)));
    // a dispatcher of exactly 64 threads: were a call to hold a dispatcher thread while waiting for another, or
    // to need a thread of its own, 1,000 calls could not all complete on it
    java.util.Set<Thread> dispatcherThreads = java.util.concurrent.ConcurrentHashMap.newKeySet();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(64, 64, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), r -> {
      Thread t = new Thread(r, "test-dispatcher");
      t.setDaemon(true);
      dispatcherThreads.add(t);
      return t;
    });
    Dispatcher dispatcher = new Dispatcher(pool);
    dispatcher.setMaxRequests(64);
    dispatcher.setMaxRequestsPerHost(64); // one host here: let the dispatcher fill up
    OkHttpClient shared = new OkHttpClient.Builder().dispatcher(dispatcher).build();
    ZendeskClient client = h.client(b -> b.httpClient(shared)
        .retryPolicy(RetryPolicy.builder().maxAttempts(1).build()));
    TicketsApi tickets = client.api(TicketsApi.class);
    long clientThreadsBefore = clientThreads();
    Thread caller = Thread.currentThread();

    List<CompletableFuture<TicketResponse>> futures = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      futures.add(client.executeAsync(tickets.showTicket(1L)));
    }
    int queued = dispatcher.queuedCallsCount();
    List<Thread> completedOn = java.util.Collections.synchronizedList(new ArrayList<>());
    futures.forEach(f -> f.thenRun(() -> completedOn.add(Thread.currentThread())));
    futures.forEach(f -> assertEquals(1L, f.join().getTicket().getId()));

    assertTrue(queued > 0, "calls beyond the dispatcher's 64 wait in its queue, not on threads of their own");
    assertTrue(pool.getLargestPoolSize() <= 64 && dispatcherThreads.size() <= 64,
        "dispatcher threads: " + dispatcherThreads.size());
    assertTrue(completedOn.stream().allMatch(t -> t == caller || dispatcherThreads.contains(t)),
        "every call completed on a dispatcher thread");
    assertEquals(clientThreadsBefore, clientThreads(), "the client itself starts no thread for async calls");
    assertEquals(1_000, h.server.getAllServeEvents().size());
    pool.shutdown();
    shared.connectionPool().evictAll();
  }

  private static long clientThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("zendesk-client-"))
        .count();
  }
}
