package io.zenapi.zendesk.mock;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.zenapi.zendesk.ZendeskClient;
import io.zenapi.zendesk.errors.BadRequestException;
import io.zenapi.zendesk.errors.JobFailedException;
import io.zenapi.zendesk.errors.NotFoundException;
import io.zenapi.zendesk.generated.api.JobStatusesApi;
import io.zenapi.zendesk.generated.api.TicketsApi;
import io.zenapi.zendesk.generated.api.TicketsApi.TicketsUpdateManyParams;
import io.zenapi.zendesk.generated.model.JobStatusObject;
import io.zenapi.zendesk.generated.model.TicketMergeInput;
import io.zenapi.zendesk.generated.model.TicketObject;
import io.zenapi.zendesk.generated.model.TicketsCreateRequest;
import io.zenapi.zendesk.generated.model.TicketsUpdateRequest;
import io.zenapi.zendesk.generated.model.TicketsUpdateRequestTicket;
import io.zenapi.zendesk.generated.model.TicketsUpdateRequestTicketsInner;
import io.zenapi.zendesk.jobs.WaitPolicy;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

// Covers mock jobs: update_many/create_many/destroy_many/merge queued→working→completed, failNext, awaitAll of 250.
class MockZendeskJobsTest {
  private static final long A = TicketFactory.FIRST_ID + 10;
  private static final long B = TicketFactory.FIRST_ID + 11;
  private static final WaitPolicy FAST = WaitPolicy.builder().initialDelay(Duration.ofMillis(10))
      .maxDelay(Duration.ofMillis(10)).timeout(Duration.ofSeconds(30)).build();

  private static MockZendesk mock;
  private static final List<Duration> waits = new CopyOnWriteArrayList<>();
  private static ZendeskClient client;
  private static TicketsApi tickets;
  private static JobStatusesApi statuses;

  @BeforeAll
  static void start() {
    mock = MockZendesk.start(500);
    client = mock.clientBuilder().sleeper(waits::add).build();
    tickets = client.api(TicketsApi.class);
    statuses = client.api(JobStatusesApi.class);
  }

  @AfterAll
  static void stop() {
    client.close();
    mock.close();
  }

  @BeforeEach
  void reset() {
    mock.reset();
    mock.jobs().pollsToComplete(3);
    waits.clear();
  }

  private static String status(long id, String field) {
    var e = mock.tickets().get(id).get(field);
    return e == null || e.isJsonNull() ? null : e.getAsString();
  }

  private static JobStatusObject poll(String id) {
    return client.execute(statuses.showJobStatus(id)).getJobStatus();
  }

  @Test
  void updateManyByIdsGoesQueuedWorkingCompletedAndAppliesOnlyAtTheEnd() {
    String before = status(A, "updated_at");
    JobStatusObject job = client.execute(tickets.ticketsUpdateMany(TicketsUpdateManyParams.builder().ids(A + "," + B)
        .build(),
        new TicketsUpdateRequest()
        .ticket(new TicketsUpdateRequestTicket().subject("Bulk").priority("urgent")))).getJobStatus();
    assertEquals("queued", job.getStatus());
    assertEquals(2L, job.getTotal());
    assertTrue(job.getUrl().endsWith("/api/v2/job_statuses/" + job.getId() + ".json"), job.getUrl());

    assertEquals("queued", poll(job.getId()).getStatus());
    assertEquals(before, status(A, "updated_at"), "nothing applied while queued");
    JobStatusObject working = poll(job.getId());
    assertEquals("working", working.getStatus());
    assertNotEquals("Bulk", status(B, "subject"));
    assertEquals(before, status(A, "updated_at"), "nothing applied while working");
    JobStatusObject done = poll(job.getId());
    assertEquals("completed", done.getStatus());
    assertEquals(2L, done.getProgress());
    for (long id : List.of(A, B)) {
      assertEquals("Bulk", status(id, "subject"));
      assertEquals("urgent", status(id, "priority"));
    }
    assertNotEquals(before, status(A, "updated_at"), "the update moved updated_at on");
    List<?> results = (List<?>) done.getResults();
    assertEquals(2, results.size());
    assertEquals("Updated", ((Map<?, ?>) results.get(0)).get("status"));
    assertEquals("completed", poll(job.getId()).getStatus(), "a completed job stays completed");
  }

