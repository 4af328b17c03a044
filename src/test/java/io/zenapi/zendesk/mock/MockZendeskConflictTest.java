package io.zenapi.zendesk.mock;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.zenapi.zendesk.ZendeskClient;
import io.zenapi.zendesk.errors.ConflictException;
import io.zenapi.zendesk.errors.UpdateConflictException;
import io.zenapi.zendesk.generated.api.TagsApi;
import io.zenapi.zendesk.generated.api.TicketsApi;
import io.zenapi.zendesk.generated.model.PutTagsTicketRequest;
import io.zenapi.zendesk.generated.model.SetTagsTicketRequest;
import io.zenapi.zendesk.generated.model.TicketObject;
import io.zenapi.zendesk.generated.model.TicketUpdateRequest;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

// Covers safe updates on the mock: success, 409 from a second writer retried by the client, stale PUTs and tags.
class MockZendeskConflictTest {
  private static final long ID = TicketFactory.FIRST_ID + 5;
  private static final String PATH = "/api/v2/tickets/" + ID;

  private static MockZendesk mock;
  private static ZendeskClient client;
  private static ZendeskClient otherClient;
  private static TicketsApi tickets;

  @BeforeAll
  static void start() {
    mock = MockZendesk.start(100);
    client = mock.client();
    otherClient = mock.client();
    tickets = client.api(TicketsApi.class);
  }

  @AfterAll
  static void stop() {
    client.close();
    otherClient.close();
    mock.close();
  }

  @BeforeEach
  void reset() {
    mock.reset();
  }

  private static int puts(String path) {
    return mock.wireMock().findAll(putRequestedFor(urlPathMatching(path + "(\\.json)?"))).size();
  }

  private static int gets(String path) {
    return mock.wireMock().findAll(getRequestedFor(urlPathMatching(path + "(\\.json)?"))).size();
  }

  private static JsonObject fields(String name, String value) {
    JsonObject o = new JsonObject();
    o.addProperty(name, value);
    return o;
  }

  @Test
  void safeUpdateWithoutAnotherWriterTakesOneReadAndOneWrite() {
    TicketObject updated = client.tickets().safeUpdate(ID, (current, changes) -> changes.status("solved"));
    assertEquals("solved", updated.getStatus());
    assertEquals("solved", mock.tickets().get(ID).get("status").getAsString());
    assertEquals(1, gets(PATH));
    assertEquals(1, puts(PATH));
  }

  @Test
  void aSecondWriterBetweenReadAndWriteCausesOne409ThenSuccess() {
    AtomicInteger calls = new AtomicInteger();
    List<String> subjectsSeen = new ArrayList<>();
    TicketObject updated = client.tickets().safeUpdate(ID, (current, changes) -> {
      subjectsSeen.add(current.getSubject());
      if (calls.incrementAndGet() == 1) {
        mock.tickets().update(ID, fields("subject", "Changed by an agent"));
      }
      changes.priority("urgent");
    });
    assertEquals(2, calls.get(), "the change was applied again to a fresh copy");
    assertEquals("Changed by an agent", subjectsSeen.get(1), "the retry saw the other writer's change");
    assertEquals("urgent", updated.getPriority());
    assertEquals("Changed by an agent", updated.getSubject(), "the other writer's change was not overwritten");
    assertEquals(2, gets(PATH));
    assertEquals(2, puts(PATH));
  }

  @Test
  void anotherClientsPlainPutInBetweenAlsoConflicts() {
    TicketsApi other = otherClient.api(TicketsApi.class);
    AtomicInteger calls = new AtomicInteger();
    TicketObject updated = client.tickets().safeUpdate(ID, (current, changes) -> {
      if (calls.incrementAndGet() == 1) {
        otherClient.execute(other.updateTicket(ID, new TicketUpdateRequest().ticket(new TicketObject()
            .subject("Other client"))));
      }
      changes.status("pending");
    });
    assertEquals(2, calls.get());
    assertEquals("pending", updated.getStatus());
    assertEquals("Other client", updated.getSubject());
    assertEquals(3, puts(PATH), "the other client's PUT, our 409 and our retried PUT");
  }

