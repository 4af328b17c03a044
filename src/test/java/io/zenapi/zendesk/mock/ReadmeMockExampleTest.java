package io.zenapi.zendesk.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import io.zenapi.zendesk.ZendeskClient;
import io.zenapi.zendesk.errors.BadRequestException;
import io.zenapi.zendesk.generated.api.TicketsApi;
import io.zenapi.zendesk.generated.model.TicketCommentObject;
import io.zenapi.zendesk.generated.model.TicketCreateRequest;
import io.zenapi.zendesk.generated.model.TicketObject;
import io.zenapi.zendesk.generated.model.TicketsResponse;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

// The README's example of testing your own code against the mock (the tagged region is quoted verbatim there).
@ExtendWith(MockZendeskExtension.class)
class ReadmeMockExampleTest {
  // tag::mock-example[]
  /** Your code: counts open tickets, page by page. */
  static final class OpenTicketCounter {
    private final ZendeskClient client;

    OpenTicketCounter(ZendeskClient client) {
      this.client = client;
    }

    long count() {
      TicketsApi tickets = client.api(TicketsApi.class);
      return client.paginate(tickets.listTickets(), TicketsResponse::getTickets).stream()
          .filter(t -> "open".equals(t.getStatus())).count();
    }
  }

  @Test
  void countsOpenTicketsEvenWhenRateLimited(MockZendesk zendesk) {
    long expected = zendesk.tickets().ids().stream()
        .filter(id -> "open".equals(zendesk.tickets().get(id).get("status").getAsString())).count();
    zendesk.faults().rateLimit(1, Duration.ofSeconds(1)); // the first request gets 429, then is retried
    try (ZendeskClient client = zendesk.client()) {
      assertEquals(expected, new OpenTicketCounter(client).count());
    }
    assertEquals(1, zendesk.faults().injected());
  }
  // end::mock-example[]

  // tag::mock-errors-and-state[]
  private static TicketCreateRequest printerOnFire() {
    return new TicketCreateRequest().ticket(new TicketObject().subject("Printer on fire")
        .comment(new TicketCommentObject().body("It is on fire.")));
  }

  @Test
  void showsZendesksValidationErrors(MockZendesk zendesk) {
    zendesk.faults().respond("POST", "/api/v2/tickets", 422, "{\"error\":\"RecordInvalid\","
        + "\"details\":{\"requester\":[{\"description\":\"Requester: is suspended\"}]}}");
    try (ZendeskClient client = zendesk.client()) {
      TicketsApi tickets = client.api(TicketsApi.class);
      BadRequestException e = assertThrows(BadRequestException.class,
          () -> client.execute(tickets.createTicket(printerOnFire())));
      assertEquals(Set.of("requester"), e.fieldErrors().keySet());
    }
  }

  @Test
  void readsBackTheTicketItCreated(MockZendesk zendesk) {
    try (ZendeskClient client = zendesk.client()) {
      TicketsApi tickets = client.api(TicketsApi.class);
      long id = client.execute(tickets.createTicket(printerOnFire())).getTicket().getId();
      assertEquals("Printer on fire", client.execute(tickets.showTicket(id)).getTicket().getSubject());
    }
  }

  @Test
  void aTicketWithoutADescriptionIsRefusedAsByZendesk(MockZendesk zendesk) {
    try (ZendeskClient client = zendesk.client()) {
      TicketsApi tickets = client.api(TicketsApi.class);
      TicketCreateRequest noComment = new TicketCreateRequest().ticket(new TicketObject().subject("Printer"));
      BadRequestException e = assertThrows(BadRequestException.class,
          () -> client.execute(tickets.createTicket(noComment)));
      assertEquals(422, e.status());
    }
  }
  // end::mock-errors-and-state[]

  @Test
  void seesChangesMadeThroughTheMock(MockZendesk zendesk) {
    long before;
    try (ZendeskClient client = zendesk.client()) {
      before = new OpenTicketCounter(client).count();
      long notOpen = zendesk.tickets().ids().stream()
          .filter(id -> !"open".equals(zendesk.tickets().get(id).get("status").getAsString())).findFirst()
          .orElseThrow();
      JsonObject open = new JsonObject();
      open.addProperty("status", "open");
      zendesk.tickets().update(notOpen, open);
      assertEquals(before + 1, new OpenTicketCounter(client).count());
    }
    assertEquals(2 * 20, zendesk.requestCount(), "2,000 tickets, 100 a page, counted twice");
  }
}
