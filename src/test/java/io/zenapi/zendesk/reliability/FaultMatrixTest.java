package io.zenapi.zendesk.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.zenapi.zendesk.transport.Harness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.zenapi.zendesk.ZendeskClient;
import io.zenapi.zendesk.errors.MalformedResponseException;
import io.zenapi.zendesk.errors.ZendeskApiException;
import io.zenapi.zendesk.errors.ZendeskException;
import io.zenapi.zendesk.errors.WriteOutcomeUnknownException;
import io.zenapi.zendesk.errors.ZendeskTransportException;
import io.zenapi.zendesk.generated.api.TicketsApi;
import io.zenapi.zendesk.generated.model.JobStatusObject;
import io.zenapi.zendesk.generated.model.TicketObject;
import io.zenapi.zendesk.generated.model.TicketResponse;
import io.zenapi.zendesk.generated.model.TicketsResponse;
import io.zenapi.zendesk.jobs.WaitPolicy;
import io.zenapi.zendesk.pagination.Page;
import io.zenapi.zendesk.transport.Harness;
import io.zenapi.zendesk.transport.RetryPolicy;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;

/** 15 server faults × 5 layers (plain call, page 3 of 5, job polling, safe update GET/PUT): complete and correct, or a typed ZendeskException; never a hang or a raw exception. */
class FaultMatrixTest {
  static final int MAX_ATTEMPTS = 5;
  static final Duration READ_TIMEOUT = Duration.ofMillis(300);
  static final RetryPolicy POLICY = RetryPolicy.builder().jitter(0).maxAttempts(MAX_ATTEMPTS).build();
  /** For the trickling body: each chunk well within the read timeout, the whole body far beyond the deadline. */
  static final Duration TRICKLE_READ_TIMEOUT = Duration.ofMillis(600);
  static final RetryPolicy TRICKLE_POLICY = POLICY.toBuilder().deadline(Duration.ofMillis(800)).build();
  static final WaitPolicy POLLING = WaitPolicy.builder().initialDelay(Duration.ofSeconds(1)).multiplier(1)
      .maxDelay(Duration.ofSeconds(1)).timeout(Duration.ofMinutes(10)).build();
  private static final ReliabilityTable TABLE = new ReliabilityTable("fault matrix", "fault", "layer", "outcome",
      "waits (fake sleeper)");
  private static final List<String> PROBLEMS = new ArrayList<>();
  private static Harness h;

  @BeforeAll
  static void start() {
    // no gzip: Jetty's gzip filter holds back a dribbled body until its end, so nothing would trickle
    h = Harness.start(WireMockConfiguration.options().containerThreads(40).gzipDisabled(true));
    // warm up (class loading, JIT, the first connection) so that the real 300 ms read timeout measures the fault
    h.server.stubFor(get(urlPathEqualTo("/api/v2/tickets/1")).willReturn(Harness.ticket1()));
    ZendeskClient warm = h.client(b -> b.retryPolicy(POLICY));
    for (int i = 0; i < 20; i++) {
      warm.execute(warm.api(TicketsApi.class).showTicket(1L));
    }
    h.reset();
  }

  @AfterAll
  static void stop() {
    if (h != null) {
      h.stop();
    }
    TABLE.print(ServerFault.values().length + " faults × " + Layer.values().length + " layers = " + TABLE.size()
        + " cases, maxAttempts " + MAX_ATTEMPTS + ", read timeout " + READ_TIMEOUT.toMillis() + " ms"
        + (PROBLEMS.isEmpty() ? "" : ", " + PROBLEMS.size() + " FAILED"));
  }

  // ---- the faults ---------------------------------------------------------------------------------------------

  /** How a fault ends when the transport cannot get past it: the typed exception and its status (0: none). */
  record Failure(Class<? extends ZendeskException> type, int status) {}

