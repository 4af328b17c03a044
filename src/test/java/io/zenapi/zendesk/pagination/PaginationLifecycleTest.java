package io.zenapi.zendesk.pagination;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zenapi.zendesk.ZendeskClient;
import io.zenapi.zendesk.errors.NotFoundException;
import io.zenapi.zendesk.errors.ZendeskApiException;
import io.zenapi.zendesk.generated.api.TicketsApi;
import io.zenapi.zendesk.generated.model.TicketObject;
import io.zenapi.zendesk.generated.model.TicketsResponse;
import io.zenapi.zendesk.transport.RetryPolicy;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Laziness, re-iteration, early stop, pages() with positions, and resuming after a failure mid-list. */
class PaginationLifecycleTest extends PaginationWireMockSupport {
  private Paginated<TicketObject> allTickets(ZendeskClient on) {
    TicketsApi api = on.api(TicketsApi.class);
    return on.paginate(api.listTickets(), TicketsResponse::getTickets);
  }

  private static String nextUrl(int page) {
    return server.baseUrl() + "/api/v2/tickets.json?page%5Bafter%5D=c" + page + "&page%5Bsize%5D=100";
  }

  private static String firstUrl() {
    return server.baseUrl() + "/api/v2/tickets?page%5Bsize%5D=100";
  }

  /** {@code pages} pages of 100 tickets, the last one {@code last} tickets, chained by links.next. */
  private static void serveTickets(int pages, int last) {
    for (int p = 1; p <= pages; p++) {
      serve(p == 1 ? page("/api/v2/tickets", "page[size]", "100", "page[after]", null) : pageAt(p),
          pageBody(p, pages, last));
    }
  }

