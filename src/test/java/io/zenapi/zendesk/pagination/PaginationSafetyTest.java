package io.zenapi.zendesk.pagination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zenapi.zendesk.errors.PaginationException;
import io.zenapi.zendesk.generated.api.IncrementalExportApi;
import io.zenapi.zendesk.generated.api.IncrementalExportApi.IncrementalTicketExportCursorParams;
import io.zenapi.zendesk.generated.api.TicketSkipsApi;
import io.zenapi.zendesk.generated.api.TicketsApi;
import io.zenapi.zendesk.generated.api.UsersApi;
import io.zenapi.zendesk.generated.api.UsersApi.SearchUsersParams;
import io.zenapi.zendesk.generated.model.CursorBasedExportIncrementalTicketsResponse;
import io.zenapi.zendesk.generated.model.TicketObject;
import io.zenapi.zendesk.generated.model.TicketSkipObject;
import io.zenapi.zendesk.generated.model.TicketSkipsResponse;
import io.zenapi.zendesk.generated.model.TicketsResponse;
import io.zenapi.zendesk.generated.model.TimeBasedExportIncrementalTicketsResponse;
import io.zenapi.zendesk.generated.model.UserObject;
import io.zenapi.zendesk.generated.model.UsersResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** A server whose cursor, links.next, after_url or next_page does not advance makes the engine throw, not loop. */
class PaginationSafetyTest extends PaginationWireMockSupport {
  /** More pages than any of these lists has: reading more means the engine is looping. */
  private static final int LOOP_GUARD = 12;

  /** The item extractor, failing the test (instead of hanging it) if the engine keeps reading pages. */
  private static <R, T> Function<R, List<T>> guarded(Function<R, List<T>> items) {
    AtomicInteger pages = new AtomicInteger();
    return r -> {
      if (pages.incrementAndGet() > LOOP_GUARD) {
        throw new AssertionError("the engine read " + LOOP_GUARD + " pages: it is looping");
      }
      return items.apply(r);
    };
  }

  private static <T> List<T> drain(Iterable<T> items, List<T> into) {
    for (T t : items) {
      into.add(t);
    }
    return into;
  }

  private static void assertNoDuplicate(List<Long> ids) {
    assertEquals(ids.size(), new HashSet<>(ids).size(), "no item delivered twice: " + ids);
  }

  private Paginated<TicketObject> allTickets() {
    TicketsApi api = client.api(TicketsApi.class);
    return client.paginate(api.listTickets(),
        guarded(TicketsResponse::getTickets));
  }

  private static String ticketsNext(String cursor) {
    return server.baseUrl() + "/api/v2/tickets.json?page%5Bafter%5D=" + cursor + "&page%5Bsize%5D=100";
  }

  @Test
  void theSameLinksNextAgainThrows() {
    serve(page("/api/v2/tickets", "page[size]", "100", "page[after]", null),
        cursorPage("tickets", 1, 100, true, "c2", ticketsNext("c2")));
    serve(page("/api/v2/tickets.json", "page[size]", "100", "page[after]", "c2"),
        cursorPage("tickets", 101, 200, true, "c2", ticketsNext("c2")));

    List<TicketObject> seen = new ArrayList<>();
    assertThrows(PaginationException.class, () -> drain(allTickets(), seen));

    List<Long> ids = seen.stream().map(TicketObject::getId).toList();
    assertTrue(ids.containsAll(ids(1, 100)), "the first page was delivered");
    assertTrue(ids.containsAll(ids(101, 200)), "the page carrying the bad link was delivered before the failure");
    assertNoDuplicate(ids);
    assertRequests(List.of(
        "GET /api/v2/tickets?page[size]=100",
        "GET /api/v2/tickets.json?page[after]=c2&page[size]=100"));
  }

  @Test
  void theSameAfterCursorAgainThrowsEvenWhenTheLinkIsWrittenDifferently() {
    serve(page("/api/v2/tickets", "page[size]", "100", "page[after]", null),
        cursorPage("tickets", 1, 100, true, "c2", ticketsNext("c2")));
    // the same cursor behind a link that differs in form (no .json): the cursor alone shows no progress
    serve(page("/api/v2/tickets.json", "page[size]", "100", "page[after]", "c2"),
        cursorPage("tickets", 101, 200, true, "c2",
            server.baseUrl() + "/api/v2/tickets?page%5Bsize%5D=100&page%5Bafter%5D=c2"));

    assertThrows(PaginationException.class, () -> drain(allTickets(), new ArrayList<>()));

    assertRequests(List.of(
        "GET /api/v2/tickets?page[size]=100",
        "GET /api/v2/tickets.json?page[after]=c2&page[size]=100"));
  }

  @Test
  void theSameMetaAfterCursorWithoutLinksThrows() {
    TicketSkipsApi api = client.api(TicketSkipsApi.class);
    serve(page("/api/v2/users/7/skips", "page[size]", "100", "page[after]", null),
        cursorPage("skips", 1, 100, true, "s2", null));
    serve(page("/api/v2/users/7/skips", "page[size]", "100", "page[after]", "s2"),
        cursorPage("skips", 101, 200, true, "s2", null));

    Paginated<TicketSkipObject> skips = client.paginate(api.listTicketSkips(7L),
        guarded(TicketSkipsResponse::getSkips));
    assertThrows(PaginationException.class, () -> drain(skips, new ArrayList<>()));

    assertRequests(List.of(
        "GET /api/v2/users/7/skips?page[size]=100",
        "GET /api/v2/users/7/skips?page[after]=s2&page[size]=100"));
  }

