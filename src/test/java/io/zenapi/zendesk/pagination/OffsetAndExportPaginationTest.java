package io.zenapi.zendesk.pagination;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.zenapi.zendesk.generated.api.IncrementalExportApi;
import io.zenapi.zendesk.generated.api.IncrementalExportApi.IncrementalTicketExportCursorParams;
import io.zenapi.zendesk.generated.api.SearchApi;
import io.zenapi.zendesk.generated.api.TicketsApi;
import io.zenapi.zendesk.generated.api.UsersApi;
import io.zenapi.zendesk.generated.api.UsersApi.SearchUsersParams;
import io.zenapi.zendesk.generated.model.CursorBasedExportIncrementalTicketsResponse;
import io.zenapi.zendesk.generated.model.SearchExportResponse;
import io.zenapi.zendesk.search.SearchResult;
import io.zenapi.zendesk.generated.model.TicketObject;
import io.zenapi.zendesk.generated.model.TicketsResponse;
import io.zenapi.zendesk.generated.model.TimeBasedExportIncrementalTicketsResponse;
import io.zenapi.zendesk.generated.model.UserObject;
import io.zenapi.zendesk.generated.model.UsersResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Offset pagination (next_page), time- and cursor-based incremental exports and search export over WireMock. */
class OffsetAndExportPaginationTest extends PaginationWireMockSupport {

  private static String offsetPage(String key, long from, long to, String next, String previous, long count) {
    return "{" + items(key, from, to) + ",\"next_page\":" + quote(next) + ",\"previous_page\":" + quote(previous)
        + ",\"count\":" + count + "}";
  }

  @Test
  void offsetPaginationFollowsNextPageOnAnEndpointWithoutCursorSupport() {
    // users/search declares page and per_page but no page[size]: no cursor parameter may be added
    String base = server.baseUrl() + "/api/v2/users/search.json?page=";
    serve(page("/api/v2/users/search", "query", "role:agent", "per_page", "100", "page", null),
        offsetPage("users", 1, 100, base + "2&per_page=100&query=role%3Aagent", null, 250));
    serve(page("/api/v2/users/search.json", "query", "role:agent", "per_page", "100", "page", "2"),
        offsetPage("users", 101, 200, base + "3&per_page=100&query=role%3Aagent",
            base + "1&per_page=100&query=role%3Aagent", 250));
    serve(page("/api/v2/users/search.json", "query", "role:agent", "per_page", "100", "page", "3"),
        offsetPage("users", 201, 250, null, base + "2&per_page=100&query=role%3Aagent", 250));

    UsersApi api = client.api(UsersApi.class);
    List<Long> seen = client.paginate(api.searchUsers(SearchUsersParams.builder().query("role:agent").build()),
        UsersResponse::getUsers).pageSize(100).stream().map(UserObject::getId).toList();

    assertEquals(ids(1, 250), seen);
    assertRequests(List.of(
        "GET /api/v2/users/search?per_page=100&query=role:agent",
        "GET /api/v2/users/search.json?page=2&per_page=100&query=role:agent",
        "GET /api/v2/users/search.json?page=3&per_page=100&query=role:agent"));
  }

  @Test
  void anOffsetWalkResumedOnACursorCapableEndpointStaysOffset() {
    String base = server.baseUrl() + "/api/v2/tickets.json?page=";
    serve(page("/api/v2/tickets", "page", "1", "per_page", "100", "page[size]", null),
        offsetPage("tickets", 1, 100, base + "2&per_page=100", null, 230));
    serve(page("/api/v2/tickets.json", "page", "2", "per_page", "100", "page[size]", null),
        offsetPage("tickets", 101, 200, base + "3&per_page=100", base + "1&per_page=100", 230));
    serve(page("/api/v2/tickets.json", "page", "3", "per_page", "100", "page[size]", null),
        offsetPage("tickets", 201, 230, null, base + "2&per_page=100", 230));

    TicketsApi api = client.api(TicketsApi.class);
    List<Long> seen = client.paginate(api.listTickets(), TicketsResponse::getTickets)
        .resumeFrom(PagePosition.parse(server.baseUrl() + "/api/v2/tickets?page=1&per_page=100"))
        .stream().map(TicketObject::getId).toList();

    assertEquals(ids(1, 230), seen);
    assertRequests(List.of(
        "GET /api/v2/tickets?page=1&per_page=100",
        "GET /api/v2/tickets.json?page=2&per_page=100",
        "GET /api/v2/tickets.json?page=3&per_page=100"));
  }

  private static String timeBasedPage(long from, long to, boolean endOfStream, long endTime) {
    return "{" + items("tickets", from, to) + ",\"count\":" + (to - from + 1) + ",\"end_of_stream\":" + endOfStream
        + ",\"end_time\":" + endTime + ",\"next_page\":\"" + server.baseUrl()
        + "/api/v2/incremental/tickets.json?start_time=" + endTime + "\"}";
  }

