package io.zenapi.zendesk.bench;

import io.zenapi.zendesk.ZendeskClient;
import io.zenapi.zendesk.auth.Credentials;
import io.zenapi.zendesk.generated.api.TicketsApi;
import io.zenapi.zendesk.generated.model.TicketObject;
import io.zenapi.zendesk.generated.model.TicketsResponse;
import io.zenapi.zendesk.pagination.Paginated;

/** This client: {@code paginate()} over the generated list-tickets method, with or without read-ahead. */
final class ThisClient implements Contender {
  private final ZendeskClient client;
  private final Paginated<TicketObject> tickets;
  private final boolean readAhead;

  ThisClient(String origin, boolean readAhead) {
    this.readAhead = readAhead;
    client = ZendeskClient.builder().baseUrl(origin).credentials(Credentials.basic("agent", "pw")).build();
    TicketsApi api = client.api(TicketsApi.class);
    tickets = client.paginate(api.listTickets(), TicketsResponse::getTickets).readAhead(readAhead);
  }

  @Override
  public String name() {
    return "this client: paginate()" + (readAhead ? "" : ", no read-ahead");
  }

  @Override
  public long readAll() {
    long n = 0;
    for (TicketObject t : tickets) {
      n += t.getId() > 0 ? 1 : 0;
    }
    return n;
  }

  @Override
  public void close() {
    client.close();
  }
}
