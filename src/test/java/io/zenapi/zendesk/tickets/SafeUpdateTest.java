package io.zenapi.zendesk.tickets;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.zenapi.zendesk.tickets.TicketServer.CONFLICT;
import static io.zenapi.zendesk.tickets.TicketServer.STAMPS;
import static io.zenapi.zendesk.tickets.TicketServer.TICKET;
import static io.zenapi.zendesk.tickets.TicketServer.TICKET_PATH;
import static io.zenapi.zendesk.tickets.TicketServer.json;
import static io.zenapi.zendesk.tickets.TicketServer.parse;
import static io.zenapi.zendesk.tickets.TicketServer.putTo;
import static io.zenapi.zendesk.tickets.TicketServer.repeat;
import static io.zenapi.zendesk.tickets.TicketServer.ticket;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import io.zenapi.zendesk.ZendeskClient;
import io.zenapi.zendesk.errors.BadRequestException;
import io.zenapi.zendesk.errors.ConflictException;
import io.zenapi.zendesk.errors.NotFoundException;
import io.zenapi.zendesk.errors.UpdateConflictException;
import io.zenapi.zendesk.generated.model.TicketObject;
import io.zenapi.zendesk.jobs.MutableClock;
import io.zenapi.zendesk.jobs.RecordingSleeper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

// Covers Tickets.safeUpdate over WireMock: re-read and re-apply on 409, safe_update/updated_stamp bodies, give-up, 422.
class SafeUpdateTest {
  private static final TicketServer TS = new TicketServer();

  private MutableClock clock;
  private RecordingSleeper sleeper;
  private ZendeskClient client;

  @BeforeAll
  static void start() {
    TS.start();
  }

  @AfterAll
  static void stop() {
    TS.stop();
  }

