package io.zenapi.zendesk.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import io.zenapi.zendesk.ZendeskClient;
import io.zenapi.zendesk.errors.ConflictException;
import io.zenapi.zendesk.errors.WriteOutcomeUnknownException;
import io.zenapi.zendesk.generated.api.TagsApi;
import io.zenapi.zendesk.generated.api.TicketsApi;
import io.zenapi.zendesk.generated.model.PutTagsTicketRequest;
import io.zenapi.zendesk.generated.model.TicketCommentObject;
import io.zenapi.zendesk.generated.model.TicketObject;
import io.zenapi.zendesk.generated.model.TicketUpdateRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The write that landed but whose answer was lost (the mock applies it, then resets the connection): every
 * non-idempotent write is applied once, counted in the mock's data, and the caller gets a
 * {@link WriteOutcomeUnknownException} carrying what it needs to check.
 */
class NoWriteAppliedTwiceTest {
  private static final long ID = TicketFactory.FIRST_ID + 3;
  private static final String PATH = "/api/v2/tickets/" + ID;

  private static MockZendesk mock;
  private static final List<Duration> waits = new CopyOnWriteArrayList<>();
  private static ZendeskClient client;
  private static TicketsApi tickets;

  @BeforeAll
  static void start() {
    mock = MockZendesk.start(20);
    client = mock.clientBuilder().sleeper(waits::add).build();
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
    waits.clear();
  }

  /** Method, path and body of every request the mock received, oldest first. */
  private static List<String> received() {
    List<String> out = new ArrayList<>();
    for (ServeEvent e : mock.wireMock().getAllServeEvents()) {
      String body = e.getRequest().getBodyAsString();
      out.add(e.getRequest().getMethod() + " " + e.getRequest().getUrl() + (body.isEmpty() ? "" : " " + body));
    }
    Collections.reverse(out);
    return out;
  }

  private static TicketUpdateRequest comment(String text) {
    return new TicketUpdateRequest().ticket(new TicketObject().comment(new TicketCommentObject().body(text)));
  }

  private static List<String> commentBodies() {
    return mock.tickets().comments(ID).stream().map(c -> c.get("body").getAsString()).toList();
  }

  @Test
  void aCommentIsAddedOnceAndTheCallerLearnsTheOutcomeIsUnknown() {
    mock.faults().connectionResetAfterApplying(1);

    WriteOutcomeUnknownException e = assertThrows(WriteOutcomeUnknownException.class,
        () -> client.execute(tickets.updateTicket(ID, comment("Refund sent"))));

    assertEquals(List.of("Refund sent"), commentBodies(), "applied once");
    assertEquals(List.of("PUT " + PATH + " {\"ticket\":{\"comment\":{\"body\":\"Refund sent\"}}}"), received());
    assertEquals(List.of(), waits);
    assertEquals("PUT", e.method());
    assertEquals(mock.baseUrl() + PATH, e.url());
    assertEquals("updateTicket", e.operation().orElseThrow());
    assertEquals("{\"ticket\":{\"comment\":{\"body\":\"Refund sent\"}}}", e.body().orElseThrow());
    assertTrue(e.idempotencyKey().isEmpty());
    assertTrue(e.getMessage().contains("outcome unknown: PUT " + PATH) && e.getMessage().contains("ticket.comment"),
        e.getMessage());
    assertFalse(e.getMessage().contains("Refund sent"), "the message never quotes the body");
  }

  @Test
  void aChangeWithoutACommentIsStillSentAgainBecauseApplyingItTwiceIsHarmless() {
    mock.faults().connectionResetAfterApplying(1);

    TicketObject t = client.execute(tickets.updateTicket(ID, new TicketUpdateRequest()
        .ticket(new TicketObject().status("solved")))).getTicket();

    assertEquals("solved", t.getStatus());
    String put = "PUT " + PATH + " {\"ticket\":{\"status\":\"solved\"}}";
    assertEquals(List.of(put, put), received());
    assertEquals(1, waits.size());
  }

  @Test
  void aSafeUpdateWithACommentRunsItsChangeOnceAndAddsTheCommentOnce() {
    mock.faults().connectionResetAfterApplying(1);
    AtomicInteger runs = new AtomicInteger();

    assertThrows(WriteOutcomeUnknownException.class, () -> client.tickets().safeUpdate(ID, (current, change) -> {
      runs.incrementAndGet();
      change.comment(new TicketCommentObject().body("Escalated"));
    }));

    assertEquals(1, runs.get(), "the change function ran once");
    assertEquals(List.of("Escalated"), commentBodies());
    List<String> seen = received();
    assertEquals(2, seen.size(), seen.toString());
    assertEquals("GET " + PATH, seen.get(0));
    assertTrue(seen.get(1).startsWith("PUT " + PATH + " {\"ticket\":{\"comment\":{\"body\":\"Escalated\"},"
        + "\"safe_update\":true,\"updated_stamp\":"), seen.get(1));
  }

  @Test
  void aSafeUpdateWithoutACommentIsSentAgainWithTheSameStampAndItsConflictMeansUnknown() {
    mock.faults().connectionResetAfterApplying(1);
    AtomicInteger runs = new AtomicInteger();

    WriteOutcomeUnknownException e = assertThrows(WriteOutcomeUnknownException.class,
        () -> client.tickets().safeUpdate(ID, (current, change) -> {
          runs.incrementAndGet();
          change.priority("urgent");
        }));

    assertEquals(1, runs.get(), "the change function ran once");
    assertEquals("urgent", mock.tickets().get(ID).get("priority").getAsString(), "the first copy landed");
    List<String> seen = received();
    assertEquals(3, seen.size(), seen.toString());
    assertEquals("GET " + PATH, seen.get(0));
    assertEquals(seen.get(1), seen.get(2), "the same write, the same stamp");
    assertInstanceOf(ConflictException.class, e.getCause(), "the stamp refused the second copy");
    assertTrue(e.getMessage().contains("was sent again after SocketException"), e.getMessage());
    assertEquals(1, waits.size(), "sent again by the transport, after its backoff");
  }

  @Test
  void addingTagsIsNotSentTwice() {
    mock.faults().connectionResetAfterApplying(1);
    TagsApi tags = client.api(TagsApi.class);

    WriteOutcomeUnknownException e = assertThrows(WriteOutcomeUnknownException.class, () -> client.execute(
        tags.putTagsTicket(ID, new PutTagsTicketRequest().tags(List.of("vip")))));

    assertEquals(List.of("PUT " + PATH + "/tags {\"tags\":[\"vip\"]}"), received());
    assertEquals(1, count(mock.tickets().get(ID).getAsJsonArray("tags"), "vip"));
    assertTrue(e.getMessage().contains("adds tags"), e.getMessage());
  }

  @Test
  void aSafeTagAddRunsItsFunctionOnce() {
    mock.faults().connectionResetAfterApplying(1);
    AtomicInteger runs = new AtomicInteger();

    assertThrows(WriteOutcomeUnknownException.class, () -> client.tickets().safeAddTags(ID, current -> {
      runs.incrementAndGet();
      return List.of("vip");
    }));

    assertEquals(1, runs.get());
    List<String> seen = received();
    assertEquals(List.of("GET " + PATH, "PUT " + PATH + "/tags"), seen.stream()
        .map(s -> s.split(" ")[0] + " " + s.split(" ")[1]).toList());
  }

  private static int count(JsonArray array, String value) {
    int n = 0;
    for (JsonElement e : array) {
      n += e.getAsString().equals(value) ? 1 : 0;
    }
    return n;
  }
}