  @Test
  void updateManyWithATicketsArrayAppliesEachChange() {
    mock.jobs().pollsToComplete(5);
    JobStatusObject job = client.execute(tickets.ticketsUpdateMany(new TicketsUpdateRequest().tickets(List.of(
        new TicketsUpdateRequestTicketsInner().id(A).priority("low"),
        new TicketsUpdateRequestTicketsInner().id(B).subject("Renamed"),
        new TicketsUpdateRequestTicketsInner().id(999L).status("open"))))).getJobStatus();
    List<String> seen = new ArrayList<>();
    JobStatusObject last = job;
    while (!"completed".equals(last.getStatus())) {
      assertFalse("Renamed".equals(status(B, "subject")), "applied before completion");
      last = poll(job.getId());
      seen.add(last.getStatus());
      assertTrue(seen.size() <= 5, "too many polls: " + seen);
    }
    assertEquals(List.of("queued", "working", "working", "working", "completed"), seen);
    assertEquals("low", status(A, "priority"));
    assertEquals("Renamed", status(B, "subject"));
    Map<?, ?> missing = (Map<?, ?>) ((List<?>) last.getResults()).get(2);
    assertEquals("Failed", missing.get("status"));
    assertEquals("TicketNotFound", missing.get("error"));
  }

  @Test
  void clientAwaitPollsUntilCompletedWithTheConfiguredPollCount() {
    mock.jobs().pollsToComplete(4);
    JobStatusObject job = client.execute(tickets.ticketsUpdateMany(TicketsUpdateManyParams.builder()
        .ids(Long.toString(A)).build(),
        new TicketsUpdateRequest()
        .ticket(new TicketsUpdateRequestTicket().status("pending")))).getJobStatus();
    JobStatusObject done = client.jobs().await(job, FAST);
    assertEquals("completed", done.getStatus());
    assertEquals("pending", status(A, "status"));
    assertEquals(4, mock.wireMock().findAll(getRequestedFor(urlPathMatching("/api/v2/job_statuses/.*"))).size());
    assertEquals(4, waits.size(), "one wait before each poll of a job a bulk call returned");
  }

  @Test
  void updateManyRejectsNoTicketsAndMoreThanAHundred() {
    assertThrows(BadRequestException.class,
        () -> client.execute(tickets.ticketsUpdateMany(new TicketsUpdateRequest())));
    String ids = LongStream.range(0, 101).mapToObj(i -> Long.toString(TicketFactory.FIRST_ID + i))
        .collect(Collectors.joining(","));
    assertThrows(BadRequestException.class,
        () -> client.execute(tickets.ticketsUpdateMany(TicketsUpdateManyParams.builder().ids(ids).build(),
        new TicketsUpdateRequest()
        .ticket(new TicketsUpdateRequestTicket().status("open")))));
    assertEquals(0, mock.jobs().started());
  }

  @Test
  void createManyAddsTicketsOnCompletion() {
    int before = mock.tickets().count();
    JobStatusObject job = client.execute(tickets.ticketsCreateMany(new TicketsCreateRequest().tickets(List.of(
        new TicketObject().subject("Printer on fire").priority("urgent"),
        new TicketObject().subject("Help").priority("normal"))))).getJobStatus();
    assertEquals(before, mock.tickets().count(), "created only on completion");
    JobStatusObject done = client.jobs().await(job.getId(), FAST);
    assertEquals(before + 2, mock.tickets().count());
    List<?> results = (List<?>) done.getResults();
    long firstNew = ((Number) ((Map<?, ?>) results.get(0)).get("id")).longValue();
    TicketObject created = client.execute(tickets.showTicket(firstNew)).getTicket();
    assertEquals("Printer on fire", created.getSubject());
    assertEquals("new", created.getStatus());
    assertTrue(firstNew > TicketFactory.FIRST_ID + before - 1, "new ids after the seeded ones");
  }

