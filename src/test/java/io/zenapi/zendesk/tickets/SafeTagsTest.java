package io.zenapi.zendesk.tickets;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.zenapi.zendesk.tickets.TicketServer.CONFLICT;
import static io.zenapi.zendesk.tickets.TicketServer.STAMPS;
import static io.zenapi.zendesk.tickets.TicketServer.TICKET;
import static io.zenapi.zendesk.tickets.TicketServer.TICKET_PATH;
import static io.zenapi.zendesk.tickets.TicketServer.json;
import static io.zenapi.zendesk.tickets.TicketServer.parse;
import static io.zenapi.zendesk.tickets.TicketServer.postTo;
import static io.zenapi.zendesk.tickets.TicketServer.putTo;
import static io.zenapi.zendesk.tickets.TicketServer.repeat;
import static io.zenapi.zendesk.tickets.TicketServer.ticket;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonElement;
import io.zenapi.zendesk.ZendeskClient;
import io.zenapi.zendesk.errors.BadRequestException;
import io.zenapi.zendesk.errors.UpdateConflictException;
import io.zenapi.zendesk.generated.model.TicketObject;
import io.zenapi.zendesk.jobs.MutableClock;
import io.zenapi.zendesk.jobs.RecordingSleeper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

// Covers Tickets.safeSetTags (POST) and safeAddTags (PUT) on /tickets/{id}/tags: safe_update bodies and 409 re-reads.
class SafeTagsTest {
  private static final String TAGS_PATH = "/api/v2/tickets/42/tags";
  private static final String TAGS_RESPONSE = "{\"tags\":[\"printer\",\"v2\",\"vip\"]}";

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

  /** The current tags plus "vip", and a record of the copies the function saw. */
  private static Function<TicketObject, List<String>> plusVip(List<OffsetDateTime> seen) {
    return current -> {
      seen.add(current.getUpdatedAt());
      List<String> tags = new ArrayList<>();
      ((List<?>) current.getTags()).forEach(t -> tags.add((String) t));
      tags.add("vip");
      return tags;
    };
  }

  private static JsonElement tagsBody(int attempt) {
    return parse("{\"tags\":[\"printer\",\"v" + attempt + "\",\"vip\"],\"safe_update\":true,\"updated_stamp\":\""
        + STAMPS.get(attempt) + "\"}");
  }

  private static List<OffsetDateTime> stamps(int n) {
    return STAMPS.subList(0, n).stream().map(OffsetDateTime::parse).toList();
  }

  @Test
  void safeSetTagsPostsTheTagsWithTheStampAndRetriesOnConflict() {
    TS.stubAttempts(postTo(), TAGS_PATH, json(409, CONFLICT), json(409, CONFLICT),
        json(200, TAGS_RESPONSE));
    List<OffsetDateTime> seen = new ArrayList<>();

    List<String> tags = client.tickets().safeSetTags(TICKET, plusVip(seen));

    assertEquals(List.of("printer", "v2", "vip"), tags);
    assertEquals(repeat(3, "GET " + TICKET_PATH, "POST " + TAGS_PATH), TS.sequence());
    assertEquals(List.of(tagsBody(0), tagsBody(1), tagsBody(2)), TS.bodies("POST"));
    assertEquals(stamps(3), seen);
    assertEquals(List.of(), sleeper.waits());
  }

  @Test
  void safeAddTagsPutsTheTagsWithTheStampAndRetriesOnConflict() {
    TS.stubAttempts(putTo(), TAGS_PATH, json(409, CONFLICT), json(200, TAGS_RESPONSE));
    List<OffsetDateTime> seen = new ArrayList<>();

    List<String> tags = client.tickets().safeAddTags(TICKET, plusVip(seen));

    assertEquals(List.of("printer", "v2", "vip"), tags);
    assertEquals(repeat(2, "GET " + TICKET_PATH, "PUT " + TAGS_PATH), TS.sequence());
    assertEquals(List.of(tagsBody(0), tagsBody(1)), TS.bodies("PUT"));
    assertEquals(stamps(2), seen);
    assertEquals(List.of(), sleeper.waits());
  }

  @Test
  void safeSetTagsGivesUpAfterFiveConflicts() {
    TS.stubAttempts(postTo(), TAGS_PATH, json(409, CONFLICT), json(409, CONFLICT), json(409, CONFLICT),
        json(409, CONFLICT), json(409, CONFLICT));
    List<OffsetDateTime> seen = new ArrayList<>();

    UpdateConflictException e = assertThrows(UpdateConflictException.class,
        () -> client.tickets().safeSetTags(TICKET, plusVip(seen)));

    assertEquals(5, e.attempts());
    assertEquals(OffsetDateTime.parse(STAMPS.get(5)), e.latest().getUpdatedAt());
    List<String> expected = repeat(5, "GET " + TICKET_PATH, "POST " + TAGS_PATH);
    expected.add("GET " + TICKET_PATH);
    assertEquals(expected, TS.sequence());
    assertEquals(List.of(tagsBody(0), tagsBody(1), tagsBody(2), tagsBody(3), tagsBody(4)), TS.bodies("POST"));
    assertEquals(stamps(5), seen);
  }

  @Test
  void safeAddTagsGivesUpAfterFiveConflicts() {
    TS.stubAttempts(putTo(), TAGS_PATH, json(409, CONFLICT), json(409, CONFLICT), json(409, CONFLICT),
        json(409, CONFLICT), json(409, CONFLICT));

    UpdateConflictException e = assertThrows(UpdateConflictException.class,
        () -> client.tickets().safeAddTags(TICKET, plusVip(new ArrayList<>())));

    assertEquals(5, e.attempts());
    assertEquals(OffsetDateTime.parse(STAMPS.get(5)), e.latest().getUpdatedAt());
    List<String> expected = repeat(5, "GET " + TICKET_PATH, "PUT " + TAGS_PATH);
    expected.add("GET " + TICKET_PATH);
    assertEquals(expected, TS.sequence());
    assertEquals(List.of(tagsBody(0), tagsBody(1), tagsBody(2), tagsBody(3), tagsBody(4)), TS.bodies("PUT"));
  }

  @Test
  void anInvalidTagsWriteIsNotRetried() {
    TS.stubAttempts(postTo(), TAGS_PATH, json(422, "{\"error\":\"RecordInvalid\",\"description\":"
        + "\"Record validation errors\",\"details\":{\"tags\":[{\"description\":\"Tags: too long\"}]}}"));

    BadRequestException e = assertThrows(BadRequestException.class,
        () -> client.tickets().safeSetTags(TICKET, plusVip(new ArrayList<>())));

    assertEquals(422, e.status());
    assertEquals(List.of("tags"), List.copyOf(e.details().keySet()));
    assertEquals(List.of("GET " + TICKET_PATH, "POST " + TAGS_PATH), TS.sequence());
    assertEquals(List.of(tagsBody(0)), TS.bodies("POST"));
  }

  @Test
  void anEmptyTagsAnswerIsAnEmptyList() {
    TS.stubAttempts(putTo(), TAGS_PATH, json(200, "{}"));
    TS.server.stubFor(get(urlPathEqualTo(TICKET_PATH)).willReturn(json(200, ticket(0, "open"))));

    assertEquals(List.of(), client.tickets().safeAddTags(TICKET, current -> List.of("x")));
    assertEquals(List.of("GET " + TICKET_PATH, "PUT " + TAGS_PATH), TS.sequence());
  }
}
