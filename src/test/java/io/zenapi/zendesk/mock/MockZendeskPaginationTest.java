package io.zenapi.zendesk.mock;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.zenapi.zendesk.ZendeskClient;
import io.zenapi.zendesk.generated.api.IncrementalExportApi;
import io.zenapi.zendesk.generated.api.IncrementalExportApi.IncrementalTicketExportCursorParams;
import io.zenapi.zendesk.generated.api.SuspendedTicketsApi;
import io.zenapi.zendesk.generated.api.TicketSkipsApi;
import io.zenapi.zendesk.generated.api.TicketsApi;
import io.zenapi.zendesk.generated.model.CursorBasedExportIncrementalTicketsResponse;
import io.zenapi.zendesk.generated.model.SuspendedTicketObject;
import io.zenapi.zendesk.generated.model.SuspendedTicketsResponse;
import io.zenapi.zendesk.generated.model.TicketObject;
import io.zenapi.zendesk.generated.model.TicketSkipObject;
import io.zenapi.zendesk.generated.model.TicketSkipsResponse;
import io.zenapi.zendesk.generated.model.TicketsResponse;
import io.zenapi.zendesk.generated.model.TimeBasedExportIncrementalTicketsResponse;
import io.zenapi.zendesk.pagination.PagePosition;
import io.zenapi.zendesk.pagination.Paginated;
import com.google.gson.JsonObject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

// Covers the mock's lists: cursor and offset tickets, skips, suspended tickets, both incremental exports, follow-up.
class MockZendeskPaginationTest {
  private static final int TICKETS = 2_500;
  private static MockZendesk mock;
  private static ZendeskClient client;
  private static TicketsApi tickets;

  @BeforeAll
  static void start() {
    mock = MockZendesk.start(TICKETS);
    client = mock.client();
    tickets = client.api(TicketsApi.class);
  }

  @AfterAll
  static void stop() {
    client.close();
    mock.close();
  }

  @BeforeEach
  void reset() {
    mock.reset();
  }

  private static List<Long> allIds() {
    return LongStream.range(0, TICKETS).map(i -> TicketFactory.FIRST_ID + i).boxed().toList();
  }

  /** The GETs of a path, with or without the {@code .json} that the mock's links carry. */
  /** The address of an offset page of the tickets list, to start an offset walk there. */
  private static PagePosition offsetPage(int page, int perPage) {
    return offsetPage("api/v2/tickets", page, perPage);
  }

  /** The address of an offset page of a list, to start an offset walk there. */
  private static PagePosition offsetPage(String path, int page, int perPage) {
    return PagePosition.parse(client.baseUrl().resolve(path + "?page=" + page + "&per_page=" + perPage).toString());
  }