  @Test
  void aCursorThatComesBackAfterAnotherThrows() {
    // c2 -> c3 -> c2 again: a cycle through two pages is no progress either
    serve(page("/api/v2/tickets", "page[size]", "100", "page[after]", null),
        cursorPage("tickets", 1, 100, true, "c2", ticketsNext("c2")));
    serve(page("/api/v2/tickets.json", "page[size]", "100", "page[after]", "c2"),
        cursorPage("tickets", 101, 200, true, "c3", ticketsNext("c3")));
    serve(page("/api/v2/tickets.json", "page[size]", "100", "page[after]", "c3"),
        cursorPage("tickets", 201, 300, true, "c2", ticketsNext("c2")));

    List<TicketObject> seen = new ArrayList<>();
    assertThrows(PaginationException.class, () -> drain(allTickets(), seen));

    assertNoDuplicate(seen.stream().map(TicketObject::getId).toList());
    assertRequests(List.of(
        "GET /api/v2/tickets?page[size]=100",
        "GET /api/v2/tickets.json?page[after]=c2&page[size]=100",
        "GET /api/v2/tickets.json?page[after]=c3&page[size]=100"));
  }

  @Test
  void aNextPageEqualToTheCurrentUrlThrows() {
    String page2 = server.baseUrl() + "/api/v2/users/search.json?page=2&per_page=100&query=role%3Aagent";
    serve(page("/api/v2/users/search", "query", "role:agent", "page", null),
        "{" + items("users", 1, 100) + ",\"next_page\":\"" + page2 + "\",\"previous_page\":null,\"count\":300}");
    serve(page("/api/v2/users/search.json", "query", "role:agent", "page", "2"),
        "{" + items("users", 101, 200) + ",\"next_page\":\"" + page2 + "\",\"previous_page\":null,\"count\":300}");

    UsersApi api = client.api(UsersApi.class);
    List<UserObject> seen = new ArrayList<>();
    assertThrows(PaginationException.class, () -> drain(client.paginate(
        api.searchUsers(SearchUsersParams.builder().query("role:agent").build()),
        guarded(UsersResponse::getUsers)).pageSize(100), seen));

    assertNoDuplicate(seen.stream().map(UserObject::getId).toList());
    assertRequests(List.of(
        "GET /api/v2/users/search?per_page=100&query=role:agent",
        "GET /api/v2/users/search.json?page=2&per_page=100&query=role:agent"));
  }

  @Test
  void aTimeBasedExportWhoseStartTimeDoesNotAdvanceThrows() {
    String same = server.baseUrl() + "/api/v2/incremental/tickets.json?start_time=1700000500";
    serve(page("/api/v2/incremental/tickets", "start_time", "1700000000"),
        "{" + items("tickets", 1, 1000) + ",\"count\":1000,\"end_of_stream\":false,\"end_time\":1700000500,"
            + "\"next_page\":\"" + same + "\"}");
    serve(page("/api/v2/incremental/tickets.json", "start_time", "1700000500"),
        "{" + items("tickets", 1001, 2000) + ",\"count\":1000,\"end_of_stream\":false,\"end_time\":1700000500,"
            + "\"next_page\":\"" + same + "\"}");

    IncrementalExportApi api = client.api(IncrementalExportApi.class);
    assertThrows(PaginationException.class, () -> drain(client.paginate(api.incrementalTicketExportTime(1700000000L),
        guarded(TimeBasedExportIncrementalTicketsResponse::getTickets)), new ArrayList<>()));

    assertRequests(List.of(
        "GET /api/v2/incremental/tickets?start_time=1700000000",
        "GET /api/v2/incremental/tickets.json?start_time=1700000500"));
  }

  @Test
  void aCursorExportRepeatingItsAfterUrlThrows() {
    String after = server.baseUrl() + "/api/v2/incremental/tickets/cursor.json?cursor=Y3Vyc29yMg";
    String body = ",\"after_cursor\":\"Y3Vyc29yMg\",\"after_url\":\"" + after + "\",\"end_of_stream\":false}";
    serve(page("/api/v2/incremental/tickets/cursor", "start_time", "1700000000"),
        "{" + items("tickets", 1, 1000) + body);
    serve(page("/api/v2/incremental/tickets/cursor.json", "cursor", "Y3Vyc29yMg"),
        "{" + items("tickets", 1001, 2000) + body);

    IncrementalExportApi api = client.api(IncrementalExportApi.class);
    assertThrows(PaginationException.class,
        () -> drain(client.paginate(api.incrementalTicketExportCursor(IncrementalTicketExportCursorParams.builder()
            .startTime(1700000000L).build()),
        guarded(CursorBasedExportIncrementalTicketsResponse::getTickets)), new ArrayList<>()));

    assertRequests(List.of(
        "GET /api/v2/incremental/tickets/cursor?start_time=1700000000",
        "GET /api/v2/incremental/tickets/cursor.json?cursor=Y3Vyc29yMg"));
  }

  @Test
  void endOfStreamFalseWithoutAnyNextAddressThrows() {
    serve(page("/api/v2/incremental/tickets/cursor", "start_time", "1700000000"),
        "{" + items("tickets", 1, 10) + ",\"after_cursor\":null,\"after_url\":null,\"end_of_stream\":false}");

    IncrementalExportApi api = client.api(IncrementalExportApi.class);
    assertThrows(PaginationException.class,
        () -> drain(client.paginate(api.incrementalTicketExportCursor(IncrementalTicketExportCursorParams.builder()
            .startTime(1700000000L).build()),
        guarded(CursorBasedExportIncrementalTicketsResponse::getTickets)), new ArrayList<>()));

    assertRequests(List.of("GET /api/v2/incremental/tickets/cursor?start_time=1700000000"));
  }
}
