package io.zenapi.zendesk.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zenapi.zendesk.ZendeskClient;
import io.zenapi.zendesk.errors.BadRequestException;
import io.zenapi.zendesk.errors.NotFoundException;
import io.zenapi.zendesk.generated.api.SuspendedTicketsApi;
import io.zenapi.zendesk.generated.api.TicketSkipsApi;
import io.zenapi.zendesk.generated.api.TicketsApi;
import io.zenapi.zendesk.generated.model.RecordNewSkipRequest;
import io.zenapi.zendesk.generated.model.RecordNewSkipRequestSkip;
import io.zenapi.zendesk.generated.model.RecoverSuspendedTicketResponse;
import io.zenapi.zendesk.generated.model.RecoverSuspendedTicketsResponse;
import io.zenapi.zendesk.generated.model.SuspendedTicketObject;
import io.zenapi.zendesk.generated.model.ShowSuspendedTicketResponse;
import io.zenapi.zendesk.generated.model.SuspendedTicketsResponse;
import io.zenapi.zendesk.generated.model.TicketObject;
import io.zenapi.zendesk.generated.model.TicketSkipObject;
import io.zenapi.zendesk.generated.model.TicketSkipsResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

// Covers stateful skips (record, list, 404) and suspended tickets (show, recover one/many, delete one/many).
class MockZendeskSkipsAndSuspendedTest {
  private static final long FIRST_SUSPENDED = 500_000_000_000L;

  private static MockZendesk mock;
  private static ZendeskClient client;
  private static TicketSkipsApi skips;
  private static SuspendedTicketsApi suspended;

  @BeforeAll
  static void start() {
    mock = MockZendesk.start(1_000);
    client = mock.client();
    skips = client.api(TicketSkipsApi.class);
    suspended = client.api(SuspendedTicketsApi.class);
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

  private static List<Long> suspendedIds() {
    return client.paginate(suspended.listSuspendedTickets(),
        SuspendedTicketsResponse::getSuspendedTickets).stream().map(SuspendedTicketObject::getId).toList();
  }

  @Test
  void aRecordedSkipIsListedForTheCurrentUserAndTheTicket() {
    long ticket = TicketFactory.FIRST_ID + 900; // not among the seeded skips
    assertEquals(List.of(), client.paginate(skips.listTicketSkipsByTicket(ticket), TicketSkipsResponse::getSkips)
        .stream().toList());
    int before = mock.skips().count();

    TicketSkipObject skip = client.execute(skips.recordNewSkip(new RecordNewSkipRequest().skip(
        new RecordNewSkipRequestSkip().ticketId(ticket).reason("Not my area")))).getSkip();
    assertEquals(ticket, skip.getTicketId());
    assertEquals(MockSkips.CURRENT_USER_ID, skip.getUserId());
    assertEquals("Not my area", skip.getReason());
    assertNotNull(skip.getId());
    assertNotNull(skip.getCreatedAt());
    assertEquals(before + 1, mock.skips().count());

    List<TicketSkipObject> byTicket = client.paginate(skips.listTicketSkipsByTicket(ticket),
        TicketSkipsResponse::getSkips).stream().toList();
    assertEquals(List.of(skip.getId()), byTicket.stream().map(TicketSkipObject::getId).toList());
    List<TicketSkipObject> mine = client.paginate(skips.listTicketSkips(MockSkips.CURRENT_USER_ID),
        TicketSkipsResponse::getSkips).stream().toList();
    assertEquals(before + 1, mine.size());
    assertEquals(skip.getId(), mine.get(mine.size() - 1).getId(), "the newest skip comes last, in id order");
    assertEquals("Not my area", mine.get(mine.size() - 1).getReason());
  }

  @Test
  void skippingAnUnknownTicketIs404AndRecordsNothing() {
    int before = mock.skips().count();
    NotFoundException e = assertThrows(NotFoundException.class,
        () -> client.execute(skips.recordNewSkip(new RecordNewSkipRequest().skip(new RecordNewSkipRequestSkip()
            .ticketId(123L).reason("?")))));
    assertEquals("RecordNotFound", e.error().orElse(null));
    assertThrows(BadRequestException.class, () -> client.execute(skips.recordNewSkip(new RecordNewSkipRequest())),
        "a body without skip.ticket_id");
    assertEquals(before, mock.skips().count());
  }

  @Test
  void recoverOneReturnsATicketAndItLeavesTheList() {
    ShowSuspendedTicketResponse shown = client.execute(suspended.showSuspendedTickets(Long.valueOf(
        FIRST_SUSPENDED + 3)));
    assertEquals("Out of office 3", shown.getSuspendedTicket().getSubject(), "Zendesk's suspended_ticket, typed");
    assertEquals("Out of office 3", shown.getSuspendedTickets().get(0).getSubject(), "the reference's list too");
    RecoverSuspendedTicketResponse r = client.execute(suspended.recoverSuspendedTicket(Long.valueOf(
        FIRST_SUSPENDED + 3)));
    TicketObject t = r.getTicket();
    assertEquals("Out of office 3", t.getSubject());
    assertEquals("new", t.getStatus());
    assertEquals(1_000 + TicketFactory.FIRST_ID, t.getId(), "a ticket id of its own, after the seeded tickets");
    TicketObject read = client.execute(client.api(TicketsApi.class).showTicket(t.getId()))
        .getTicket();
    assertEquals("Out of office 3", read.getSubject(), "the recovered ticket is a ticket of the mock");
    assertEquals("I am away until Monday.", read.getDescription());
    assertEquals(1_001, mock.tickets().count());
    List<Long> left = suspendedIds();
    assertEquals(119, left.size());
    assertFalse(left.contains(FIRST_SUSPENDED + 3));
    assertEquals(119, mock.suspendedTickets().count());
    assertThrows(NotFoundException.class, () -> client.execute(suspended.recoverSuspendedTicket(Long.valueOf(
        FIRST_SUSPENDED + 3))), "recovered once only");
    assertThrows(NotFoundException.class, () -> client.execute(suspended.showSuspendedTickets(Long.valueOf(
        FIRST_SUSPENDED + 3))));
  }

  @Test
  void recoverManyRecoversEachKnownId() {
    RecoverSuspendedTicketsResponse r = client.execute(
        suspended.recoverSuspendedTickets((FIRST_SUSPENDED + 1) + "," + (FIRST_SUSPENDED + 2) + ",999"));
    assertEquals(List.of("Out of office 1", "Out of office 2"), r.getTickets().stream().map(TicketObject::getSubject)
        .toList());
    assertEquals(1_002, mock.tickets().count(), "both became tickets");
    List<Long> left = suspendedIds();
    assertEquals(118, left.size());
    assertFalse(left.contains(FIRST_SUSPENDED + 1));
    assertFalse(left.contains(FIRST_SUSPENDED + 2));
  }

  @Test
  void deleteOneAndDestroyMany() {
    assertNull(client.execute(suspended.deleteSuspendedTicket(Long.valueOf(FIRST_SUSPENDED))));
    assertThrows(NotFoundException.class, () -> client.execute(suspended.deleteSuspendedTicket(Long.valueOf(
        FIRST_SUSPENDED))));
    client.execute(suspended.deleteSuspendedTickets((FIRST_SUSPENDED + 10) + "," + (FIRST_SUSPENDED + 11)));
    List<Long> left = suspendedIds();
    assertEquals(117, left.size());
    assertTrue(left.stream().noneMatch(id -> id == FIRST_SUSPENDED || id == FIRST_SUSPENDED + 10
        || id == FIRST_SUSPENDED + 11));
    assertEquals(117, mock.suspendedTickets().count());
  }
}