  /** Like {@link #serveTickets}, but page {@code failing} first answers {@code status}, then its page. */
  private static void serveTicketsFailingOnce(int pages, int last, int failing, int status, String error) {
    for (int p = 1; p <= pages; p++) {
      if (p != failing) {
        serve(p == 1 ? page("/api/v2/tickets", "page[size]", "100", "page[after]", null) : pageAt(p),
            pageBody(p, pages, last));
      }
    }
    server.stubFor(pageAt(failing).inScenario("failing page").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(error))
        .willSetStateTo("recovered"));
    server.stubFor(pageAt(failing).inScenario("failing page").whenScenarioStateIs("recovered")
        .willReturn(json(pageBody(failing, pages, last))));
  }

  private static com.github.tomakehurst.wiremock.client.MappingBuilder pageAt(int p) {
    return page("/api/v2/tickets.json", "page[size]", "100", "page[after]", "c" + p);
  }

  private static String pageBody(int p, int pages, int last) {
    long from = (p - 1) * 100L + 1;
    long to = p == pages ? from + last - 1 : p * 100L;
    return cursorPage("tickets", from, to, p < pages, "c" + (p + 1), p < pages ? nextUrl(p + 1) : null);
  }

  private static List<String> expectedLines(int fromPage, int toPage) {
    List<String> lines = new ArrayList<>();
    for (int p = fromPage; p <= toPage; p++) {
      lines.add(p == 1 ? "GET /api/v2/tickets?page[size]=100"
          : "GET /api/v2/tickets.json?page[after]=c" + p + "&page[size]=100");
    }
    return lines;
  }

  @Test
  void nothingIsRequestedBeforeIterationStarts() {
    serveTickets(3, 10);

    Paginated<TicketObject> tickets = allTickets(client).readAhead(false); // exactly the pages read
    Paginated<TicketObject> smaller = tickets.pageSize(20);
    Iterator<TicketObject> it = tickets.iterator();
    Iterable<Page<TicketObject>> pages = tickets.pages();
    tickets.stream();

    assertNotSame(tickets, smaller);
    assertNoRequest();

    assertTrue(it.hasNext());
    assertEquals(1L, it.next().getId());
    assertRequests(expectedLines(1, 1));
    assertNotNull(pages.iterator());
    assertRequests(expectedLines(1, 1)); // a pages() iterator is lazy too
  }

  @Test
  void eachIterationStartsOverFromTheFirstPage() {
    serveTickets(3, 10);
    Paginated<TicketObject> tickets = allTickets(client);

    List<Long> first = tickets.stream().map(TicketObject::getId).toList();
    List<Long> second = new ArrayList<>();
    for (TicketObject t : tickets) {
      second.add(t.getId());
    }

    assertEquals(ids(1, 210), first);
    assertEquals(first, second);
    // one Call serves both iterations: each starts again from a fresh copy of the first request
    List<String> expected = new ArrayList<>(expectedLines(1, 3));
    expected.addAll(expectedLines(1, 3));
    assertRequests(expected);
  }

  @Test
  void aLimitedStreamWithoutReadAheadStopsFetchingAfterThePageItNeeds() {
    serveTickets(5, 100);

    List<Long> firstHundredFifty = allTickets(client).readAhead(false).stream().limit(150)
        .map(TicketObject::getId).toList();

    assertEquals(ids(1, 150), firstHundredFifty);
    assertRequests(expectedLines(1, 2));
  }

  @Test
  void aLimitedStreamReadsAtMostOnePageAheadAndClosingItCancelsThatPage() throws InterruptedException {
    serveTickets(5, 100);

    List<Long> firstHundredFifty;
    try (var stream = allTickets(client).stream()) {
      firstHundredFifty = stream.limit(150).map(TicketObject::getId).toList();
    }
    Thread.sleep(200); // a page requested ahead and not cancelled in time would arrive by now

    assertEquals(ids(1, 150), firstHundredFifty);
    List<String> seen = requestLines();
    assertEquals(expectedLines(1, 2), seen.subList(0, 2), "pages 1 and 2, in order");
    assertTrue(seen.size() <= 3 && expectedLines(1, 3).containsAll(seen), "at most page 3 ahead: " + seen);
  }

  @Test
  void pagesExposeItemsPositionAndNext() {
    serveTickets(3, 10);

    List<Page<TicketObject>> pages = new ArrayList<>();
    allTickets(client).pages().forEach(pages::add);

    assertEquals(3, pages.size());
    assertEquals(ids(1, 100), pages.get(0).items().stream().map(TicketObject::getId).toList());
    assertEquals(ids(101, 200), pages.get(1).items().stream().map(TicketObject::getId).toList());
    assertEquals(ids(201, 210), pages.get(2).items().stream().map(TicketObject::getId).toList());

    assertEquals(firstUrl(), pages.get(0).position().url(), "the URL page 1 was read from");
    assertEquals(nextUrl(2), pages.get(1).position().url());
    assertEquals(nextUrl(3), pages.get(2).position().url());
    assertEquals(Optional.of(pages.get(1).position()), pages.get(0).next());
    assertEquals(Optional.of(pages.get(2).position()), pages.get(1).next());
    assertEquals(Optional.of(PagePosition.parse(server.baseUrl()
        + "/api/v2/tickets.json?page%5Bsize%5D=100&page%5Bafter%5D=c4")), pages.get(2).next(),
        "the last page's after_cursor: where a later walk reads only what was added since");
    assertThrows(UnsupportedOperationException.class, () -> pages.get(0).items().clear());
    assertRequests(expectedLines(1, 3));
  }

  @Test
  void resumesAfterAServerErrorOnPage7Of20WithNoDuplicateAndNoGap() {
    int total = 20;
    serveTicketsFailingOnce(total, 42, 7, 500, "{\"error\":\"InternalError\"}");

    try (ZendeskClient noRetries = clientWith(RetryPolicy.none())) {
      Paginated<TicketObject> tickets = allTickets(noRetries);
      List<Long> seen = new ArrayList<>();
      Page<TicketObject> lastSaved = null;
      ZendeskApiException failure = null;
      try {
        for (Page<TicketObject> p : tickets.pages()) {
          p.items().forEach(t -> seen.add(t.getId()));
          lastSaved = p; // saved after its items are handled
        }
      } catch (ZendeskApiException e) {
        failure = e;
      }
      assertTrue(failure != null, "page 7 failed");
      assertEquals(500, failure.status());
      assertEquals(ids(1, 600), seen);
      assertEquals(nextUrl(6), lastSaved.position().url());

      PagePosition saved = lastSaved.next().orElseThrow();
      assertEquals(nextUrl(7), saved.url());
      PagePosition restored = PagePosition.parse(saved.toString());
      assertEquals(saved, restored);
      assertEquals(saved.hashCode(), restored.hashCode());
      assertEquals(saved.url(), restored.url());

      tickets.resumeFrom(restored).forEach(t -> seen.add(t.getId()));

      assertEquals(ids(1, 1942), seen, "every item exactly once, in order");
      List<String> expected = new ArrayList<>(expectedLines(1, 7));
      expected.addAll(expectedLines(7, 20));
      assertRequests(expected);
      assertEquals(21, requests().size());
    }
  }

  @Test
  void resumesAfterANotFoundOnPage3() {
    serveTicketsFailingOnce(4, 5, 3, 404, "{\"error\":\"RecordNotFound\",\"description\":\"Not found\"}");

    Paginated<TicketObject> tickets = allTickets(client);
    List<Long> seen = new ArrayList<>();
    PagePosition saved = null;
    NotFoundException notFound = null;
    try {
      for (Page<TicketObject> p : tickets.pages()) {
        p.items().forEach(t -> seen.add(t.getId()));
        saved = p.next().orElseThrow();
      }
    } catch (NotFoundException e) {
      notFound = e;
    }
    assertTrue(notFound != null, "page 3 failed with a NotFoundException");
    assertEquals(404, notFound.status());
    assertEquals(ids(1, 200), seen);

    tickets.resumeFrom(PagePosition.parse(saved.toString())).forEach(t -> seen.add(t.getId()));

    assertEquals(ids(1, 305), seen);
    List<String> expected = new ArrayList<>(expectedLines(1, 3));
    expected.addAll(expectedLines(3, 4));
    assertRequests(expected);
  }
}
