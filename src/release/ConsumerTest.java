package example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.zenapi.zendesk.ZendeskClient;
import io.zenapi.zendesk.generated.api.TicketsApi;
import io.zenapi.zendesk.mock.MockZendesk;
import io.zenapi.zendesk.mock.MockZendeskExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** make release-check: a user's test, compiled and run against the released mock artifact. */
@ExtendWith(MockZendeskExtension.class)
class ConsumerTest {
  @Test
  void readsATicketFromTheMock(MockZendesk zendesk) {
    long id = zendesk.tickets().ids().get(0);
    try (ZendeskClient client = zendesk.client()) {
      assertEquals(id, client.execute(client.api(TicketsApi.class).showTicket(id)).getTicket().getId());
    }
  }
}
