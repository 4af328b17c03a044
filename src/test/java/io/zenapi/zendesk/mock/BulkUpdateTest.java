package io.zenapi.zendesk.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.zenapi.zendesk.ZendeskClient;
import io.zenapi.zendesk.errors.BulkWriteFailedException;
import io.zenapi.zendesk.generated.model.JobResult;
import io.zenapi.zendesk.generated.model.TicketObject;
import io.zenapi.zendesk.generated.model.TicketsUpdateRequestTicket;
import io.zenapi.zendesk.jobs.BulkResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

// tickets().updateMany, createMany, destroyMany: any number of items in jobs of 100, awaited together, every item's
// result typed, and failed items impossible to overlook.
class BulkUpdateTest {
  private static MockZendesk mock;
  private static ZendeskClient client;

  @BeforeAll
  static void start() {
    mock = MockZendesk.start(400);
    client = mock.client();
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

  private static List<ServeEvent> requests(String method, String path) {
    List<ServeEvent> out = new ArrayList<>(mock.wireMock().getAllServeEvents().stream()
        .filter(e -> e.getRequest().getMethod().getName().equals(method)
            && e.getRequest().getUrl().startsWith(path)).toList());
    java.util.Collections.reverse(out); // oldest first
    return out;
  }

  @Test
  void threeHundredIdsAreThreeJobsAwaitedTogetherWithEveryItemTyped() {
    List<Long> ids = mock.tickets().ids().stream().limit(300).toList();

    BulkResult result = client.tickets().updateMany(ids, new TicketsUpdateRequestTicket().priority("high"));

    assertEquals(3, result.jobs().size());
    assertEquals(300, result.items().size());
    assertEquals(ids, result.items().stream().map(JobResult::getId).toList(), "every item, in order");
    assertEquals(List.of(), result.failures());
    List<ServeEvent> puts = requests("PUT", "/api/v2/tickets/update_many");
    assertEquals(3, puts.size());
    for (int j = 0; j < 3; j++) {
      String sent = java.net.URLDecoder.decode(puts.get(j).getRequest().getUrl(), java.nio.charset.StandardCharsets.UTF_8);
      List<Long> batch = ids.subList(j * 100, j * 100 + 100);
      assertTrue(sent.endsWith("ids=" + batch.stream().map(String::valueOf)
          .collect(java.util.stream.Collectors.joining(","))), sent);
      assertEquals("{\"ticket\":{\"priority\":\"high\"}}", puts.get(j).getRequest().getBodyAsString());
    }
    assertTrue(requests("GET", "/api/v2/job_statuses/show_many").size() >= 1, "awaited through show_many");
    assertEquals(0, requests("GET", "/api/v2/job_statuses/").stream()
        .filter(e -> !e.getRequest().getUrl().contains("show_many")).count(), "never one job at a time");
    assertEquals("high", mock.tickets().get(ids.get(299)).get("priority").getAsString());
  }

  @Test
  void aFailedItemFailsTheCallAndTheResultStillHoldsEveryItem() {
    List<Long> ids = new ArrayList<>(mock.tickets().ids().stream().limit(150).toList());
    ids.add(999_999L); // no such ticket

    BulkWriteFailedException e = assertThrows(BulkWriteFailedException.class,
        () -> client.tickets().updateMany(ids, new TicketsUpdateRequestTicket().status("pending")));

    assertEquals(2, e.result().jobs().size());
    assertEquals(151, e.result().items().size());
    assertEquals(List.of(999_999L), e.result().failures().stream().map(JobResult::getId).toList());
    assertTrue(e.getMessage().startsWith("1 of 151 items failed in 2 job(s); first: id 999999"), e.getMessage());
  }

  @Test
  void twoHundredAndFiftyNewTicketsAreThreeCreateManyJobsWithEveryNewIdInOrder() {
    int before = mock.tickets().count();
    List<TicketObject> fresh = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      fresh.add(new TicketObject().subject("Imported " + i));
    }

    BulkResult result = client.tickets().createMany(fresh);

    assertEquals(3, result.jobs().size());
    assertEquals(250, result.items().size());
    assertEquals(List.of(), result.failures());
    assertEquals(before + 250, mock.tickets().count(), "each ticket created once");
    List<ServeEvent> posts = requests("POST", "/api/v2/tickets/create_many");
    assertEquals(List.of(100, 100, 50), posts.stream().map(e -> com.google.gson.JsonParser.parseString(
        e.getRequest().getBodyAsString()).getAsJsonObject().getAsJsonArray("tickets").size()).toList());
    assertTrue(posts.get(2).getRequest().getBodyAsString().startsWith("{\"tickets\":[{\"subject\":\"Imported 200\"}"),
        "the last batch starts with the 201st ticket");
    long firstNew = result.items().get(0).getId();
    assertEquals("Imported 0", mock.tickets().get(firstNew).get("subject").getAsString());
    assertEquals("Imported 249", mock.tickets().get(result.items().get(249).getId()).get("subject").getAsString());
    assertTrue(requests("GET", "/api/v2/job_statuses/show_many").size() >= 1, "awaited through show_many");
  }

  @Test
  void destroyManySplitsTheIdsAndAMissingTicketFailsTheCall() {
    List<Long> ids = new ArrayList<>(mock.tickets().ids().stream().limit(120).toList());
    BulkResult result = client.tickets().destroyMany(ids);

    assertEquals(2, result.jobs().size());
    assertEquals(ids, result.items().stream().map(JobResult::getId).toList());
    assertEquals(null, mock.tickets().get(ids.get(119)), "deleted");
    List<ServeEvent> deletes = requests("DELETE", "/api/v2/tickets/destroy_many");
    assertEquals(2, deletes.size());
    assertTrue(java.net.URLDecoder.decode(deletes.get(1).getRequest().getUrl(), java.nio.charset.StandardCharsets.UTF_8)
        .endsWith("ids=" + ids.subList(100, 120).stream().map(String::valueOf)
            .collect(java.util.stream.Collectors.joining(","))));

    BulkWriteFailedException e = assertThrows(BulkWriteFailedException.class,
        () -> client.tickets().destroyMany(List.of(ids.get(0))));
    assertEquals(List.of(ids.get(0)), e.result().failures().stream().map(JobResult::getId).toList(),
        "already gone: the item failed, and the call says so");
  }

  @Test
  void badInputIsRefusedBeforeAnyRequest() {
    assertThrows(IllegalArgumentException.class, () -> client.tickets().createMany(List.of()));
    assertThrows(IllegalArgumentException.class, () -> client.tickets().createMany(null));
    assertThrows(IllegalArgumentException.class, () -> client.tickets().createMany(
        java.util.Arrays.asList(new TicketObject(), null)));
    assertThrows(IllegalArgumentException.class, () -> client.tickets().destroyMany(List.of()));
    assertThrows(IllegalArgumentException.class, () -> client.tickets().destroyMany(List.of(0L)));
    assertThrows(IllegalArgumentException.class, () -> client.tickets().updateMany(List.of(),
        new TicketsUpdateRequestTicket()));
    assertThrows(IllegalArgumentException.class, () -> client.tickets().updateMany(List.of(1L, -2L),
        new TicketsUpdateRequestTicket()));
    assertThrows(IllegalArgumentException.class, () -> client.tickets().updateMany(List.of(1L), null));
    assertThrows(IllegalArgumentException.class, () -> client.tickets().updateMany(java.util.Arrays.asList(1L, null),
        new TicketsUpdateRequestTicket()));
    assertEquals(0, mock.wireMock().getAllServeEvents().size());
  }
}
