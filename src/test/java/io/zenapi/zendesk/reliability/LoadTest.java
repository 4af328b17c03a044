package io.zenapi.zendesk.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.zenapi.zendesk.ZendeskClient;
import io.zenapi.zendesk.auth.Credentials;
import io.zenapi.zendesk.errors.RateLimitedException;
import io.zenapi.zendesk.errors.ZendeskApiException;
import io.zenapi.zendesk.errors.ZendeskException;
import io.zenapi.zendesk.errors.ZendeskTransportException;
import io.zenapi.zendesk.generated.api.TicketsApi;
import io.zenapi.zendesk.generated.api.TicketsApi.ShowTicketParams;
import io.zenapi.zendesk.generated.model.TicketObject;
import io.zenapi.zendesk.jobs.WaitPolicy;
import io.zenapi.zendesk.transport.Harness;
import io.zenapi.zendesk.transport.RetryPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** 32 threads × 5,000 calls with 5 % injected faults (503, reset, 429): right answer or typed failure for each; close() leaves no thread and no connection. */
class LoadTest {
  static final int THREADS = 32;
  /**
   * Calls per thread ({@code -Dreliability.load.callsPerThread=...}). WireMock with response templating is the
   * bottleneck: about 4,400 calls/s on 2 cores once warm (160,000 in ~37 s), ~3,200/s in a cold JVM (~50 s);
   * 4,000 (128,000 calls) keeps a cold run near 40 s.
   */
  static final int CALLS_PER_THREAD = Integer.getInteger("reliability.load.callsPerThread", 5_000);
  static final int MAX_ATTEMPTS = 5;

  /**
   * Faults by ticket id: every 20th id (5 %) gets a 503, a connection reset or a 429 with Retry-After: 0 on its
   * first attempt; every 2,000th id gets it on all {@value #MAX_ATTEMPTS} attempts, so its call fails, typed.
   */
  static final class InjectedFaults implements ResponseDefinitionTransformerV2 {
    private final Map<Long, AtomicInteger> attempts = new ConcurrentHashMap<>();
    final AtomicLong served = new AtomicLong();
    final AtomicLong faults = new AtomicLong();

    static int kind(long id) {
      return (int) ((id / 20) % 3);
    }

    static boolean faulty(long id) {
      return id % 20 == 0;
    }

    static boolean exhausting(long id) {
      return id % 2000 == 0;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
      served.incrementAndGet();
      String path = event.getRequest().getUrl().split("\\?", 2)[0];
      if (!path.startsWith("/api/v2/tickets/")) {
        return event.getResponseDefinition();
      }
      long id = Long.parseLong(path.substring("/api/v2/tickets/".length()));
      if (!faulty(id)) {
        return event.getResponseDefinition();
      }
      int n = attempts.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
      if (n > (exhausting(id) ? MAX_ATTEMPTS : 1)) {
        return event.getResponseDefinition();
      }
      faults.incrementAndGet();
      ResponseDefinitionBuilder r = switch (kind(id)) {
        case 0 -> ResponseDefinitionBuilder.responseDefinition().withStatus(503)
            .withHeader("Content-Type", "application/json").withBody("{\"error\":\"ServiceUnavailable\"}");
        case 1 -> ResponseDefinitionBuilder.responseDefinition().withFault(Fault.CONNECTION_RESET_BY_PEER);
        default -> ResponseDefinitionBuilder.responseDefinition().withStatus(429).withHeader("Retry-After", "0")
            .withHeader("Content-Type", "application/json").withBody("{\"error\":\"TooManyRequests\"}");
      };
      return r.build();
    }

    @Override
    public String getName() {
      return "injected-faults";
    }
  }