  @Test
  void destroyManyRemovesTicketsOnCompletion() {
    JobStatusObject job = client.execute(tickets.bulkDeleteTickets(A + "," + B)).getJobStatus();
    assertEquals(A, client.execute(tickets.showTicket(A)).getTicket().getId(),
        "still there before completion");
    client.jobs().await(job, FAST);
    assertNull(mock.tickets().get(A));
    assertNull(mock.tickets().get(B));
    assertThrows(NotFoundException.class, () -> client.execute(tickets.showTicket(A)));
    assertEquals(498, mock.tickets().count());
  }

  @Test
  void mergeClosesTheSourcesOnCompletion() {
    long target = TicketFactory.FIRST_ID;
    JobStatusObject job = client.execute(tickets.mergeTicketsIntoTargetTicket(target, new TicketMergeInput()
        .ids(List.of(A, B)).targetComment("Combining"))).getJobStatus();
    String before = status(A, "updated_at");
    poll(job.getId());
    poll(job.getId());
    assertEquals(before, status(A, "updated_at"), "not merged before completion");
    JobStatusObject done = client.jobs().await(job, FAST);
    assertEquals("closed", status(A, "status"));
    assertEquals("closed", status(B, "status"));
    assertEquals("Merged into " + target, ((Map<?, ?>) ((List<?>) done.getResults()).get(1)).get("status"));
  }

  @Test
  void failNextMakesTheNextJobFailWithAnItemErrorAndChangesNothing() {
    String before = status(A, "status") + status(A, "updated_at");
    mock.jobs().failNext(1);
    JobStatusObject job = client.execute(tickets.ticketsUpdateMany(TicketsUpdateManyParams.builder()
        .ids(Long.toString(A)).build(),
        new TicketsUpdateRequest()
        .ticket(new TicketsUpdateRequestTicket().subject("never")))).getJobStatus();
    JobFailedException e = assertThrows(JobFailedException.class, () -> client.jobs().await(job, FAST));
    assertEquals("failed", e.status().getStatus());
    assertEquals(job.getId(), e.status().getId());
    assertEquals(1, e.itemErrors().size());
    assertEquals("TicketUpdateFailed", e.itemErrors().get(0).get("error"));
    assertEquals(before, status(A, "status") + status(A, "updated_at"), "a failed job applies nothing");
    assertNotEquals("never", status(A, "subject"));

    JobStatusObject next = client.execute(tickets.ticketsUpdateMany(TicketsUpdateManyParams.builder()
        .ids(Long.toString(A)).build(),
        new TicketsUpdateRequest()
        .ticket(new TicketsUpdateRequestTicket().subject("now")))).getJobStatus();
    assertEquals("completed", client.jobs().await(next, FAST).getStatus(), "failNext(1) fails one job only");
    assertEquals("now", status(A, "subject"));
  }

  @Test
  void awaitAllOver250JobsUsesShowManyInBatchesOfAHundred() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      ids.add(client.execute(tickets.ticketsUpdateMany(TicketsUpdateManyParams.builder()
          .ids(Long.toString(TicketFactory.FIRST_ID + i)).build(),
        new TicketsUpdateRequest().ticket(
          new TicketsUpdateRequestTicket().priority("high"))))
          .getJobStatus().getId());
    }
    assertEquals(250, mock.jobs().started());
    List<JobStatusObject> done = client.jobs().awaitAll(ids, FAST);
    assertEquals(250, done.size());
    assertEquals(ids, done.stream().map(JobStatusObject::getId).toList(), "in the order given");
    assertTrue(done.stream().allMatch(s -> "completed".equals(s.getStatus())));
    for (int i = 0; i < 250; i++) {
      assertEquals("high", status(TicketFactory.FIRST_ID + i, "priority"));
    }
    List<LoggedRequest> polls = mock.wireMock().findAll(getRequestedFor(urlPathMatching(
        "/api/v2/job_statuses/show_many(\\.json)?")));
    assertEquals(9, polls.size(), "3 rounds (queued, working, completed) of 3 requests");
    for (LoggedRequest r : polls) {
      String q = URLDecoder.decode(r.queryParameter("ids").firstValue(), StandardCharsets.UTF_8);
      assertTrue(q.split(",").length <= 100, "at most 100 ids a request");
    }
    assertEquals(2, waits.size(), "a wait between rounds");
  }
}
