package io.zenapi.zendesk.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.zenapi.zendesk.transport.Harness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.zenapi.zendesk.ZendeskClient;
import io.zenapi.zendesk.errors.MalformedResponseException;
import io.zenapi.zendesk.errors.RateLimitedException;
import io.zenapi.zendesk.errors.ZendeskException;
import io.zenapi.zendesk.errors.ZendeskTransportException;
import io.zenapi.zendesk.generated.api.TicketsApi;
import io.zenapi.zendesk.generated.model.TicketObject;
import io.zenapi.zendesk.generated.model.TicketsResponse;
import io.zenapi.zendesk.pagination.Page;
import io.zenapi.zendesk.pagination.PagePosition;
import io.zenapi.zendesk.pagination.Paginated;
import io.zenapi.zendesk.transport.Harness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A 20-page list failing on page 7 (retries exhausted or not retried) resumes in a new client from the saved Page.next(): no duplicate, no gap. */
class ResumeTest {
  private static final int PAGES = 20;
  private static final int SIZE = 10;
  private static final int FAILING = 7;
  private static final ReliabilityTable TABLE = new ReliabilityTable("resume (page 7 of 20)", "fault on page 7",
      "first run", "resumed run", "result");
  private static Harness h;

  @BeforeAll
  static void start() {
    h = Harness.start();
  }

  @AfterAll
  static void stop() {
    if (h != null) {
      h.stop();
    }
    TABLE.print(TABLE.size() + " cases, " + PAGES + " pages × " + SIZE + " items, maxAttempts "
        + FaultMatrixTest.MAX_ATTEMPTS + ", resumed in a new client from the saved position string");
  }

  /** How page 7 fails; each fails the first run completely (the transport gives up or does not retry). */
  enum PageFault {
    RESET_EXHAUSTED("connection reset ×5 (retries exhausted)", 5, ZendeskTransportException.class,
        () -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)),
    RATE_LIMITED_EXHAUSTED("429 Retry-After: 1 ×5 (retries exhausted)", 5, RateLimitedException.class,
        () -> json(429, "{\"error\":\"TooManyRequests\"}").withHeader("Retry-After", "1")),
    TRUNCATED("truncated JSON (not retried)", 1, MalformedResponseException.class,
        () -> json(200, "{\"tickets\":[{\"id\":61,\"subject\":\"Tick")),
    EMPTY_BODY("200 with an empty body (not retried)", 1, MalformedResponseException.class,
        () -> json(200, ""));

    final String label;
    final int times;
    final Class<? extends ZendeskException> type;
    final Supplier<ResponseDefinitionBuilder> response;

