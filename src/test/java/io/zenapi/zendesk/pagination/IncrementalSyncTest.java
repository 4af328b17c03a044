package io.zenapi.zendesk.pagination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zenapi.zendesk.generated.api.IncrementalExportApi;
import io.zenapi.zendesk.generated.model.TicketObject;
import io.zenapi.zendesk.generated.model.TimeBasedExportIncrementalTicketsResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The time-based incremental ticket export as Zendesk serves it: pages of up to 1,000 by generated_timestamp,
 * {@code end_time} the stamp of a page's last ticket, and the next page starting at {@code end_time} inclusive, so
 * the tickets stamped exactly then come again. The walk gives each ticket once, and the last page's position,
 * saved and resumed later (in a new client), reads only what changed since.
 */
class IncrementalSyncTest extends PaginationWireMockSupport {
  private static final int PAGE = 1000;
  private static final String PATH = "/api/v2/incremental/tickets";

  /** ticket id → generated_timestamp: the "account" the stubs serve. */
  private final Map<Long, Long> stamps = new TreeMap<>();

  /** Stubs one page per start_time the walk can ask for, as Zendesk would answer it. */
  private void serveExport() {
    server.resetMappings();
    List<Map.Entry<Long, Long>> byStamp = stamps.entrySet().stream()
        .sorted(Comparator.comparing(Map.Entry<Long, Long>::getValue).thenComparing(Map.Entry::getKey)).toList();
    List<Long> starts = new ArrayList<>(List.of(0L));
    starts.addAll(byStamp.stream().map(Map.Entry::getValue).distinct().toList());
    for (long start : starts) {
      List<Map.Entry<Long, Long>> from = byStamp.stream().filter(e -> e.getValue() >= start).toList();
      List<Map.Entry<Long, Long>> page = from.subList(0, Math.min(PAGE, from.size()));
      long endTime = page.isEmpty() ? start : page.get(page.size() - 1).getValue();
      boolean end = from.size() <= PAGE;
      String tickets = page.stream().map(e -> "{\"id\":" + e.getKey() + ",\"generated_timestamp\":" + e.getValue()
          + ",\"subject\":\"Ticket " + e.getKey() + "\"}").collect(Collectors.joining(","));
      String body = "{\"tickets\":[" + tickets + "],\"count\":" + page.size() + ",\"end_time\":" + endTime
          + ",\"end_of_stream\":" + end + ",\"next_page\":\"" + server.baseUrl() + PATH + ".json?start_time="
          + endTime + "\"}";
      serve(page(PATH, "start_time", Long.toString(start)), body);          // the first request
      serve(page(PATH + ".json", "start_time", Long.toString(start)), body); // next_page links
    }
  }

  private Paginated<TicketObject> export(long since) {
    return client.paginate(client.api(IncrementalExportApi.class).incrementalTicketExportTime(since),
        TimeBasedExportIncrementalTicketsResponse::getTickets);
  }

  @Test
  void boundaryRepeatsAreDroppedAndEveryTicketArrivesOnce() {
    for (long id = 1; id <= 2_500; id++) {
      stamps.put(id, 1_000 + id / 3); // three tickets a second: every page boundary splits a second
    }
    serveExport();

    List<Long> seen = export(0).stream().map(TicketObject::getId).toList();

    assertEquals(ids(1, 2_500), seen, "2,500 distinct tickets, in order");
    assertEquals(3, requests().size(), "three pages: " + requestLines());
    assertTrue(requestLines().get(1).contains("start_time=1333"), "the next page starts at end_time: "
        + requestLines());
  }

  @Test
  void aSyncLoopOfThreeRoundsSeesOnlyNewChangesEachRound() {
    for (long id = 1; id <= 1_500; id++) {
      stamps.put(id, 1_000 + id / 3);
    }
    serveExport();

    // round 1: everything, then the position after the last page
    PagePosition saved = null;
    List<Long> round1 = new ArrayList<>();
    for (Page<TicketObject> page : export(0).pages()) {
      page.items().forEach(t -> round1.add(t.getId()));
      saved = page.next().orElseThrow(() -> new AssertionError("every export page says where to go on"));
    }
    assertEquals(ids(1, 1_500), round1);
    assertTrue(saved.url().contains("start_time=1500") && saved.url().contains("#seen=1500:"), saved.url());

    // round 2, in a new client: ticket 7 changed, ticket 1501 is new
    stamps.put(7L, 2_000L);
    stamps.put(1_501L, 2_001L);
    serveExport();
    server.resetRequests();
    List<Long> round2 = new ArrayList<>();
    PagePosition saved2 = null;
    try (var other = clientWith(io.zenapi.zendesk.transport.RetryPolicy.defaults())) {
      var again = other.paginate(other.api(IncrementalExportApi.class).incrementalTicketExportTime(0L),
          TimeBasedExportIncrementalTicketsResponse::getTickets).resumeFrom(PagePosition.parse(saved.toString()));
      for (Page<TicketObject> page : again.pages()) {
        page.items().forEach(t -> round2.add(t.getId()));
        saved2 = page.next().orElseThrow();
      }
    }
    assertEquals(List.of(7L, 1_501L), round2, "only the changes: the boundary tickets of round 1 are not re-read");
    assertEquals(1, requests().size());
    assertTrue(requestLines().get(0).contains("start_time=1500"), requestLines().toString());

    // round 3: nothing changed
    server.resetRequests();
    List<Long> round3 = export(0).resumeFrom(saved2).stream().map(TicketObject::getId).toList();
    assertEquals(List.of(), round3, "nothing new, nothing repeated");
    assertEquals(1, requests().size());
  }

  @Test
  void anExportsPageSizeIsSentOnEveryRequestAndBoundedByZendesksLimit() {
    for (long id = 1; id <= 2_500; id++) {
      stamps.put(id, 1_000 + id / 3);
    }
    serveExport(); // stubs match on start_time only: per_page is checked in the request log

    Paginated<TicketObject> export = export(0);
    List<Long> seen = export.pageSize(1000).stream().map(TicketObject::getId).toList();

    assertEquals(ids(1, 2_500), seen);
    assertEquals(3, requests().size());
    assertTrue(requestLines().stream().allMatch(l -> l.contains("per_page=1000")),
        "on the first request and on the next_page links, which leave it out: " + requestLines());
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> export.pageSize(1001));
    assertEquals("page size of incrementalTicketExportTime must be between 1 and 1000, was 1001", e.getMessage());
  }
}
