package io.zenapi.zendesk.client;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.zenapi.zendesk.ZendeskClient;
import io.zenapi.zendesk.generated.api.TicketsApi;
import io.zenapi.zendesk.generated.api.TicketsApi.ShowTicketParams;
import io.zenapi.zendesk.generated.model.JobStatusObject;
import io.zenapi.zendesk.generated.model.TicketObject;
import io.zenapi.zendesk.generated.model.TicketResponse;
import io.zenapi.zendesk.jobs.WaitPolicy;
import io.zenapi.zendesk.transport.Harness;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;

/** One client shared by 16 threads for 10,000 calls: no failure, no crossed responses; close() ends its threads and later calls. */
class ConcurrencyTest {
  private static final int THREADS = 16;
  private static final int CALLS = 10_000;
  private static Harness h;

  @BeforeAll
  static void start() {
    h = Harness.start(WireMockConfiguration.options().globalTemplating(true).containerThreads(THREADS + 16)
        .asynchronousResponseEnabled(false));
  }

  @AfterAll
  static void stop() {
    h.stop();
  }

  /** Threads whose names mark them as a client's: its executor, OkHttp's dispatcher or per-call threads. */
  private static Set<Thread> clientThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .filter(t -> t.getName().startsWith("zendesk-client-") || t.getName().startsWith("OkHttp "))
        // OkHttp's TaskRunner is one JVM-wide pool (TaskRunner.INSTANCE) shared by every OkHttpClient; it idles
        // out after 60 s on its own and belongs to no client
        .filter(t -> !t.getName().equals("OkHttp TaskRunner"))
        .collect(Collectors.toSet());
  }

  @Test
  void sixteenThreadsTenThousandCallsThenClose() throws Exception {
    h.reset();
    h.server.stubFor(get(urlPathMatching("/api/v2/tickets/[0-9]+")).willReturn(Harness.json(200,
        "{\"ticket\":{\"id\":{{request.pathSegments.[3]}},\"subject\":\"ticket {{request.pathSegments.[3]}}\","
            + "\"description\":\"{{request.query.include}}\"}}")));
    h.server.stubFor(get(urlPathEqualTo("/api/v2/job_statuses/job-1")).willReturn(Harness.json(200,
        "{\"job_status\":{\"id\":\"job-1\",\"status\":\"completed\"}}")));
    Set<Thread> before = clientThreads();
    ZendeskClient client = h.client();
    TicketsApi tickets = client.api(TicketsApi.class);

    ExecutorService callers = Executors.newFixedThreadPool(THREADS);
    ConcurrentLinkedQueue<String> mismatches = new ConcurrentLinkedQueue<>();
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Integer>> done = new ArrayList<>();
    long started = System.nanoTime();
    try {
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        done.add(callers.submit(() -> {
          go.await();
          int ok = 0;
          for (long id = 1 + thread; id <= CALLS; id += THREADS) {
            String nonce = "n" + id + "t" + thread;
            TicketObject ticket = client.execute(tickets.showTicket(id, ShowTicketParams.builder().include(nonce)
                .build())).getTicket();
            if (ticket.getId() != id || !("ticket " + id).equals(ticket.getSubject())
                || !nonce.equals(ticket.getDescription())) {
              mismatches.add(id + " -> " + ticket.getId() + "/" + ticket.getSubject() + "/" + ticket.getDescription());
            } else {
              ok++;
            }
          }
          return ok;
        }));
      }
      go.countDown();
      int ok = 0;
      for (Future<Integer> f : done) {
        ok += f.get(60, TimeUnit.SECONDS); // rethrows any failure of a call
      }
      assertEquals(List.of(), List.copyOf(mismatches));
      assertEquals(CALLS, ok);
    } finally {
      callers.shutdownNow();
    }
    long tookMs = (System.nanoTime() - started) / 1_000_000;

    // the server saw each id exactly once, each with its own nonce and the client's credentials
    List<LoggedRequest> seen = h.server.findAll(com.github.tomakehurst.wiremock.client.WireMock
        .getRequestedFor(urlPathMatching("/api/v2/tickets/[0-9]+")));
    assertEquals(CALLS, seen.size());
    Set<String> urls = new HashSet<>();
    for (LoggedRequest r : seen) {
      assertEquals(Harness.BEARER, r.getHeader("Authorization"));
      urls.add(r.getUrl());
    }
    assertEquals(CALLS, urls.size(), "no request sent twice or lost");
    assertEquals(List.of(), h.sleeper.waits(), "no retries");

    // put the client's own threads to work: its executor (job waiting) and OkHttp's dispatcher (async call)
    JobStatusObject job = client.jobs().awaitAsync("job-1", WaitPolicy.defaults()).get(10, TimeUnit.SECONDS);
    assertEquals("completed", job.getStatus());
    CompletableFuture<Long> async = new CompletableFuture<>();
    tickets.showTicket(42L).enqueue(new Callback<>() {
      @Override
      public void onResponse(Call<TicketResponse> call, Response<TicketResponse> response) {
        async.complete(response.body().getTicket().getId());
      }

      @Override
      public void onFailure(Call<TicketResponse> call, Throwable t) {
        async.completeExceptionally(t);
      }
    });
    assertEquals(42L, async.get(10, TimeUnit.SECONDS));
    Set<Thread> owned = new HashSet<>(clientThreads());
    owned.removeAll(before);
    assertTrue(owned.stream().anyMatch(t -> t.getName().startsWith("zendesk-client-")), owned.toString());

    client.close();
    client.close(); // idempotent

    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    Set<Thread> left;
    do {
      Thread.sleep(20);
      left = new HashSet<>(clientThreads());
      left.removeAll(before);
    } while (!left.isEmpty() && System.nanoTime() < until);
    assertEquals(Set.of(), left.stream().map(Thread::getName).collect(Collectors.toSet()),
        "threads of the closed client still running");

    assertThrows(IllegalStateException.class, () -> client.execute(tickets.showTicket(1L)));
    assertThrows(IllegalStateException.class, client::jobs);
    assertThrows(IllegalStateException.class, client::tickets);
    assertThrows(IllegalStateException.class, () -> client.paginate(tickets.listTickets(), r -> r.getTickets()));
    assertEquals(CALLS + 2, h.requests().size(), "nothing sent after close");
    System.out.println("ConcurrencyTest: " + CALLS + " calls on " + THREADS + " threads in " + tookMs + " ms");
  }
}
