package io.zenapi.zendesk.readme;

import io.zenapi.zendesk.ZendeskClient;
import io.zenapi.zendesk.auth.Credentials;
import io.zenapi.zendesk.auth.TokenStore;
import io.zenapi.zendesk.errors.NotFoundException;
import io.zenapi.zendesk.errors.RateLimitedException;
import io.zenapi.zendesk.errors.ZendeskApiException;
import io.zenapi.zendesk.errors.ZendeskTransportException;
import io.zenapi.zendesk.generated.api.TicketsApi;
import io.zenapi.zendesk.generated.model.JobStatusObject;
import io.zenapi.zendesk.generated.model.TicketObject;
import io.zenapi.zendesk.generated.model.TicketsResponse;
import io.zenapi.zendesk.generated.model.TicketsUpdateRequest;
import io.zenapi.zendesk.generated.model.TicketsUpdateRequestTicket;
import io.zenapi.zendesk.jobs.WaitPolicy;
import io.zenapi.zendesk.pagination.Page;
import io.zenapi.zendesk.pagination.PagePosition;
import io.zenapi.zendesk.pagination.Paginated;
import io.zenapi.zendesk.transport.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The code of the README's examples. Each region between {@code tag::name[]} and {@code end::name[]} appears
 * verbatim in README.md ({@link ReadmeSnippetsTest} checks that and runs each one against WireMock).
 */
final class ReadmeExamples {
  private ReadmeExamples() {}

  static ZendeskClient builder(String oauthToken) {
    // tag::builder[]
    ZendeskClient client = ZendeskClient.builder()
        .subdomain("acme")                                   // https://acme.zendesk.com
        .credentials(Credentials.oauth(oauthToken))          // or apiToken(email, token) until 2027-04-30
        .retryPolicy(RetryPolicy.builder().maxAttempts(5).maxRetryAfter(Duration.ofMinutes(1)).build())
        .userAgentSuffix("acme-sync/1.0")
        .build();
    // end::builder[]
    return client;
  }

  static List<String> pagination(ZendeskClient client) {
    List<String> seen = new ArrayList<>();
    // tag::pagination[]
    TicketsApi tickets = client.api(TicketsApi.class);
    Paginated<TicketObject> all = client.paginate(tickets.listTickets(),
        TicketsResponse::getTickets);

    for (Page<TicketObject> page : all.pages()) {              // lazy: one page in memory at a time
      page.items().forEach(t -> seen.add(t.getId() + " " + t.getSubject()));
      String checkpoint = page.next().map(PagePosition::toString).orElse(null);  // save it to resume later
    }
    // after a crash: all.resumeFrom(PagePosition.parse(checkpoint)) continues with no gap, no duplicate
    // end::pagination[]
    return seen;
  }

  static JobStatusObject jobs(ZendeskClient client) {
    // tag::jobs[]
    TicketsApi tickets = client.api(TicketsApi.class);
    JobStatusObject job = client.execute(tickets.ticketsUpdateMany(TicketsApi.TicketsUpdateManyParams.builder().ids("1,2,3").build(),
        new TicketsUpdateRequest().ticket(new TicketsUpdateRequestTicket().status("solved"))))
        .getJobStatus();

    JobStatusObject done = client.jobs().await(job,          // polls with backoff until completed,
        WaitPolicy.builder().timeout(Duration.ofMinutes(5)).build());  // else JobFailed/JobTimeoutException
    // end::jobs[]
    return done;
  }

  static TicketObject safeUpdate(ZendeskClient client) {
    // tag::safe-update[]
    TicketObject updated = client.tickets().safeUpdate(42L, (current, changes) -> {
      // may run more than once: on a 409 the ticket is read again and this runs on the fresh copy
      if (!"solved".equals(current.getStatus())) {
        changes.status("solved");
      }
    });
    // end::safe-update[]
    return updated;
  }

  static String errors(ZendeskClient client) {
    String outcome;
    // tag::errors[]
    TicketsApi tickets = client.api(TicketsApi.class);
    try {
      TicketObject t = client.execute(tickets.showTicket(42L)).getTicket();
      outcome = "found " + t.getId();
    } catch (NotFoundException e) {                          // 404
      outcome = "no ticket 42 (request id " + e.requestId().orElse("?") + ")";
    } catch (RateLimitedException e) {                       // 429 after the transport's retries
      outcome = "rate limited, retry after " + e.retryAfter().orElse(Duration.ZERO);
    } catch (ZendeskApiException e) {                        // any other HTTP error status
      outcome = e.status() + " " + e.error().orElse("") + ": " + e.description().orElse("");
    } catch (ZendeskTransportException e) {                  // no response: network, timeout, interrupt
      outcome = "network trouble: " + e.getMessage();
    }
    // end::errors[]
    return outcome;
  }

  static TicketObject oauthClientCredentials(String zendeskUrl, String clientId, String clientSecret) {
    // tag::oauth-client-credentials[]
    // before: .credentials(Credentials.apiToken("agent@acme.com", apiToken))   -- switched off on 2027-04-30
    ZendeskClient client = ZendeskClient.builder()
        .baseUrl(zendeskUrl)                                 // or .subdomain("acme")
        .credentials(Credentials.oauthClientCredentials(clientId, clientSecret, "read write"))
        .build();                                            // tokens are fetched and renewed by the client
    TicketObject ticket = client.execute(client.api(TicketsApi.class).showTicket(42L)).getTicket();
    // end::oauth-client-credentials[]
    client.close();
    return ticket;
  }

  static TicketObject oauthRefreshing(String zendeskUrl, java.nio.file.Path tokenFile, String accessToken,
      String refreshToken, String clientId, String clientSecret) {
    // tag::oauth-refreshing[]
    ZendeskClient client = ZendeskClient.builder()
        .baseUrl(zendeskUrl)
        .credentials(Credentials.oauthRefreshing(accessToken, refreshToken, clientId, clientSecret,
            TokenStore.file(tokenFile)))                      // each rotated pair is saved here before use
        .build();
    TicketObject ticket = client.execute(client.api(TicketsApi.class).showTicket(42L)).getTicket();
    // end::oauth-refreshing[]
    client.close();
    return ticket;
  }
}