  /**
   * One GET with the query as given, pagination parameters included (the generated methods leave those to the
   * pagination engine), bound to {@code type}; any status but 200 fails the test.
   */
  private static <T> T get(String pathAndQuery, Class<T> type) {
    try (okhttp3.Response r = send(pathAndQuery)) {
      assertEquals(200, r.code(), pathAndQuery);
      return io.zenapi.zendesk.internal.Json.GSON.fromJson(r.body().charStream(), type);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The status of one GET with the query as given. */
  private static int status(String pathAndQuery) {
    try (okhttp3.Response r = send(pathAndQuery)) {
      return r.code();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static okhttp3.Response send(String pathAndQuery) throws java.io.IOException {
    return new okhttp3.OkHttpClient().newCall(new okhttp3.Request.Builder()
        .url(client.baseUrl().resolve(pathAndQuery.substring(1))).header("Authorization", "Bearer test").build())
        .execute();
  }

  private static List<LoggedRequest> requestsTo(String path) {
    return mock.wireMock().findAll(getRequestedFor(urlPathMatching(java.util.regex.Pattern.quote(path)
        + "(\\.json)?")));
  }

  private static String query(LoggedRequest r) {
    return URLDecoder.decode(r.getUrl(), StandardCharsets.UTF_8);
  }

  @Test
  void cursorPaginationReadsEveryTicketOnceInIdOrder() {
    List<Long> ids = client.paginate(tickets.listTickets(), TicketsResponse::getTickets).stream()
        .map(TicketObject::getId).toList();
    assertEquals(allIds(), ids);
    List<LoggedRequest> sent = requestsTo("/api/v2/tickets");
    assertEquals(25, sent.size(), "2,500 tickets at 100 a page");
    assertTrue(query(sent.get(0)).contains("page[size]=100"), query(sent.get(0)));
    assertFalse(query(sent.get(0)).contains("page[after]"), query(sent.get(0)));
    for (LoggedRequest r : sent.subList(1, sent.size())) {
      assertTrue(query(r).contains("page[after]="), "follows links.next: " + query(r));
    }
  }

  @Test
  void cursorPaginationWithAnOddPageSize() {
    List<Long> ids = client.paginate(tickets.listTickets(), TicketsResponse::getTickets).pageSize(37).stream()
        .map(TicketObject::getId).toList();
    assertEquals(allIds(), ids);
    assertEquals((TICKETS + 36) / 37, requestsTo("/api/v2/tickets").size());
  }

  @Test
  void cursorMetaLinksAndGoingBackWithPageBefore() {
    TicketsResponse first = get("/api/v2/tickets?page[size]=100", TicketsResponse.class);
    assertEquals(100, first.getTickets().size());
    assertTrue(first.getMeta().getHasMore());
    assertNotNull(first.getMeta().getAfterCursor());
    assertTrue(first.getLinks().getNext().contains("page%5Bafter%5D=" + first.getMeta().getAfterCursor()),
        first.getLinks().getNext());

    TicketsResponse second = get("/api/v2/tickets?page[size]=100&page[after]=" + first.getMeta().getAfterCursor(),
        TicketsResponse.class);
    assertEquals(TicketFactory.FIRST_ID + 100, second.getTickets().get(0).getId());
    assertEquals(TicketFactory.FIRST_ID + 199, second.getTickets().get(99).getId());
    assertTrue(second.getLinks().getPrev().contains("page%5Bbefore%5D=" + second.getMeta().getBeforeCursor()));

    TicketsResponse back = get("/api/v2/tickets?page[size]=100&page[before]=" + second.getMeta().getBeforeCursor(),
        TicketsResponse.class);
    assertEquals(first.getTickets().stream().map(TicketObject::getId).toList(),
        back.getTickets().stream().map(TicketObject::getId).toList(), "page[before] gives the previous page, in order");
    assertFalse(back.getMeta().getHasMore(), "nothing before the first page");

    TicketsResponse last = get("/api/v2/tickets?page[size]=100&page[after]="
        + Pages.encode(TicketFactory.FIRST_ID + TICKETS - 11), TicketsResponse.class);
    assertEquals(10, last.getTickets().size());
    assertFalse(last.getMeta().getHasMore());
    assertNull(last.getLinks().getNext());
  }

  @Test
  void aCursorThatIsNotTheServersIsABadRequest() {
    for (String bad : List.of("not-a-cursor!", "abc", Pages.encode(1).substring(2))) {
      assertEquals(400, status("/api/v2/tickets?page[size]=100&page[after]=" + bad), bad);
    }
  }

  @Test
  void offsetPaginationReadsEveryTicketOnce() {
    AtomicReference<TicketsResponse> firstPage = new AtomicReference<>();
    // the engine prefers cursors; an offset walk is resumed from an offset page's address
    List<Long> ids = client.paginate(tickets.listTickets(), (TicketsResponse r) -> {
          firstPage.compareAndSet(null, r);
          return r.getTickets();
        }).resumeFrom(offsetPage(1, 100)).stream().map(TicketObject::getId).toList();
    assertEquals(allIds(), ids);
    assertEquals(25, requestsTo("/api/v2/tickets").size());
    assertEquals(TICKETS, firstPage.get().getCount());
    assertNull(firstPage.get().getPreviousPage());
    assertTrue(firstPage.get().getNextPage().endsWith("per_page=100&page=2"), firstPage.get().getNextPage());
    requestsTo("/api/v2/tickets").forEach(r -> assertFalse(query(r).contains("page["), "offset stays offset"));
  }

  @Test
  void offsetPagesKnowTheirNeighbours() {
    TicketsResponse p3 = get("/api/v2/tickets?page=3&per_page=30", TicketsResponse.class);
    assertEquals(30, p3.getTickets().size());
    assertEquals(TicketFactory.FIRST_ID + 60, p3.getTickets().get(0).getId());
    assertTrue(p3.getPreviousPage().endsWith("per_page=30&page=2"), p3.getPreviousPage());
    assertTrue(p3.getNextPage().endsWith("per_page=30&page=4"), p3.getNextPage());
    assertEquals(TICKETS, p3.getCount());
    TicketsResponse lastPage = get("/api/v2/tickets?page=84&per_page=30", TicketsResponse.class);
    assertEquals(TICKETS - 83 * 30, lastPage.getTickets().size());
    assertNull(lastPage.getNextPage());
    List<Long> ids = client.paginate(tickets.listTickets(), TicketsResponse::getTickets).resumeFrom(offsetPage(1, 30))
        .stream().map(TicketObject::getId).toList();
    assertEquals(allIds(), ids);
    assertEquals(84, requestsTo("/api/v2/tickets").size() - 2);
  }

  @Test
  void skipsByUserByTicketAndAll() {
    TicketSkipsApi skips = client.api(TicketSkipsApi.class);
    List<TicketSkipObject> mine = client.paginate(skips.listTicketSkips(MockSkips.CURRENT_USER_ID),
        TicketSkipsResponse::getSkips).pageSize(40).stream().toList();
    assertEquals(250, mine.size());
    assertEquals(250, mine.stream().map(TicketSkipObject::getId).distinct().count());
    assertTrue(mine.stream().allMatch(s -> s.getUserId() == MockSkips.CURRENT_USER_ID));
    assertEquals(mine.stream().map(TicketSkipObject::getId).sorted().toList(),
        mine.stream().map(TicketSkipObject::getId).toList(), "in id order");
    assertEquals(7, requestsTo("/api/v2/users/" + MockSkips.CURRENT_USER_ID + "/skips").size(), "250 at 40 a page");
    assertNotNull(mine.get(0).getTicket(), "skips carry their ticket");
    assertEquals(mine.get(0).getTicketId(), mine.get(0).getTicket().getId());

    assertEquals(List.of(), client.paginate(skips.listTicketSkips(123L),
        TicketSkipsResponse::getSkips).stream().toList(), "another user skipped nothing");

    List<TicketSkipObject> aboutFirst = client.paginate(skips.listTicketSkipsByTicket(TicketFactory.FIRST_ID),
        TicketSkipsResponse::getSkips).stream().toList();
    assertEquals(1, aboutFirst.size());
    assertEquals(TicketFactory.FIRST_ID, aboutFirst.get(0).getTicketId());

    AtomicReference<Long> count = new AtomicReference<>();
    List<Long> all = client.paginate(skips.listSkips(), (TicketSkipsResponse r) -> {
          count.set(r.getCount());
          return r.getSkips();
        }).resumeFrom(offsetPage("api/v2/skips", 1, 100)).stream().map(TicketSkipObject::getId).toList();
    assertEquals(mine.stream().map(TicketSkipObject::getId).toList(), all, "offset style over all skips");
    assertEquals(250L, count.get());
    assertEquals(3, requestsTo("/api/v2/skips").size());
  }

  @Test
  void suspendedTicketsList() {
    SuspendedTicketsApi api = client.api(SuspendedTicketsApi.class);
    List<Long> ids = client.paginate(api.listSuspendedTickets(),
        SuspendedTicketsResponse::getSuspendedTickets).stream().map(SuspendedTicketObject::getId).toList();
    assertEquals(mock.suspendedTickets().count(), ids.size());
    assertEquals(120, ids.size());
    assertEquals(ids.stream().sorted().distinct().toList(), ids);
    assertEquals(2, requestsTo("/api/v2/suspended_tickets").size());
  }

  @Test
  void timeBasedExportReturnsEveryTicketOnceAndAFollowUpExportSeesLaterChanges() {
    IncrementalExportApi api = client.api(IncrementalExportApi.class);
    AtomicReference<TimeBasedExportIncrementalTicketsResponse> last = new AtomicReference<>();
    Paginated<TicketObject> export = client.paginate(api.incrementalTicketExportTime(0L),
        (TimeBasedExportIncrementalTicketsResponse r) -> {
          last.set(r);
          return r.getTickets();
        });
    List<TicketObject> first = export.stream().toList();
    assertEveryTicketOnceByUpdate(first);
    assertEquals(3, requestsTo("/api/v2/incremental/tickets").size(), "1,000 a page");
    assertTrue(last.get().getEndOfStream());
    long endTime = last.get().getEndTime();
    assertEquals(first.get(first.size() - 1).getUpdatedAt().toEpochSecond(), endTime);

    long changed = TicketFactory.FIRST_ID + 17;
    JsonObject fields = new JsonObject();
    fields.addProperty("priority", "urgent");
    mock.tickets().update(changed, fields);

    List<TicketObject> second = client.paginate(api.incrementalTicketExportTime(0L),
        TimeBasedExportIncrementalTicketsResponse::getTickets).resumeFrom(PagePosition.parse(last.get().getNextPage()))
        .stream().toList();
    assertTrue(second.stream().anyMatch(t -> t.getId() == changed && "urgent".equals(t.getPriority())),
        "the change made after the first export: " + second);
    assertTrue(second.size() <= 2, "only what changed at or after end_time: " + second.size());
    second.forEach(t -> assertTrue(t.getUpdatedAt().toEpochSecond() >= endTime));
  }

  @Test
  void cursorBasedExportReturnsEveryTicketOnceAndAFollowUpExportSeesLaterChanges() {
    IncrementalExportApi api = client.api(IncrementalExportApi.class);
    AtomicReference<CursorBasedExportIncrementalTicketsResponse> last = new AtomicReference<>();
    List<TicketObject> first = client.paginate(
        api.incrementalTicketExportCursor(IncrementalTicketExportCursorParams.builder().startTime(0L).build()),
        (CursorBasedExportIncrementalTicketsResponse r) -> {
          last.set(r);
          return r.getTickets();
        }).stream().toList();
    assertEveryTicketOnceByUpdate(first);
    List<LoggedRequest> sent = requestsTo("/api/v2/incremental/tickets/cursor");
    assertEquals(3, sent.size());
    assertTrue(query(sent.get(1)).contains("cursor="), "follows after_url: " + query(sent.get(1)));
    assertTrue(last.get().getEndOfStream());
    assertNotNull(last.get().getAfterUrl());

    long changed = TicketFactory.FIRST_ID + 1_234;
    JsonObject fields = new JsonObject();
    fields.addProperty("status", "solved");
    mock.tickets().update(changed, fields);

    AtomicReference<CursorBasedExportIncrementalTicketsResponse> last2 = new AtomicReference<>();
    List<TicketObject> second = client.paginate(
        api.incrementalTicketExportCursor(IncrementalTicketExportCursorParams.builder().startTime(0L).build()),
        (CursorBasedExportIncrementalTicketsResponse r) -> {
          last2.set(r);
          return r.getTickets();
        }).resumeFrom(PagePosition.parse(last.get().getAfterUrl())).stream().toList();
    assertEquals(List.of(changed), second.stream().map(TicketObject::getId).toList(),
        "after the first export's cursor: exactly the ticket changed since");
    assertEquals("solved", second.get(0).getStatus());

    CursorBasedExportIncrementalTicketsResponse nothingNew = get(
        "/api/v2/incremental/tickets/cursor?cursor=" + last2.get().getAfterCursor(),
        CursorBasedExportIncrementalTicketsResponse.class);
    assertEquals(List.of(), nothingNew.getTickets());
    assertTrue(nothingNew.getEndOfStream());
    assertNotNull(nothingNew.getAfterCursor(), "an empty page still says where to go on from");
  }

  @Test
  void aGarbledExportCursorIsABadRequest() {
    IncrementalExportApi api = client.api(IncrementalExportApi.class);
    for (String bad : List.of("abc", "@@@", java.util.Base64.getUrlEncoder().encodeToString("x".getBytes()))) {
      assertEquals(400, status("/api/v2/incremental/tickets/cursor?cursor=" + bad), bad);
    }
  }

  private static void assertEveryTicketOnceByUpdate(List<TicketObject> exported) {
    assertEquals(TICKETS, exported.size());
    Set<Long> seen = new HashSet<>();
    exported.forEach(t -> assertTrue(seen.add(t.getId()), "twice: " + t.getId()));
    assertEquals(new HashSet<>(allIds()), seen);
    List<OffsetDateTime> times = new ArrayList<>(exported.stream().map(TicketObject::getUpdatedAt).toList());
    List<OffsetDateTime> sorted = new ArrayList<>(times);
    sorted.sort(Comparator.naturalOrder());
    assertEquals(sorted, times, "by updated_at");
  }
}
