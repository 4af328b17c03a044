package io.zenapi.zendesk.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.zenapi.zendesk.ZendeskClient;
import io.zenapi.zendesk.generated.api.JobStatusesApi;
import io.zenapi.zendesk.generated.api.SuspendedTicketsApi;
import io.zenapi.zendesk.generated.api.TicketsApi;
import io.zenapi.zendesk.generated.api.TicketsApi.TicketsUpdateManyParams;
import io.zenapi.zendesk.generated.model.JobStatusObject;
import io.zenapi.zendesk.generated.model.TicketObject;
import io.zenapi.zendesk.generated.model.TicketsResponse;
import io.zenapi.zendesk.generated.model.TicketsUpdateRequest;
import io.zenapi.zendesk.generated.model.TicketsUpdateRequestTicket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

// Covers the mock's state: reset() restores everything, the JUnit extension, concurrent writers, garbled requests.
@ExtendWith(MockZendeskExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MockZendeskStateTest {
  private static final long ID = TicketFactory.FIRST_ID + 3;
  private static MockZendesk firstSeen;

  @Test
  @Order(1)
  void theExtensionInjectsAResetMockAndThisTestDirtiesIt(MockZendesk mock) {
    firstSeen = mock;
    assertEquals(2_000, mock.tickets().count(), "the extension starts 2,000 tickets");
    assertEquals(0, mock.requestCount());
    JsonObject change = new JsonObject();
    change.addProperty("subject", "dirty");
    mock.tickets().update(ID, change);
    mock.faults().unavailable(3);
    mock.jobs().pollsToComplete(9).failNext(2);
  }

  @Test
  @Order(2)
  void theNextTestGetsTheSameMockReset(MockZendesk mock) {
    assertSame(firstSeen, mock, "one mock per class");
    assertNotEquals("dirty", mock.tickets().get(ID).get("subject").getAsString());
    try (ZendeskClient client = mock.clientBuilder().sleeper(d -> { }).build()) {
      TicketsApi tickets = client.api(TicketsApi.class);
      assertEquals(ID, client.execute(tickets.showTicket(ID)).getTicket().getId());
      assertEquals(1, mock.requestCount(), "no fault left over from the previous test");
      JobStatusObject job = client.execute(tickets.ticketsUpdateMany(TicketsUpdateManyParams.builder()
          .ids(Long.toString(ID)).build(),
        new TicketsUpdateRequest().ticket(
          new TicketsUpdateRequestTicket().priority("low")))).getJobStatus();
      JobStatusesApi statuses = client.api(JobStatusesApi.class);
      List<String> seen = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        seen.add(client.execute(statuses.showJobStatus(job.getId())).getJobStatus().getStatus());
      }
      assertEquals(List.of("queued", "working", "completed"), seen,
          "pollsToComplete and failNext of the previous test are gone");
    }
  }

  @Test
  @Order(3)
  void resetPutsEverythingBack(MockZendesk mock) {
    JsonObject before = mock.tickets().get(ID);
    int skips = mock.skips().count();
    int suspended = mock.suspendedTickets().count();
    try (ZendeskClient client = mock.clientBuilder().sleeper(d -> { }).build()) {
      client.tickets().safeUpdate(ID, (current, changes) -> changes.subject("changed"));
      client.execute(client.api(SuspendedTicketsApi.class).deleteSuspendedTicket(Long.valueOf(
          500_000_000_000L)));
      client.execute(client.api(TicketsApi.class).ticketsUpdateMany(TicketsUpdateManyParams.builder()
          .ids(Long.toString(ID)).build(),
        new TicketsUpdateRequest().ticket(
          new TicketsUpdateRequestTicket().priority("low"))));
      mock.faults().rateLimit(1, Duration.ofSeconds(1));
      client.execute(client.api(TicketsApi.class).countTickets());
    }
    assertEquals(suspended - 1, mock.suspendedTickets().count());
    assertEquals(1, mock.jobs().started());
    assertEquals(1, mock.faults().injected());

    mock.reset();
    assertEquals(before, mock.tickets().get(ID));
    assertEquals(2_000, mock.tickets().count());
    assertEquals(skips, mock.skips().count());
    assertEquals(suspended, mock.suspendedTickets().count());
    assertEquals(0, mock.jobs().started());
    assertEquals(0, mock.faults().injected());
    assertEquals(0, mock.requestCount());
  }

  @Test
  @Order(4)
  void concurrentSafeUpdatesLoseNoWrite(MockZendesk mock) throws Exception {
    int writers = 4;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try (ZendeskClient client = mock.client()) {
      List<Future<TicketObject>> done = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        String mark = "w" + w;
        done.add(pool.submit(() -> client.tickets().safeUpdate(ID, (current, changes) ->
            changes.subject(current.getSubject() + " " + mark))));
      }
      for (Future<TicketObject> f : done) {
        f.get();
      }
      String subject = mock.tickets().get(ID).get("subject").getAsString();
      for (int w = 0; w < writers; w++) {
        assertTrue(subject.contains(" w" + w), "every writer's mark survives: " + subject);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @Order(5)
  void argumentsAreChecked(MockZendesk mock) {
    assertThrows(IllegalArgumentException.class, () -> MockZendesk.start(-1));
    assertThrows(IllegalArgumentException.class, () -> mock.tickets().update(42L, new JsonObject()));
    assertThrows(IllegalArgumentException.class, () -> mock.jobs().pollsToComplete(0));
    assertNull(mock.tickets().get(42L));
    JsonObject copy = mock.tickets().get(ID);
    copy.addProperty("subject", "only in the copy");
    assertNotEquals("only in the copy", mock.tickets().get(ID).get("subject").getAsString(), "get() is a copy");
  }

  @Test
  @Order(6)
  void aGarbledRequestIs400NotAMockCrash(MockZendesk mock) throws Exception {
    okhttp3.OkHttpClient plain = new okhttp3.OkHttpClient();
    okhttp3.MediaType json = okhttp3.MediaType.get("application/json");
    JsonObject before = mock.tickets().get(ID);
    for (String body : List.of("not json", "{\"ticket\": 5}", "{\"ticket\": {\"safe_update\": true,"
        + " \"updated_stamp\": \"yesterday\"}}")) {
      okhttp3.Request put = new okhttp3.Request.Builder().url(mock.baseUrl() + "/api/v2/tickets/" + ID + ".json")
          .header("Authorization", "Bearer x").put(okhttp3.RequestBody.create(body, json)).build();
      try (okhttp3.Response r = plain.newCall(put).execute()) {
        assertEquals(400, r.code(), body);
        assertTrue(r.body().string().contains("InvalidValue"), body);
      }
    }
    assertEquals(before, mock.tickets().get(ID), "nothing changed");
    plain.dispatcher().executorService().shutdown();
    plain.connectionPool().evictAll();
  }

  @Test
  @Order(7)
  void anEmptyMockListsNothing() {
    try (MockZendesk empty = MockZendesk.start(0); ZendeskClient client = empty.client()) {
      TicketsApi api = client.api(TicketsApi.class);
      assertEquals(List.of(), client.paginate(api.listTickets(), TicketsResponse::getTickets).stream().toList());
      assertEquals(1, empty.requestCount());
      assertEquals(0L, client.execute(api.countTickets()).getCount().getValue());
    }
  }
}
