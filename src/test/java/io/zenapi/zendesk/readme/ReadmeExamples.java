package io.zenapi.zendesk.readme;

import static java.util.stream.Collectors.joining;

import io.zenapi.zendesk.ZendeskClient;
import io.zenapi.zendesk.ZendeskModel.Presence;
import io.zenapi.zendesk.ZendeskResponse;
import io.zenapi.zendesk.auth.Credentials;
import io.zenapi.zendesk.auth.TokenStore;
import io.zenapi.zendesk.errors.NotFoundException;
import io.zenapi.zendesk.errors.RateLimitedException;
import io.zenapi.zendesk.errors.ZendeskApiException;
import io.zenapi.zendesk.errors.ZendeskTransportException;
import io.zenapi.zendesk.generated.api.AttachmentsApi;
import io.zenapi.zendesk.generated.api.IncrementalExportApi;
import io.zenapi.zendesk.generated.api.IncrementalExportApi.IncrementalTicketExportCursorParams;
import io.zenapi.zendesk.generated.api.SearchApi;
import io.zenapi.zendesk.generated.api.SuspendedTicketsApi;
import io.zenapi.zendesk.generated.api.SuspendedTicketsApi.ListSuspendedTicketsParams;
import io.zenapi.zendesk.generated.api.TicketSkipsApi;
import io.zenapi.zendesk.generated.api.TicketsApi;
import io.zenapi.zendesk.generated.api.TicketsApi.TicketsUpdateManyParams;
import io.zenapi.zendesk.generated.api.TicketsApi.ShowTicketParams;
import io.zenapi.zendesk.generated.api.UsersApi;
import io.zenapi.zendesk.generated.model.CursorBasedExportIncrementalTicketsResponse;
import io.zenapi.zendesk.generated.model.JobStatusObject;
import io.zenapi.zendesk.generated.model.RecordNewSkipRequest;
import io.zenapi.zendesk.generated.model.RecordNewSkipRequestSkip;
import io.zenapi.zendesk.generated.model.SearchExportResponse;
import io.zenapi.zendesk.generated.model.SuspendedTicketObject;
import io.zenapi.zendesk.generated.model.SuspendedTicketsResponse;
import io.zenapi.zendesk.generated.model.TicketCommentObject;
import io.zenapi.zendesk.generated.model.TicketCreateRequest;
import io.zenapi.zendesk.generated.model.TicketObject;
import io.zenapi.zendesk.generated.model.TicketResponse;
import io.zenapi.zendesk.generated.model.TicketSkipObject;
import io.zenapi.zendesk.generated.model.TicketSkipsResponse;
import io.zenapi.zendesk.generated.model.TicketUpdateRequest;
import io.zenapi.zendesk.generated.model.TicketsResponse;
import io.zenapi.zendesk.generated.model.TicketsUpdateRequest;
import io.zenapi.zendesk.generated.model.TicketsUpdateRequestTicket;
import io.zenapi.zendesk.generated.model.UserInput;
import io.zenapi.zendesk.generated.model.UserObject;
import io.zenapi.zendesk.generated.model.UserRequest;
import io.zenapi.zendesk.jobs.WaitPolicy;
import io.zenapi.zendesk.pagination.Page;
import io.zenapi.zendesk.pagination.PagePosition;
import io.zenapi.zendesk.pagination.Paginated;
import io.zenapi.zendesk.transport.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import okhttp3.MediaType;
import okhttp3.RequestBody;

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
    List<String> saved = new ArrayList<>();
    // tag::pagination[]
    TicketsApi tickets = client.api(TicketsApi.class);
    Paginated<TicketObject> all = client.paginate(tickets.listTickets(), TicketsResponse::getTickets);

    for (Page<TicketObject> page : all.pages()) {              // lazy: at most two pages in memory
      page.items().forEach(t -> seen.add(t.getId() + " " + t.getSubject()));
      page.next().ifPresent(next -> saved.add(next.toString()));  // save it to resume later
    }
    // after a crash: all.resumeFrom(PagePosition.parse(lastSaved)) continues with no gap, no duplicate
    // end::pagination[]
    seen.addAll(saved);
    return seen;
  }

  static JobStatusObject jobs(ZendeskClient client) {
    // tag::jobs[]
    TicketsApi tickets = client.api(TicketsApi.class);
    JobStatusObject job = client.execute(tickets.ticketsUpdateMany(
        TicketsUpdateManyParams.builder().ids("1,2,3").build(),
        new TicketsUpdateRequest().ticket(new TicketsUpdateRequestTicket().status("solved")))).getJobStatus();

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

  static List<Long> export(ZendeskClient client, long since, String saved, List<Long> handled) {
    String checkpoint = saved;
    // tag::export[]
    IncrementalExportApi export = client.api(IncrementalExportApi.class);
    Paginated<TicketObject> changed = client.paginate(export.incrementalTicketExportCursor(
        IncrementalTicketExportCursorParams.builder().startTime(since).build()),
        CursorBasedExportIncrementalTicketsResponse::getTickets);
    if (checkpoint != null) {
      changed = changed.resumeFrom(PagePosition.parse(checkpoint));   // where the last run stopped
    }
    for (Page<TicketObject> page : changed.pages()) {
      page.items().forEach(t -> handled.add(t.getId()));
      checkpoint = page.next().map(PagePosition::toString).orElse(checkpoint);  // save it with your data
    }
    // end::export[]
    handled.add(checkpoint == null ? -1L : (long) checkpoint.length());
    return handled;
  }

  static JobStatusObject searchAndUpdate(ZendeskClient client) {
    // tag::search-and-update[]
    SearchApi search = client.api(SearchApi.class);
    List<Long> ids = client.paginate(search.exportSearchResults("status:open tags:vip", "ticket"),
        SearchExportResponse::getResults).pageSize(1000).stream().map(r -> ((TicketObject) r).getId()).toList();

    TicketsApi tickets = client.api(TicketsApi.class);
    JobStatusObject job = client.execute(tickets.ticketsUpdateMany(
        TicketsUpdateManyParams.builder().ids(ids.stream().map(String::valueOf).collect(joining(","))).build(),
        new TicketsUpdateRequest().ticket(new TicketsUpdateRequestTicket().priority("high")))).getJobStatus();
    JobStatusObject done = client.jobs().await(job);
    // end::search-and-update[]
    return done;
  }

  static TicketObject createUserAndTicket(ZendeskClient client) {
    // tag::create-user-and-ticket[]
    UserObject user = client.execute(client.api(UsersApi.class).createUser(new UserRequest()
        .user(new UserInput().name("Ada Lovelace").email("ada@example.com").role("end-user")))).getUser();

    TicketObject ticket = client.execute(client.api(TicketsApi.class).createTicket(new TicketCreateRequest()
        .ticket(new TicketObject().subject("Printer on fire").requesterId(user.getId())
            .comment(new TicketCommentObject().body("It is on fire."))))).getTicket();
    // end::create-user-and-ticket[]
    return ticket;
  }

  static List<String> skipsAndSuspended(ZendeskClient client, long agentId) {
    // tag::skips[]
    TicketSkipsApi skips = client.api(TicketSkipsApi.class);
    client.execute(skips.recordNewSkip(new RecordNewSkipRequest()
        .skip(new RecordNewSkipRequestSkip().ticketId(35436L).reason("Waiting for the customer"))));
    List<TicketSkipObject> skipped = client.paginate(skips.listTicketSkips(agentId), TicketSkipsResponse::getSkips)
        .stream().toList();

    SuspendedTicketsApi suspended = client.api(SuspendedTicketsApi.class);
    List<SuspendedTicketObject> held = client.paginate(suspended.listSuspendedTickets(
        ListSuspendedTicketsParams.builder().sortBy("created_at").sortOrder("desc").build()),
        SuspendedTicketsResponse::getSuspendedTickets).stream().toList();
    // end::skips[]
    List<String> out = new ArrayList<>();
    skipped.forEach(k -> out.add("skip " + k.getTicketId()));
    held.forEach(h -> out.add("suspended " + h.getSubject()));
    return out;
  }

  static TicketObject upload(ZendeskClient client, byte[] png) {
    // tag::upload[]
    AttachmentsApi attachments = client.api(AttachmentsApi.class);
    String token = client.execute(attachments.uploadFiles("screenshot.png",
        RequestBody.create(png, MediaType.get("image/png")))).getUpload().getToken();

    TicketObject ticket = client.execute(client.api(TicketsApi.class).updateTicket(42L, new TicketUpdateRequest()
        .ticket(new TicketObject().comment(new TicketCommentObject().body("Screenshot attached")
            .uploads(List.of(token)))))).getTicket();
    // end::upload[]
    return ticket;
  }

  static String asyncAndRaw(ZendeskClient client) {
    // tag::async-and-raw[]
    TicketsApi tickets = client.api(TicketsApi.class);
    CompletableFuture<TicketResponse> future = client.executeAsync(tickets.showTicket(42L));  // no thread waits
    String subject = future.join().getTicket().getSubject();   // or thenApply(...), with the same typed errors

    ZendeskResponse<TicketResponse> raw = client.executeRaw(tickets.showTicket(42L,
        ShowTicketParams.builder().include("users").build()));
    String seen = raw.status() + " " + raw.requestId().orElse("-") + " " + raw.rateLimit().remaining()
        + " left: " + raw.body().getTicket().getSubject();
    // end::async-and-raw[]
    return subject + " | " + seen;
  }

  static String models(ZendeskClient client) {
    // tag::models[]
    TicketsApi tickets = client.api(TicketsApi.class);
    TicketObject ticket = client.execute(tickets.showTicket(42L)).getTicket();
    // a field Zendesk added after the spec was written: kept, readable, and sent back on a read-modify-write
    String summary = ticket.additionalProperty("ai_summary", String.class).orElse("none");

    // unassign: assignee_id is sent as null; every field not touched is left out of the PUT
    client.execute(tickets.updateTicket(42L, new TicketUpdateRequest()
        .ticket(new TicketObject().withNull("assignee_id"))));
    Presence before = ticket.presence("assignee_id");   // ABSENT, NULL (sent as null) or PRESENT
    // end::models[]
    return summary + " " + before;
  }

  /** Where a sync keeps its position between rounds (a file, a database row, ...). */
  interface PositionStore {
    String load();

    void save(String position);
  }

  static void sync(ZendeskClient client, long firstRunSince, PositionStore store,
      java.util.function.Consumer<TicketObject> handler, java.util.function.BooleanSupplier running,
      java.util.function.Consumer<Duration> sleep) {
    // tag::sync[]
    IncrementalExportApi export = client.api(IncrementalExportApi.class);
    Paginated<TicketObject> changes = client.paginate(export.incrementalTicketExportCursor(
        IncrementalTicketExportCursorParams.builder().startTime(firstRunSince).build()),
        CursorBasedExportIncrementalTicketsResponse::getTickets).pageSize(1000);
    while (running.getAsBoolean()) {
      String saved = store.load();                                   // null on the very first run
      Paginated<TicketObject> round = saved == null ? changes : changes.resumeFrom(PagePosition.parse(saved));
      for (Page<TicketObject> page : round.pages()) {
        page.items().forEach(handler);                               // upsert into your system
        page.next().ifPresent(next -> store.save(next.toString()));  // after the page is handled
      }
      sleep.accept(Duration.ofMinutes(5));                           // the last page's position waits for the next round
    }
    // end::sync[]
  }
}
