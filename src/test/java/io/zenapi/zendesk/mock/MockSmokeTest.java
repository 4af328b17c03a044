package io.zenapi.zendesk.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.zenapi.zendesk.ZendeskClient;
import io.zenapi.zendesk.generated.api.TicketsApi;
import io.zenapi.zendesk.generated.model.TicketObject;
import io.zenapi.zendesk.generated.model.TicketsResponse;
import org.junit.jupiter.api.Test;

/** The mock starts, pages through its tickets and answers a spec example. */
class MockSmokeTest {
  @Test
  void pagesThroughAllTickets() {
    try (MockZendesk mock = MockZendesk.start(1_234); ZendeskClient client = mock.client()) {
      TicketsApi api = client.api(TicketsApi.class);
      long n = client.paginate(api.listTickets(), TicketsResponse::getTickets).stream().map(TicketObject::getId)
          .distinct().count();
      assertEquals(1_234, n);
      assertEquals(13, mock.requestCount());
    }
  }
}