  @BeforeEach
  void setUp() {
    TS.reset();
    clock = new MutableClock(Instant.parse("2025-03-01T12:00:00Z"));
    sleeper = new RecordingSleeper(clock);
    client = TS.client(sleeper, clock);
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  private static JsonElement solvedBody(int attempt) {
    return parse("{\"ticket\":{\"status\":\"solved\",\"safe_update\":true,\"updated_stamp\":\"" + STAMPS.get(attempt)
        + "\"}}");
  }

  // ---- 8. two conflicts, then success --------------------------------------------------------------------------

  @Test
  void twoConflictsThenSuccessReReadsAndReAppliesEachTime() {
    TS.stubAttempts(putTo(), TICKET_PATH,
        json(409, CONFLICT), json(409, CONFLICT), json(200, ticket(3, "solved").replace("}}", "},\"audit\":{\"id\":77,"
            + "\"ticket_id\":42,\"events\":[]}}")));
    List<String> seen = new ArrayList<>();

    TicketObject updated = client.tickets().safeUpdate(TICKET, (current, changes) -> {
      seen.add(current.getSubject() + " @ " + current.getUpdatedAt());
      changes.status("solved");
    });

    assertEquals("solved", updated.getStatus());
    assertEquals(OffsetDateTime.parse(STAMPS.get(3)), updated.getUpdatedAt());
    assertEquals(repeat(3, "GET " + TICKET_PATH, "PUT " + TICKET_PATH), TS.sequence());
    // each write carries the updated_at of the read just before it, and only the changed field
    assertEquals(List.of(solvedBody(0), solvedBody(1), solvedBody(2)), TS.bodies("PUT"));
    // the function ran once per attempt, each time on the fresher copy
    assertEquals(List.of("Printer on fire (v0) @ " + OffsetDateTime.parse(STAMPS.get(0)),
        "Printer on fire (v1) @ " + OffsetDateTime.parse(STAMPS.get(1)),
        "Printer on fire (v2) @ " + OffsetDateTime.parse(STAMPS.get(2))), seen);
    // a 409 is never retried by the transport, and a safe update does not wait between attempts
    assertEquals(List.of(), sleeper.waits());
  }

  @Test
  void theChangeMaySetSeveralFieldsFromTheCurrentTicket() {
    TS.stubAttempts(putTo(), TICKET_PATH, json(409, CONFLICT), json(200, ticket(2, "pending")));

    client.tickets().safeUpdate(TICKET, 2, (current, changes) -> changes
        .subject(current.getSubject() + " [escalated]").priority("urgent").tags(List.of("escalated")));

    assertEquals(repeat(2, "GET " + TICKET_PATH, "PUT " + TICKET_PATH), TS.sequence());
    assertEquals(List.of(
        parse("{\"ticket\":{\"subject\":\"Printer on fire (v0) [escalated]\",\"priority\":\"urgent\","
            + "\"tags\":[\"escalated\"],\"safe_update\":true,\"updated_stamp\":\"" + STAMPS.get(0) + "\"}}"),
        parse("{\"ticket\":{\"subject\":\"Printer on fire (v1) [escalated]\",\"priority\":\"urgent\","
            + "\"tags\":[\"escalated\"],\"safe_update\":true,\"updated_stamp\":\"" + STAMPS.get(1) + "\"}}")),
        TS.bodies("PUT"));
  }

  @Test
  void anUpdatedAtWithAnOffsetIsSentBackAsTheSameInstant() {
    TS.server.stubFor(get(urlPathEqualTo(TICKET_PATH)).willReturn(json(200,
        "{\"ticket\":{\"id\":42,\"status\":\"open\",\"updated_at\":\"2025-03-01T10:15:30+02:00\"}}")));
    TS.server.stubFor(put(urlPathEqualTo(TICKET_PATH)).willReturn(json(200, ticket(1, "solved"))));

    client.tickets().safeUpdate(TICKET, (current, changes) -> changes.status("solved"));

    JsonElement body = TS.bodies("PUT").get(0);
    String stamp = body.getAsJsonObject().getAsJsonObject("ticket").get("updated_stamp").getAsString();
    assertEquals(Instant.parse("2025-03-01T08:15:30Z"), OffsetDateTime.parse(stamp).toInstant());
  }

  // ---- 9. conflict on every attempt ----------------------------------------------------------------------------

  @Test
  void aConflictOnEveryAttemptGivesUpWithTheLatestServerCopy() {
    TS.stubAttempts(putTo(), TICKET_PATH, json(409, CONFLICT), json(409, CONFLICT), json(409, CONFLICT));
    int[] runs = {0};

    UpdateConflictException e = assertThrows(UpdateConflictException.class,
        () -> client.tickets().safeUpdate(TICKET, 3, (current, changes) -> {
          runs[0]++;
          changes.status("solved");
        }));

    assertEquals(3, e.attempts());
    assertEquals(3, runs[0]);
    // the final GET's copy, newer than anything a write was based on
    assertEquals(OffsetDateTime.parse(STAMPS.get(3)), e.latest().getUpdatedAt());
    assertEquals("Printer on fire (v3)", e.latest().getSubject());
    ConflictException cause = assertInstanceOf(ConflictException.class, e.getCause());
    assertEquals(409, cause.status());
    assertEquals("UpdateConflict", cause.error().orElseThrow());
    assertTrue(e.getMessage().contains("42") && e.getMessage().contains("3 safe update attempts"), e.getMessage());
    List<String> expected = repeat(3, "GET " + TICKET_PATH, "PUT " + TICKET_PATH);
    expected.add("GET " + TICKET_PATH);
    assertEquals(expected, TS.sequence());
    assertEquals(List.of(solvedBody(0), solvedBody(1), solvedBody(2)), TS.bodies("PUT"));
    assertEquals(List.of(), sleeper.waits());
  }

  @Test
  void theDefaultIsFiveAttempts() {
    TS.stubAttempts(putTo(), TICKET_PATH, json(409, CONFLICT), json(409, CONFLICT), json(409, CONFLICT),
        json(409, CONFLICT), json(409, CONFLICT), json(200, ticket(5, "solved")));

    UpdateConflictException e = assertThrows(UpdateConflictException.class,
        () -> client.tickets().safeUpdate(TICKET, (current, changes) -> changes.status("solved")));

    assertEquals(Tickets.DEFAULT_ATTEMPTS, e.attempts());
    assertEquals(OffsetDateTime.parse(STAMPS.get(5)), e.latest().getUpdatedAt());
    List<String> expected = repeat(5, "GET " + TICKET_PATH, "PUT " + TICKET_PATH);
    expected.add("GET " + TICKET_PATH);
    assertEquals(expected, TS.sequence());
    assertEquals(List.of(solvedBody(0), solvedBody(1), solvedBody(2), solvedBody(3), solvedBody(4)), TS.bodies("PUT"));
  }

  // ---- 10. other errors are not retried ------------------------------------------------------------------------

  @Test
  void anUnprocessableUpdateIsNotRetried() {
    TS.stubAttempts(putTo(), TICKET_PATH, json(422, "{\"error\":\"RecordInvalid\",\"description\":"
        + "\"Record validation errors\",\"details\":{\"status\":[{\"description\":\"Status: closed prevents ticket"
        + " update\",\"error\":\"InvalidValue\"}]}}"), json(200, ticket(1, "closed")));
    int[] runs = {0};

    BadRequestException e = assertThrows(BadRequestException.class,
        () -> client.tickets().safeUpdate(TICKET, (current, changes) -> {
          runs[0]++;
          changes.status("closed");
        }));

    assertEquals(422, e.status());
    assertEquals("RecordInvalid", e.error().orElseThrow());
    assertEquals(List.of(Map.of("description", "Status: closed prevents ticket update", "error", "InvalidValue")),
        e.details().get("status"));
    assertEquals(1, runs[0]);
    assertEquals(List.of("GET " + TICKET_PATH, "PUT " + TICKET_PATH), TS.sequence());
    assertEquals(List.of(parse("{\"ticket\":{\"status\":\"closed\",\"safe_update\":true,\"updated_stamp\":\""
        + STAMPS.get(0) + "\"}}")), TS.bodies("PUT"));
    assertEquals(List.of(), sleeper.waits());
  }

  @Test
  void aMissingTicketFailsOnTheFirstReadWithoutRunningTheChange() {
    TS.server.stubFor(get(urlPathEqualTo(TICKET_PATH)).willReturn(json(404,
        "{\"error\":\"RecordNotFound\",\"description\":\"Not found\"}")));
    int[] runs = {0};

    assertThrows(NotFoundException.class, () -> client.tickets().safeUpdate(TICKET, (current, changes) -> runs[0]++));

    assertEquals(0, runs[0]);
    assertEquals(List.of("GET " + TICKET_PATH), TS.sequence());
  }

  @Test
  void aTicketWithoutUpdatedAtIsRefusedBeforeAnyWrite() {
    TS.server.stubFor(get(urlPathEqualTo(TICKET_PATH)).willReturn(json(200, "{\"ticket\":{\"id\":42,\"status\":\"open\"}}")));

    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> client.tickets().safeUpdate(TICKET, (current, changes) -> changes.status("solved")));

    assertTrue(e.getMessage().contains("updated_at"), e.getMessage());
    assertEquals(List.of("GET " + TICKET_PATH), TS.sequence());
  }

  @Test
  void badInputIsRejectedBeforeAnyRequest() {
    Tickets tickets = client.tickets();
    assertThrows(IllegalArgumentException.class, () -> tickets.safeUpdate(0, (c, ch) -> ch.status("solved")));
    assertThrows(IllegalArgumentException.class, () -> tickets.safeUpdate(-1, (c, ch) -> ch.status("solved")));
    assertThrows(IllegalArgumentException.class, () -> tickets.safeUpdate(TICKET, 0, (c, ch) -> ch.status("solved")));
    assertThrows(IllegalArgumentException.class, () -> tickets.safeUpdate(TICKET, null));
    assertThrows(IllegalArgumentException.class, () -> tickets.safeSetTags(0, c -> List.of("a")));
    assertThrows(IllegalArgumentException.class, () -> tickets.safeSetTags(TICKET, null));
    assertThrows(IllegalArgumentException.class, () -> tickets.safeAddTags(TICKET, null));
    assertEquals(List.of(), TS.sequence());
  }
}