  @Test
  void timeBasedIncrementalExportAdvancesStartTimeUntilEndOfStream() {
    serve(page("/api/v2/incremental/tickets", "start_time", "1700000000"),
        timeBasedPage(1, 1000, false, 1700000500));
    serve(page("/api/v2/incremental/tickets.json", "start_time", "1700000500"),
        timeBasedPage(1001, 2000, false, 1700000900));
    // the last page still names a next_page (Zendesk does): end_of_stream alone ends the export
    serve(page("/api/v2/incremental/tickets.json", "start_time", "1700000900"),
        timeBasedPage(2001, 2042, true, 1700000950));

    IncrementalExportApi api = client.api(IncrementalExportApi.class);
    List<Long> seen = client.paginate(api.incrementalTicketExportTime(1700000000L),
        TimeBasedExportIncrementalTicketsResponse::getTickets).stream().map(TicketObject::getId).toList();

    assertEquals(ids(1, 2042), seen);
    assertRequests(List.of(
        "GET /api/v2/incremental/tickets?start_time=1700000000",
        "GET /api/v2/incremental/tickets.json?start_time=1700000500",
        "GET /api/v2/incremental/tickets.json?start_time=1700000900"));
  }

  private static String cursorExportPage(long from, long to, String afterCursor, boolean endOfStream) {
    return "{" + items("tickets", from, to) + ",\"after_cursor\":" + quote(afterCursor) + ",\"after_url\":"
        + quote(afterCursor == null ? null
            : server.baseUrl() + "/api/v2/incremental/tickets/cursor.json?cursor=" + enc(afterCursor))
        + ",\"before_cursor\":null,\"before_url\":null,\"end_of_stream\":" + endOfStream + "}";
  }

  @Test
  void cursorBasedIncrementalExportFollowsAfterUrlUntilEndOfStream() {
    serve(page("/api/v2/incremental/tickets/cursor", "start_time", "1700000000", "cursor", null),
        cursorExportPage(1, 1000, "MTU3NjYxMzUzOS4wfHw0NTF8", false));
    serve(page("/api/v2/incremental/tickets/cursor.json", "cursor", "MTU3NjYxMzUzOS4wfHw0NTF8", "start_time", null),
        cursorExportPage(1001, 2000, "MTU3NjYxMzk5OS4wfHw5MDF8", false));
    // the last page still names an after_url: end_of_stream alone ends the export
    serve(page("/api/v2/incremental/tickets/cursor.json", "cursor", "MTU3NjYxMzk5OS4wfHw5MDF8", "start_time", null),
        cursorExportPage(2001, 2007, "MTU3NjYxNDAwMC4wfHw5MDh8", true));

    IncrementalExportApi api = client.api(IncrementalExportApi.class);
    List<Long> seen = client.paginate(api.incrementalTicketExportCursor(IncrementalTicketExportCursorParams.builder()
        .startTime(1700000000L).build()),
        CursorBasedExportIncrementalTicketsResponse::getTickets).stream().map(TicketObject::getId).toList();

    assertEquals(ids(1, 2007), seen);
    assertRequests(List.of(
        "GET /api/v2/incremental/tickets/cursor?start_time=1700000000",
        "GET /api/v2/incremental/tickets/cursor.json?cursor=MTU3NjYxMzUzOS4wfHw0NTF8",
        "GET /api/v2/incremental/tickets/cursor.json?cursor=MTU3NjYxMzk5OS4wfHw5MDF8"));
  }

  private static String searchExportPage(long from, long to, boolean hasMore, String after) {
    String next = server.baseUrl() + "/api/v2/search/export.json?filter%5Btype%5D=ticket&page%5Bafter%5D=" + after
        + "&page%5Bsize%5D=100&query=status%3Aopen";
    return "{\"results\":[" + String.join(",", ids(from, to).stream()
        .map(id -> "{\"id\":" + id + ",\"result_type\":\"ticket\",\"url\":\"" + server.baseUrl()
            + "/api/v2/tickets/" + id + ".json\"}").toList())
        + "],\"facets\":null,\"meta\":{\"has_more\":" + hasMore + ",\"after_cursor\":\"" + after
        + "\",\"before_cursor\":\"b" + from + "\"},\"links\":{\"next\":" + quote(hasMore ? next : null)
        + ",\"prev\":null}}";
  }

  @Test
  void searchExportFollowsLinksNextWhileHasMore() {
    serve(page("/api/v2/search/export", "query", "status:open", "filter[type]", "ticket", "page[size]", "100",
        "page[after]", null), searchExportPage(1, 100, true, "eyJmIjoxfQ"));
    serve(page("/api/v2/search/export.json", "query", "status:open", "filter[type]", "ticket", "page[size]", "100",
        "page[after]", "eyJmIjoxfQ"), searchExportPage(101, 200, true, "eyJmIjoyfQ"));
    serve(page("/api/v2/search/export.json", "query", "status:open", "filter[type]", "ticket", "page[size]", "100",
        "page[after]", "eyJmIjoyfQ"), searchExportPage(201, 233, false, "eyJmIjozfQ"));

    SearchApi api = client.api(SearchApi.class);
    List<SearchResult> seen = client.paginate(api.exportSearchResults("status:open", "ticket"),
        SearchExportResponse::getResults).stream().toList();

    assertEquals(ids(1, 233), seen.stream().map(r -> ((TicketObject) r).getId()).toList(), "each one a ticket");
    assertEquals(List.of("ticket"), seen.stream().map(SearchResult::resultType).distinct().toList());
    assertRequests(List.of(
        "GET /api/v2/search/export?filter[type]=ticket&page[size]=100&query=status:open",
        "GET /api/v2/search/export.json?filter[type]=ticket&page[after]=eyJmIjoxfQ&page[size]=100&query=status:open",
        "GET /api/v2/search/export.json?filter[type]=ticket&page[after]=eyJmIjoyfQ&page[size]=100"
            + "&query=status:open"));
  }
}
