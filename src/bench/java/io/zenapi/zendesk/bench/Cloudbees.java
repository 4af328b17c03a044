package io.zenapi.zendesk.bench;

import org.zendesk.client.v2.Zendesk;
import org.zendesk.client.v2.model.Ticket;

/** The most-used Java client: com.cloudbees.thirdparty:zendesk-java-client, iterating getTickets(). */
final class Cloudbees implements Contender {
  private final Zendesk zendesk;

  Cloudbees(String origin) {
    zendesk = new Zendesk.Builder(origin).setUsername("agent").setToken("pw").build();
  }

  @Override
  public String name() {
    return "cloudbees zendesk-java-client 1.5.2";
  }

  @Override
  public long readAll() {
    long n = 0;
    for (Ticket t : zendesk.getTickets()) {
      n += t.getId() > 0 ? 1 : 0;
    }
    return n;
  }

  @Override
  public void close() {
    zendesk.close();
  }
}