  /** Threads of a client: its executor, OkHttp's dispatcher or per-call threads (OkHttp's JVM-wide TaskRunner aside). */
  private static Set<String> clientThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
        .filter(n -> n.startsWith("zendesk-client-") || n.startsWith("OkHttp "))
        .filter(n -> !n.equals("OkHttp TaskRunner")).collect(Collectors.toSet());
  }

  /** Established TCP connections to {@code port} on this machine (the client side: remote port = server port). */
  static int establishedTo(int port) throws IOException {
    int n = 0;
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      Path p = Path.of(table);
      if (!Files.exists(p)) {
        continue;
      }
      List<String> lines = Files.readAllLines(p);
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.trim().split("\\s+");
        String remote = f[2];
        int remotePort = Integer.parseInt(remote.substring(remote.indexOf(':') + 1), 16);
        if (remotePort == port && f[3].equals("01")) {
          n++;
        }
      }
    }
    return n;
  }

  @Test
  void thirtyTwoThreadsManyCallsWithInjectedFaultsThenCloseLeavesNothing() throws Exception {
    InjectedFaults faults = new InjectedFaults();
    WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1")
        .globalTemplating(true).containerThreads(THREADS + 16).asynchronousResponseEnabled(false)
        .disableRequestJournal().gzipDisabled(true).stubRequestLoggingDisabled(true).extensions(faults));
    server.start();
    try {
      server.stubFor(get(urlPathMatching("/api/v2/tickets/[0-9]+")).willReturn(Harness.json(200,
          "{\"ticket\":{\"id\":{{request.pathSegments.[3]}},\"description\":\"{{request.query.include}}\"}}")));
      server.stubFor(get(urlPathEqualTo("/api/v2/job_statuses/job-1")).willReturn(Harness.json(200,
          "{\"job_status\":{\"id\":\"job-1\",\"status\":\"completed\"}}")));
      run(server, faults);
    } finally {
      server.stop();
    }
  }

  private static void run(WireMockServer server, InjectedFaults faults) throws Exception {
    Set<String> before = clientThreads();
    AtomicLong waits = new AtomicLong();
    AtomicLong logLines = new AtomicLong();
    ZendeskClient client = ZendeskClient.builder().baseUrl(server.baseUrl())
        .credentials(Credentials.oauth(Harness.OAUTH_TOKEN))
        .retryPolicy(RetryPolicy.builder().maxAttempts(MAX_ATTEMPTS).build())
        .sleeper(d -> waits.incrementAndGet()) // no real waiting
        .logger(line -> logLines.incrementAndGet())
        .build();
    TicketsApi tickets = client.api(TicketsApi.class);
    int total = THREADS * CALLS_PER_THREAD;
    ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> untyped = new ConcurrentLinkedQueue<>();
    Map<String, AtomicInteger> typed = new ConcurrentHashMap<>();
    AtomicInteger ok = new AtomicInteger();
    ExecutorService callers = Executors.newFixedThreadPool(THREADS);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      done.add(callers.submit(() -> {
        go.await();
        for (long id = 1 + thread; id <= total; id += THREADS) {
          String nonce = "n" + id + "t" + thread;
          try {
            TicketObject ticket = client.execute(tickets.showTicket(id, ShowTicketParams.builder().include(nonce)
                .build())).getTicket();
            if (ticket.getId() != id || !nonce.equals(ticket.getDescription())) {
              wrong.add(id + " -> " + ticket.getId() + "/" + ticket.getDescription());
            } else {
              ok.incrementAndGet();
            }
          } catch (ZendeskException e) {
            String key = e.getClass().getSimpleName() + (e instanceof ZendeskApiException api ? " " + api.status()
                : "");
            typed.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            if (!InjectedFaults.exhausting(id) || e.getClass() != expectedFailure(id)) {
              wrong.add(id + " failed unexpectedly: " + e);
            }
          } catch (RuntimeException e) {
            untyped.add(id + ": " + e);
          }
        }
        return null;
      }));
    }
    long started = System.nanoTime();
    go.countDown();
    try {
      assertTimeoutPreemptively(Duration.ofSeconds(150), () -> {
        for (Future<?> f : done) {
          f.get();
        }
      });
    } finally {
      callers.shutdownNow();
    }
    long tookMs = (System.nanoTime() - started) / 1_000_000;

    int failedTyped = typed.values().stream().mapToInt(AtomicInteger::get).sum();
    long exhausting = total / 2000;
    assertEquals(List.of(), List.copyOf(untyped), "nothing but typed ZendeskExceptions");
    assertEquals(List.of(), List.copyOf(wrong).subList(0, Math.min(20, wrong.size())), "no wrong answer");
    assertEquals(total, ok.get() + failedTyped, "every call accounted for");
    assertEquals(exhausting, failedTyped, "only the ids faulty on every attempt fail");
    long injected = faults.faults.get();
    assertEquals(total / 20 + exhausting * (MAX_ATTEMPTS - 1), injected, "faults injected");
    assertEquals(total - exhausting + injected, faults.served.get(),
        "requests: one answered per call, plus the faults");

    // put the client's own threads to work once, then close
    assertEquals("completed", client.jobs().awaitAsync("job-1", WaitPolicy.defaults()).get(10, TimeUnit.SECONDS)
        .getStatus());
    int open = establishedTo(server.port());
    assertTrue(open > 0, "the connection count sees the client's pooled connections: " + open);
    client.close();
    int left = open;
    Set<String> threadsLeft = Set.of();
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < until) {
      left = establishedTo(server.port());
      threadsLeft = new HashSet<>(clientThreads());
      threadsLeft.removeAll(before);
      if (left == 0 && threadsLeft.isEmpty()) {
        break;
      }
      Thread.sleep(20);
    }
    assertEquals(Set.of(), threadsLeft, "threads of the closed client");
    assertEquals(0, left, "connections to the server still open after close()");
    assertThrows(IllegalStateException.class, () -> client.execute(tickets.showTicket(1L)));

    ReliabilityTable table = new ReliabilityTable("load", "measure", "value");
    table.add("threads × calls", THREADS + " × " + String.format(Locale.ROOT, "%,d", CALLS_PER_THREAD) + " = "
        + String.format(Locale.ROOT, "%,d", total));
    table.add("requests served (faults injected)", String.format(Locale.ROOT, "%,d (%,d = %.1f %%: 503, reset,"
        + " 429 Retry-After 0)", faults.served.get(), injected, 100.0 * injected / faults.served.get()));
    table.add("succeeded (after retries where injected), right id and nonce", String.format(Locale.ROOT, "%,d",
        ok.get()));
    table.add("failed typed (retries exhausted, as injected)", failedTyped + " " + new java.util.TreeMap<>(typed));
    table.add("wrong answers / untyped exceptions", wrong.size() + " / " + untyped.size());
    table.add("retry waits (fake sleeper) / log lines", String.format(Locale.ROOT, "%,d / %,d", waits.get(),
        logLines.get()));
    table.add("time", String.format(Locale.ROOT, "%,d ms (%,.0f calls/s)", tookMs, total * 1000.0 / tookMs));
    table.add("after close(): client threads / established connections", threadsLeft.size() + " / " + left
        + " (were " + open + ")");
    table.print(Runtime.getRuntime().availableProcessors() + " CPUs");
  }

  /** The exception a call on an id faulty on every attempt ends in. */
  static Class<? extends ZendeskException> expectedFailure(long id) {
    return switch (InjectedFaults.kind(id)) {
      case 0 -> ZendeskApiException.class;
      case 1 -> ZendeskTransportException.class;
      default -> RateLimitedException.class;
    };
  }
}
