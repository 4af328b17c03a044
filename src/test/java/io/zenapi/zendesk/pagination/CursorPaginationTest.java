package io.zenapi.zendesk.pagination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.zenapi.zendesk.generated.api.TicketSkipsApi;
import io.zenapi.zendesk.generated.api.TicketSkipsApi.ListTicketSkipsParams;
import io.zenapi.zendesk.generated.api.TicketsApi;
import io.zenapi.zendesk.generated.model.TicketObject;
import io.zenapi.zendesk.generated.model.TicketSkipObject;
import io.zenapi.zendesk.generated.model.TicketSkipsResponse;
import io.zenapi.zendesk.generated.model.TicketsResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cursor pagination: 26 pages by links.next, the meta.after_cursor fallback, page sizes, empty pages, foreign hosts. */
class CursorPaginationTest extends PaginationWireMockSupport {

  private Paginated<TicketObject> allTickets() {
    TicketsApi api = client.api(TicketsApi.class);
    return client.paginate(api.listTickets(),
        TicketsResponse::getTickets);
  }

  private static String ticketsNext(int page, int size) {
    return server.baseUrl() + "/api/v2/tickets.json?page%5Bafter%5D=c" + page + "&page%5Bsize%5D=" + size;
  }

  @Test
  void followsLinksNextAcross26PagesWithDefaultPageSize() {
    int pages = 26;
    long lastCount = 37;
    for (int p = 1; p <= pages; p++) {
      long from = (p - 1) * 100L + 1;
      long to = p == pages ? from + lastCount - 1 : p * 100L;
      String body = cursorPage("tickets", from, to, p < pages, p < pages ? "c" + (p + 1) : "c-end",
          p < pages ? ticketsNext(p + 1, 100) : null);
      serve(p == 1 ? page("/api/v2/tickets", "page[size]", "100", "page[after]", null)
          : page("/api/v2/tickets.json", "page[size]", "100", "page[after]", "c" + p), body);
    }

    List<Long> seen = new ArrayList<>();
    for (TicketObject t : allTickets()) {
      seen.add(t.getId());
    }

    assertEquals(ids(1, 2500 + lastCount), seen, "every item once, in order");
    List<String> expected = new ArrayList<>();
    expected.add("GET /api/v2/tickets?page[size]=100");
    for (int p = 2; p <= pages; p++) {
      expected.add("GET /api/v2/tickets.json?page[after]=c" + p + "&page[size]=100");
    }
    assertRequests(expected);
    assertEquals(26, requests().size());
  }

  @Test
  void withoutLinksNextUsesMetaAfterCursorAsPageAfter() {
    TicketSkipsApi api = client.api(TicketSkipsApi.class);
    serve(page("/api/v2/users/7/skips", "sort_order", "desc", "page[size]", "100", "page[after]", null),
        cursorPage("skips", 1, 100, true, "s2", null));
    serve(page("/api/v2/users/7/skips", "sort_order", "desc", "page[size]", "100", "page[after]", "s2"),
        cursorPage("skips", 101, 200, true, "s3", ""));
    serve(page("/api/v2/users/7/skips", "sort_order", "desc", "page[size]", "100", "page[after]", "s3"),
        cursorPage("skips", 201, 230, false, "s4", null));

    List<Long> seen = client.paginate(api.listTicketSkips(7L, ListTicketSkipsParams.builder().sortOrder("desc")
        .build()), TicketSkipsResponse::getSkips)
        .stream().map(TicketSkipObject::getId).toList();

    assertEquals(ids(1, 230), seen);
    assertRequests(List.of(
        "GET /api/v2/users/7/skips?page[size]=100&sort_order=desc",
        "GET /api/v2/users/7/skips?page[after]=s2&page[size]=100&sort_order=desc",
        "GET /api/v2/users/7/skips?page[after]=s3&page[size]=100&sort_order=desc"));
  }