  /** One misbehaviour of the server, answered {@code times} times in a row before the normal answer. */
  enum ServerFault {
    RESET("connection reset", 1, true, good -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), null,
        new Failure(ZendeskTransportException.class, 0)),
    RESET_STORM("connection reset ×6 (storm)", 6, true,
        good -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), null,
        new Failure(ZendeskTransportException.class, 0)),
    EMPTY("empty response", 1, true, good -> aResponse().withFault(Fault.EMPTY_RESPONSE), null,
        new Failure(ZendeskTransportException.class, 0)),
    MALFORMED_CHUNK("malformed chunk", 1, true, good -> aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK),
        null, new Failure(ZendeskTransportException.class, 0)),
    RANDOM_DATA("random data then close", 1, true, good -> aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE),
        null, new Failure(ZendeskTransportException.class, 0)),
    SLOW_BODY("body slower than read timeout (real)", 1, true,
        good -> json(200, good).withChunkedDribbleDelay(4, 2000), null,
        new Failure(ZendeskTransportException.class, 0)),
    TRICKLE("body trickling past the deadline (real)", 1, false,
        good -> json(200, good).withChunkedDribbleDelay(20, 3000), null,
        new Failure(ZendeskTransportException.class, 0)),
    TRUNCATED_JSON("truncated JSON", 1, false, good -> json(200, good.substring(0, good.length() / 2)), null,
        new Failure(MalformedResponseException.class, 200)),
    HTML_200("HTML page with status 200", 1, false, good -> aResponse().withStatus(200)
        .withHeader("Content-Type", "text/html; charset=utf-8")
        .withBody("<!DOCTYPE html><html><body><h1>Help Center is down for maintenance</h1></body></html>"), null,
        new Failure(MalformedResponseException.class, 200)),
    EMPTY_200("200 with an empty body", 1, false, good -> json(200, ""), null,
        new Failure(MalformedResponseException.class, 200)),
    SERVER_ERROR_TEXT("500 with non-JSON body", 1, false, good -> aResponse().withStatus(500)
        .withHeader("Content-Type", "text/plain").withBody("Internal Server Error (upstream proxy)"), null,
        new Failure(ZendeskApiException.class, 500)),
    RETRY_AFTER_SECONDS("429 Retry-After: 7", 1, true,
        good -> json(429, "{\"error\":\"TooManyRequests\"}").withHeader("Retry-After", "7"), Duration.ofSeconds(7),
        new Failure(io.zenapi.zendesk.errors.RateLimitedException.class, 429)),
    RETRY_AFTER_DATE("429 Retry-After: HTTP date (+30 s)", 1, true,
        good -> json(429, "{\"error\":\"TooManyRequests\"}").withHeader("Retry-After",
            DateTimeFormatter.RFC_1123_DATE_TIME.format(Harness.START.plusSeconds(30).atZone(ZoneOffset.UTC))),
        Duration.ofSeconds(30), new Failure(io.zenapi.zendesk.errors.RateLimitedException.class, 429)),
    RETRY_AFTER_HOUR("429 Retry-After: 3600 (capped)", 1, true,
        good -> json(429, "{\"error\":\"TooManyRequests\"}").withHeader("Retry-After", "3600"),
        RetryPolicy.defaults().maxRetryAfter(), new Failure(io.zenapi.zendesk.errors.RateLimitedException.class, 429)),
    STORM_503("503 storm ×6", 6, true, good -> json(503, "{\"error\":\"ServiceUnavailable\"}"), null,
        new Failure(ZendeskApiException.class, 503));

    final String label;
    final int times;
    /** Whether the transport retries it (an idempotent request, a retryable status or a connection failure). */
    final boolean retried;
    final Function<String, ResponseDefinitionBuilder> response;
    /** The wait a Retry-After asks for (capped), or null. */
    final Duration retryAfter;
    final Failure failure;

    ServerFault(String label, int times, boolean retried, Function<String, ResponseDefinitionBuilder> response,
        Duration retryAfter, Failure failure) {
      this.label = label;
      this.times = times;
      this.retried = retried;
      this.response = response;
      this.retryAfter = retryAfter;
      this.failure = failure;
    }

    /** {@code times} faulty answers, then {@code good} (which repeats). */
    ResponseDefinitionBuilder[] then(String good, ResponseDefinitionBuilder... after) {
      List<ResponseDefinitionBuilder> all = new ArrayList<>();
      for (int i = 0; i < times; i++) {
        all.add(response.apply(good));
      }
      all.add(json(200, good));
      all.addAll(List.of(after));
      return all.toArray(ResponseDefinitionBuilder[]::new);
    }
  }

  // ---- the layers ---------------------------------------------------------------------------------------------

  /** Where the fault strikes: each sets up a server that misbehaves at one point and checks a complete result. */
  enum Layer {
    PLAIN("plain call") {
      @Override
      RequestPatternBuilder setUp(ServerFault f) {
        h.sequence(() -> get(urlPathEqualTo("/api/v2/tickets/1")), f.then(Harness.TICKET_1));
        return getRequestedFor(urlPathEqualTo("/api/v2/tickets/1"));
      }

      @Override
      String run(ZendeskClient client) {
        TicketResponse r = client.execute(client.api(TicketsApi.class).showTicket(1L));
        if (r == null) {
          return NULL_BODY;
        }
        assertEquals(1L, r.getTicket().getId());
        assertEquals("Hello", r.getTicket().getSubject());
        return "ticket 1";
      }
    },
    PAGINATION("page 3 of 5") {
      @Override
      RequestPatternBuilder setUp(ServerFault f) {
        for (int p = 1; p <= PAGES; p++) {
          int page = p;
          Supplier<MappingBuilder> at = () -> pageAt(page);
          if (p == FAULTY_PAGE) {
            h.sequence(at, f.then(pageBody(p)));
          } else {
            h.server.stubFor(at.get().willReturn(json(200, pageBody(p))));
          }
        }
        return pageRequests(FAULTY_PAGE);
      }

      @Override
      String run(ZendeskClient client) {
        TicketsApi api = client.api(TicketsApi.class);
        List<Long> seen = new ArrayList<>();
        try {
          for (Page<TicketObject> page : client.paginate(api.listTickets(), TicketsResponse::getTickets)
              .pageSize(PAGE_SIZE).pages()) {
            page.items().forEach(t -> seen.add(t.getId()));
          }
        } catch (ZendeskException e) {
          assertEquals(ids(1, (FAULTY_PAGE - 1) * PAGE_SIZE), seen, "pages before the fault, each item once");
          throw e;
        }
        assertEquals(ids(1, PAGES * PAGE_SIZE), seen, "every item exactly once, in order");
        for (int p = 1; p <= PAGES; p++) {
          if (p != FAULTY_PAGE) {
            assertEquals(1, h.server.findAll(pageRequests(p)).size(),
                "page " + p + " read once");
          }
        }
        return PAGES * PAGE_SIZE + " items";
      }
    },
    JOBS("job polling") {
      @Override
      RequestPatternBuilder setUp(ServerFault f) {
        h.sequence(() -> get(urlPathEqualTo(JOB_PATH)), f.then(job("working"), json(200, job("completed"))));
        return getRequestedFor(urlPathEqualTo(JOB_PATH));
      }

      @Override
      String run(ZendeskClient client) {
        JobStatusObject s = client.jobs().await("job-1", POLLING);
        assertEquals("job-1", s.getId());
        assertEquals("completed", s.getStatus());
        assertEquals(3L, s.getProgress());
        return "job completed";
      }
    },
    SAFE_UPDATE_GET("safe update, fault on GET") {
      @Override
      RequestPatternBuilder setUp(ServerFault f) {
        h.sequence(() -> get(urlPathEqualTo(TICKET_PATH)), f.then(TICKET_42));
        h.server.stubFor(put(urlPathEqualTo(TICKET_PATH)).willReturn(json(200, UPDATED_42)));
        return getRequestedFor(urlPathEqualTo(TICKET_PATH));
      }

      @Override
      String run(ZendeskClient client) {
        return safeUpdate(client, 1);
      }
    },
    SAFE_UPDATE_PUT("safe update, fault on PUT") {
      @Override
      RequestPatternBuilder setUp(ServerFault f) {
        h.server.stubFor(get(urlPathEqualTo(TICKET_PATH)).willReturn(json(200, TICKET_42)));
        h.sequence(() -> put(urlPathEqualTo(TICKET_PATH)), f.then(UPDATED_42));
        return putRequestedFor(urlPathEqualTo(TICKET_PATH));
      }

      @Override
      String run(ZendeskClient client) {
        return safeUpdate(client, -1);
      }
    };

    final String label;

    Layer(String label) {
      this.label = label;
    }

    /** Stubs the server; returns the pattern of the requests the fault strikes. */
    abstract RequestPatternBuilder setUp(ServerFault f);

    /** Runs the operation and checks the result is complete and correct (a ZendeskException passes through). */
    abstract String run(ZendeskClient client);
  }

  /** What the plain layer reports when client.execute returned null (its documented answer to an empty body). */
  static final String NULL_BODY = "null body";
  static final int PAGES = 5;
  static final int PAGE_SIZE = 10;
  static final int FAULTY_PAGE = 3;
  static final String JOB_PATH = "/api/v2/job_statuses/job-1";
  static final String TICKET_PATH = "/api/v2/tickets/42";
  static final String STAMP = "2030-03-04T05:00:00Z";
  static final String TICKET_42 = "{\"ticket\":{\"id\":42,\"subject\":\"Printer on fire\",\"status\":\"open\","
      + "\"updated_at\":\"" + STAMP + "\"}}";
  static final String UPDATED_42 = "{\"ticket\":{\"id\":42,\"subject\":\"Printer on fire\",\"status\":\"solved\","
      + "\"updated_at\":\"2030-03-04T05:06:07Z\"}}";

  static MappingBuilder pageAt(int p) {
    return get(urlPathEqualTo("/api/v2/tickets")).withQueryParam("page[size]", equalTo(String.valueOf(PAGE_SIZE)))
        .withQueryParam("page[after]", p == 1 ? absent() : equalTo("c" + p));
  }

  static RequestPatternBuilder pageRequests(int p) {
    return getRequestedFor(urlPathEqualTo("/api/v2/tickets")).withQueryParam("page[size]",
        equalTo(String.valueOf(PAGE_SIZE))).withQueryParam("page[after]", p == 1 ? absent() : equalTo("c" + p));
  }

  static String pageUrl(int p) {
    return "/api/v2/tickets?" + (p == 1 ? "" : "page%5Bafter%5D=c" + p + "&") + "page%5Bsize%5D=" + PAGE_SIZE;
  }

  static String pageBody(int p) {
    String items = LongStream.rangeClosed((p - 1L) * PAGE_SIZE + 1, (long) p * PAGE_SIZE)
        .mapToObj(id -> "{\"id\":" + id + ",\"subject\":\"Ticket " + id + "\"}").collect(Collectors.joining(","));
    boolean more = p < PAGES;
    return "{\"tickets\":[" + items + "],\"meta\":{\"has_more\":" + more + ",\"after_cursor\":"
        + (more ? "\"c" + (p + 1) + "\"" : "null") + "},\"links\":{\"next\":"
        + (more ? "\"" + h.server.baseUrl() + pageUrl(p + 1) + "\"" : "null") + "}}";
  }

  static String job(String status) {
    return "{\"job_status\":{\"id\":\"job-1\",\"job_type\":\"bulk_update\",\"status\":\"" + status
        + "\",\"progress\":" + ("completed".equals(status) ? 3 : 1) + ",\"total\":3}}";
  }

  static List<Long> ids(long from, long to) {
    return LongStream.rangeClosed(from, to).boxed().toList();
  }

  /** A safe update of ticket 42; {@code expectedPuts} of -1 means "whatever the retries took". */
  private static String safeUpdate(ZendeskClient client, int expectedPuts) {
    List<String> seenStatus = new ArrayList<>();
    TicketObject t;
    try {
      t = client.tickets().safeUpdate(42L, (current, changes) -> {
        seenStatus.add(current.getStatus());
        changes.status("solved");
      });
    } catch (ZendeskException e) {
      if (expectedPuts == 1) { // the fault was on the read: nothing may have been written
        assertEquals(0, h.server.findAll(putRequestedFor(urlPathEqualTo(TICKET_PATH))).size(), "no write");
      }
      throw e;
    }
    assertNotNull(t, "safeUpdate returned no ticket");
    assertEquals(42L, t.getId());
    assertEquals("solved", t.getStatus());
    assertEquals(List.of("open"), seenStatus, "the change ran once, on the ticket as read");
    var puts = h.server.findAll(putRequestedFor(urlPathEqualTo(TICKET_PATH)));
    if (expectedPuts >= 0) {
      assertEquals(expectedPuts, puts.size(), "PUTs");
    }
    for (var p : puts) {
      String body = p.getBodyAsString();
      assertTrue(body.contains("\"status\":\"solved\"") && body.contains("\"safe_update\":true")
          && body.contains("\"updated_stamp\":\"" + STAMP + "\""), body);
    }
    return "ticket 42 solved";
  }

  // ---- the matrix ---------------------------------------------------------------------------------------------

  @TestFactory
  Stream<DynamicNode> faultMatrix() {
    return Stream.of(ServerFault.values()).map(f -> DynamicContainer.dynamicContainer(f.label,
        Stream.of(Layer.values()).map(l -> DynamicTest.dynamicTest(l.label, () -> runCase(f, l)))));
  }

  /** What a case must end in: null for success, or the typed failure. */
  static Failure expected(ServerFault f, Layer l) {
    if (l == Layer.JOBS) {
      return null; // a poll failure (transport, 5xx, 429, garbled body) is not a job failure: polling goes on
    }
    if (f.retried && f.times < MAX_ATTEMPTS) {
      return null;
    }
    if (f == ServerFault.EMPTY_200 && l == Layer.PLAIN) {
      return null; // client.execute documents null for a 2xx without a body; the layers that need one must not
    }
    if (l == Layer.SAFE_UPDATE_PUT && f.failure.type() == ZendeskTransportException.class) {
      // a write whose last attempt may have reached Zendesk: the caller must learn that the outcome is unknown
      return new Failure(WriteOutcomeUnknownException.class, 0);
    }
    return f.failure;
  }

  private static void runCase(ServerFault f, Layer l) {
    h.reset();
    RequestPatternBuilder struck = l.setUp(f);
    // the short read timeout where the case is about it; elsewhere a slow machine must not add a retry
    Duration readTimeout = f == ServerFault.SLOW_BODY ? READ_TIMEOUT
        : f == ServerFault.TRICKLE ? TRICKLE_READ_TIMEOUT : Duration.ofSeconds(10);
    RetryPolicy policy = f == ServerFault.TRICKLE ? TRICKLE_POLICY : POLICY;
    ZendeskClient client = h.client(b -> b.readTimeout(readTimeout).retryPolicy(policy));
    Failure expected = expected(f, l);
    ZendeskException typed = null;
    String result = null;
    String outcome;
    long started = System.nanoTime();
    try {
      result = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> l.run(client), () -> "HANG");
    } catch (ZendeskException e) {
      typed = e;
      outcome = null;
    } catch (AssertionFailedError e) {
      outcome = "HANG".equals(e.getMessage()) ? "HANG (> 20 s)" : "WRONG RESULT: " + e.getMessage();
      record(f, l, outcome);
      throw e;
    } catch (Throwable t) {
      outcome = "ESCAPED " + t.getClass().getName();
      record(f, l, outcome);
      StringWriter trace = new StringWriter();
      t.printStackTrace(new PrintWriter(trace));
      fail(f.label + " × " + l.label + ": not a ZendeskException:\n" + trace);
      return;
    }
    int attempts = h.server.findAll(struck).size();
    long tookMs = (System.nanoTime() - started) / 1_000_000;
    outcome = NULL_BODY.equals(result) ? "returned null (documented for an empty 2xx body)"
        : describe(l, typed, attempts) + (f == ServerFault.SLOW_BODY || f == ServerFault.TRICKLE
            ? " (" + tookMs + " ms real)" : "");
    record(f, l, outcome);
    if (NULL_BODY.equals(result) && f != ServerFault.EMPTY_200) {
      fail(f.label + " × " + l.label + ": client.execute returned null for a body that was sent");
    }

    if (expected == null) {
      if (typed != null) {
        throw new AssertionFailedError(f.label + " × " + l.label + ": expected success, got " + outcome, typed);
      }
      int expectedAttempts = l == Layer.JOBS ? f.times + 2 : f.retried ? f.times + 1 : 1;
      assertEquals(expectedAttempts, attempts, "requests to the faulty endpoint");
    } else {
      if (typed == null) {
        fail(f.label + " × " + l.label + ": expected " + expected.type().getSimpleName() + ", got success");
      }
      ZendeskException got = typed;
      assertSame(expected.type(), got.getClass(), () -> "got " + got);
      if (expected.status() != 0) {
        int status = typed instanceof ZendeskApiException api ? api.status()
            : ((MalformedResponseException) typed).status();
        assertEquals(expected.status(), status);
      }
      assertEquals(f.retried ? MAX_ATTEMPTS : 1, attempts, "requests to the faulty endpoint");
    }
    if (f.retryAfter != null && (expected == null || f.retried)) {
      assertTrue(h.sleeper.waits().contains(f.retryAfter), "waited " + f.retryAfter + ": " + h.sleeper.waits());
    }
    for (Duration d : h.sleeper.waits()) {
      assertTrue(d.compareTo(RetryPolicy.defaults().maxRetryAfter()) <= 0, "no wait above the cap: " + d);
    }
    String everything = String.join("\n", h.log) + (typed == null ? "" : "\n" + trace(typed));
    assertFalse(everything.contains(Harness.OAUTH_TOKEN), everything);
  }

  private static String describe(Layer l, ZendeskException typed, int attempts) {
    String tries = attempts + (attempts == 1 ? " attempt" : " attempts");
    if (typed == null) {
      if (l == Layer.JOBS) {
        return "polled on, succeeded (" + attempts + " polls)";
      }
      return attempts > 1 ? "retried, succeeded (" + tries + ")" : "succeeded (" + tries + ")";
    }
    String status = typed instanceof ZendeskApiException api ? " " + api.status() : "";
    return typed.getClass().getSimpleName() + status + " after " + tries;
  }

  private static void record(ServerFault f, Layer l, String outcome) {
    String waits = h.sleeper.waits().stream().map(FaultMatrixTest::seconds).collect(Collectors.joining("+"));
    TABLE.add(f.label, l.label, outcome, waits.isEmpty() ? "-" : waits + " s");
    if (outcome.startsWith("HANG") || outcome.startsWith("WRONG") || outcome.startsWith("ESCAPED")) {
      synchronized (PROBLEMS) {
        PROBLEMS.add(f + "/" + l);
      }
    }
  }

  static String seconds(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? Long.toString(ms / 1000) : String.format(java.util.Locale.ROOT, "%.1f", ms / 1000.0);
  }

  static String trace(Throwable t) {
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    return w.toString();
  }
}