    PageFault(String label, int times, Class<? extends ZendeskException> type,
        Supplier<ResponseDefinitionBuilder> response) {
      this.label = label;
      this.times = times;
      this.type = type;
      this.response = response;
    }
  }

  private static MappingBuilder pageAt(int p) {
    return get(urlPathEqualTo("/api/v2/tickets")).withQueryParam("page[size]", equalTo(String.valueOf(SIZE)))
        .withQueryParam("page[after]", p == 1 ? absent() : equalTo("c" + p));
  }

  private static RequestPatternBuilder requestsOf(int p) {
    return getRequestedFor(urlPathEqualTo("/api/v2/tickets")).withQueryParam("page[size]",
        equalTo(String.valueOf(SIZE))).withQueryParam("page[after]", p == 1 ? absent() : equalTo("c" + p));
  }

  private static String body(int p) {
    String items = LongStream.rangeClosed((p - 1L) * SIZE + 1, (long) p * SIZE)
        .mapToObj(id -> "{\"id\":" + id + ",\"subject\":\"Ticket " + id + "\"}").collect(Collectors.joining(","));
    boolean more = p < PAGES;
    String next = h.server.baseUrl() + "/api/v2/tickets?page%5Bafter%5D=c" + (p + 1) + "&page%5Bsize%5D=" + SIZE;
    return "{\"tickets\":[" + items + "],\"meta\":{\"has_more\":" + more + ",\"after_cursor\":"
        + (more ? "\"c" + (p + 1) + "\"" : "null") + "},\"links\":{\"next\":" + (more ? "\"" + next + "\"" : "null")
        + "}}";
  }

  private static Paginated<TicketObject> tickets(ZendeskClient client) {
    TicketsApi api = client.api(TicketsApi.class);
    return client.paginate(api.listTickets(), TicketsResponse::getTickets).pageSize(SIZE);
  }

  /** The page number of a request, from its cursor. */
  private static int pageOf(LoggedRequest r) {
    String after = r.queryParameter("page[after]").isPresent() ? r.queryParameter("page[after]").firstValue() : null;
    return after == null ? 1 : Integer.parseInt(after.substring(1));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(PageFault.class)
  void failsOnPage7Of20AndResumesWithNoDuplicateAndNoGap(PageFault fault) {
    h.reset();
    for (int p = 1; p <= PAGES; p++) {
      int page = p;
      if (p == FAILING) {
        List<ResponseDefinitionBuilder> answers = new ArrayList<>();
        for (int i = 0; i < fault.times; i++) {
          answers.add(fault.response.get());
        }
        answers.add(json(200, body(p)));
        h.sequence(() -> pageAt(page), answers.toArray(ResponseDefinitionBuilder[]::new));
      } else {
        h.server.stubFor(pageAt(p).willReturn(json(200, body(p))));
      }
    }
    List<Long> handled = new ArrayList<>();
    String[] checkpoint = {null}; // what an integration would persist: the string form of Page.next()

    // first run: handles each page's items, then saves where the next page is
    ZendeskClient first = h.client(b -> b.retryPolicy(FaultMatrixTest.POLICY));
    ZendeskException failure = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      try {
        for (Page<TicketObject> page : tickets(first).pages()) {
          page.items().forEach(t -> handled.add(t.getId()));
          checkpoint[0] = page.next().map(PagePosition::toString).orElse("done");
        }
        return null;
      } catch (ZendeskException e) {
        return e;
      }
    });
    assertNotNull(failure, "page 7 must fail the first run");
    assertSame(fault.type, failure.getClass(), () -> "got " + failure);
    assertEquals(LongStream.rangeClosed(1, (FAILING - 1L) * SIZE).boxed().toList(), handled, "pages 1-6, once each");
    int firstRunRequests = h.received().size();
    first.close();

    // restart: a new client resumes from the saved string
    ZendeskClient second = h.client(b -> b.retryPolicy(FaultMatrixTest.POLICY));
    PagePosition saved = PagePosition.parse(checkpoint[0]);
    assertTrue(saved.url().contains("page%5Bafter%5D=c" + FAILING), saved.url());
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      for (Page<TicketObject> page : tickets(second).resumeFrom(saved).pages()) {
        page.items().forEach(t -> handled.add(t.getId()));
        checkpoint[0] = page.next().map(PagePosition::toString).orElse("done");
      }
    });

    assertEquals(LongStream.rangeClosed(1, (long) PAGES * SIZE).boxed().toList(), handled,
        "every item exactly once, in order");
    assertEquals("done", checkpoint[0]);
    List<LoggedRequest> all = new ArrayList<>(h.server.getAllServeEvents().stream().map(e -> e.getRequest())
        .toList());
    java.util.Collections.reverse(all); // WireMock lists the newest first
    assertEquals(FAILING, pageOf(all.get(firstRunRequests)), "the resumed run starts at page 7");
    for (int p = 1; p <= PAGES; p++) {
      int expected = p == FAILING ? fault.times + 1 : 1;
      assertEquals(expected, h.server.findAll(requestsOf(p)).size(), "requests for page " + p);
    }
    TABLE.add(fault.label, failure.getClass().getSimpleName() + " after " + (FAILING - 1) * SIZE + " items, "
        + firstRunRequests + " requests", "from page " + FAILING + ", " + (all.size() - firstRunRequests)
        + " requests", handled.size() + " items, no duplicate, no gap");
  }
}