  @Test
  void pageSizeIsSentAsPageSize() {
    serve(page("/api/v2/tickets", "page[size]", "50", "page[after]", null),
        cursorPage("tickets", 1, 50, true, "c2", ticketsNext(2, 50)));
    serve(page("/api/v2/tickets.json", "page[size]", "50", "page[after]", "c2"),
        cursorPage("tickets", 51, 80, false, "c3", null));

    List<Long> seen = allTickets().pageSize(50).stream().map(TicketObject::getId).toList();

    assertEquals(ids(1, 80), seen);
    assertRequests(List.of(
        "GET /api/v2/tickets?page[size]=50",
        "GET /api/v2/tickets.json?page[after]=c2&page[size]=50"));
  }

  @Test
  void aPageSizeOutsideOneToHundredIsRefusedBeforeAnyRequest() {
    TicketsApi api = client.api(TicketsApi.class);
    Paginated<TicketObject> tickets = client.paginate(api.listTickets(), TicketsResponse::getTickets);

    assertThrows(IllegalArgumentException.class, () -> tickets.pageSize(0));
    assertThrows(IllegalArgumentException.class, () -> tickets.pageSize(101));
    assertThrows(IllegalArgumentException.class, () -> tickets.pageSize(-1));

    assertNoRequest();
  }

  @Test
  void anEmptyPageWithHasMoreInTheMiddleIsSkipped() {
    serve(page("/api/v2/tickets", "page[size]", "100", "page[after]", null),
        cursorPage("tickets", 1, 100, true, "c2", ticketsNext(2, 100)));
    serve(page("/api/v2/tickets.json", "page[size]", "100", "page[after]", "c2"),
        cursorPage("tickets", 1, 0, true, "c3", ticketsNext(3, 100)));
    serve(page("/api/v2/tickets.json", "page[size]", "100", "page[after]", "c3"),
        cursorPage("tickets", 101, 120, false, "c4", null));

    List<Long> seen = new ArrayList<>();
    allTickets().forEach(t -> seen.add(t.getId()));

    assertEquals(ids(1, 120), seen);
    assertRequests(List.of(
        "GET /api/v2/tickets?page[size]=100",
        "GET /api/v2/tickets.json?page[after]=c2&page[size]=100",
        "GET /api/v2/tickets.json?page[after]=c3&page[size]=100"));
  }

  @Test
  void aNextLinkOnAnotherHostIsRebasedOntoTheClientsHostWithCredentials() {
    serve(page("/api/v2/tickets", "page[size]", "100", "page[after]", null),
        cursorPage("tickets", 1, 100, true, "c2",
            "https://acme.zendesk.com/api/v2/tickets.json?page%5Bafter%5D=c2&page%5Bsize%5D=100"));
    serve(page("/api/v2/tickets.json", "page[size]", "100", "page[after]", "c2"),
        cursorPage("tickets", 101, 200, true, "c3",
            "http://elsewhere.example:8080/api/v2/tickets.json?page%5Bafter%5D=c3&page%5Bsize%5D=100"));
    serve(page("/api/v2/tickets.json", "page[size]", "100", "page[after]", "c3"),
        cursorPage("tickets", 201, 210, false, "c4", null));

    List<Page<TicketObject>> pages = new ArrayList<>();
    allTickets().pages().forEach(pages::add);

    assertEquals(ids(1, 210), pages.stream().flatMap(p -> p.items().stream()).map(TicketObject::getId).toList());
    assertRequests(List.of(
        "GET /api/v2/tickets?page[size]=100",
        "GET /api/v2/tickets.json?page[after]=c2&page[size]=100",
        "GET /api/v2/tickets.json?page[after]=c3&page[size]=100"));
    // the saved positions name the client's own host too, never the foreign one
    assertEquals(server.baseUrl() + "/api/v2/tickets.json?page%5Bafter%5D=c2&page%5Bsize%5D=100",
        pages.get(0).next().orElseThrow().url());
    assertEquals(server.baseUrl() + "/api/v2/tickets.json?page%5Bafter%5D=c3&page%5Bsize%5D=100",
        pages.get(2).position().url());
  }
}