  @Test
  void aWriterThatNeverStopsExhaustsTheAttempts() {
    UpdateConflictException e = assertThrows(UpdateConflictException.class, () -> client.tickets().safeUpdate(ID, 3,
        (current, changes) -> {
          mock.tickets().update(ID, fields("subject", "again " + System.nanoTime()));
          changes.status("open");
        }));
    assertEquals(3, e.attempts());
    assertTrue(e.latest().getSubject().startsWith("again "));
    assertEquals(3, puts(PATH));
  }

  @Test
  void aPlainPutWithAStaleStampGets409UpdateConflict() {
    OffsetDateTime read = client.execute(tickets.showTicket(ID)).getTicket().getUpdatedAt();
    mock.tickets().update(ID, fields("subject", "newer"));
    JsonObject before = mock.tickets().get(ID);
    ConflictException e = assertThrows(ConflictException.class, () -> client.execute(tickets.updateTicket(ID,
        new TicketUpdateRequest().ticket(new TicketObject().status("solved").safeUpdate(true).updatedStamp(read)))));
    assertEquals(409, e.status());
    assertEquals("UpdateConflict", e.error().orElse(null));
    assertEquals(before, mock.tickets().get(ID), "a 409 changes nothing");
    assertEquals(1, puts(PATH), "a 409 is not retried by the transport");

    OffsetDateTime fresh = client.execute(tickets.showTicket(ID)).getTicket().getUpdatedAt();
    assertEquals("solved", client.execute(tickets.updateTicket(ID, new TicketUpdateRequest().ticket(new TicketObject()
        .status("solved").safeUpdate(true).updatedStamp(fresh)))).getTicket().getStatus());
    assertEquals("solved", mock.tickets().get(ID).get("status").getAsString());
  }

  @Test
  void safeUpdateWithoutAStampIsAConflictButAPlainPutWins() {
    assertThrows(ConflictException.class, () -> client.execute(tickets.updateTicket(ID, new TicketUpdateRequest()
        .ticket(new TicketObject().status("solved").safeUpdate(true)))));
    assertEquals("hold", client.execute(tickets.updateTicket(ID, new TicketUpdateRequest().ticket(new TicketObject()
        .status("hold")))).getTicket().getStatus());
  }

  @Test
  void tagEndpointsHonourSafeUpdate() {
    TagsApi tags = client.api(TagsApi.class);
    String tagsPath = "/api/v2/tickets/" + ID + "/tags";
    OffsetDateTime read = client.execute(tickets.showTicket(ID)).getTicket().getUpdatedAt();
    mock.tickets().update(ID, fields("subject", "newer"));
    ConflictException add = assertThrows(ConflictException.class, () -> client.execute(tags.putTagsTicket(ID,
        new PutTagsTicketRequest().tags(List.of("stale")).safeUpdate(true).updatedStamp(read))));
    assertEquals("UpdateConflict", add.error().orElse(null));
    ConflictException set = assertThrows(ConflictException.class, () -> client.execute(tags.setTagsTicket(ID,
        new SetTagsTicketRequest().tags(List.of("stale")).safeUpdate(true).updatedStamp(read))));
    assertEquals(409, set.status());
    assertTrue(!mock.tickets().get(ID).get("tags").toString().contains("stale"), "no tag written on 409");

    AtomicInteger calls = new AtomicInteger();
    List<String> added = client.tickets().safeAddTags(ID, current -> {
      if (calls.incrementAndGet() == 1) {
        mock.tickets().update(ID, fields("priority", "low"));
      }
      return List.of("vip-customer");
    });
    assertEquals(2, calls.get());
    assertTrue(added.contains("vip-customer"));
    assertTrue(added.size() > 1, "PUT adds to the existing tags: " + added);

    List<String> replaced = client.tickets().safeSetTags(ID, current -> List.of("only", "these"));
    assertEquals(List.of("only", "these"), replaced);
    assertEquals("[\"only\",\"these\"]", mock.tickets().get(ID).get("tags").toString());
    assertEquals(3, puts(tagsPath), "stale PUT, 409 PUT, retried PUT");
    assertEquals(2, mock.wireMock().findAll(postRequestedFor(urlPathMatching(tagsPath + "(\\.json)?"))).size());
  }
}
