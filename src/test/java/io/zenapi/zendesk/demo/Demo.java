package io.zenapi.zendesk.demo;

import io.zenapi.zendesk.ZendeskClient;
import io.zenapi.zendesk.auth.Credentials;
import io.zenapi.zendesk.errors.ZendeskException;
import io.zenapi.zendesk.generated.api.TicketSkipsApi;
import io.zenapi.zendesk.generated.api.TicketsApi;
import io.zenapi.zendesk.generated.api.TicketsApi.TicketsUpdateManyParams;
import io.zenapi.zendesk.generated.api.UsersApi;
import io.zenapi.zendesk.generated.model.JobStatusObject;
import io.zenapi.zendesk.generated.model.RecordNewSkipRequest;
import io.zenapi.zendesk.generated.model.RecordNewSkipRequestSkip;
import io.zenapi.zendesk.generated.model.TicketObject;
import io.zenapi.zendesk.generated.model.TicketSkipObject;
import io.zenapi.zendesk.generated.model.TicketSkipsResponse;
import io.zenapi.zendesk.generated.model.TicketUpdateRequest;
import io.zenapi.zendesk.generated.model.TicketsResponse;
import io.zenapi.zendesk.generated.model.TicketsUpdateRequest;
import io.zenapi.zendesk.generated.model.TicketsUpdateRequestTicket;
import io.zenapi.zendesk.jobs.WaitPolicy;
import io.zenapi.zendesk.mock.MockSkips;
import io.zenapi.zendesk.mock.MockZendesk;
import io.zenapi.zendesk.pagination.Page;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * {@code make demo}: the library's main job on a machine with no Zendesk account. Starts the embedded mock and
 * walks through ticket skips, recording a skip, paging 10,000 tickets, a 300-ticket bulk update with job waiting,
 * a conflict-safe update against a concurrent writer and a rate limit. With {@code ZENDESK_SUBDOMAIN},
 * {@code ZENDESK_EMAIL} and {@code ZENDESK_API_TOKEN} set it runs only the read-only steps against that account.
 */
public final class Demo {
  private static final PrintStream OUT = System.out;
  private final List<String> clientLog = new CopyOnWriteArrayList<>();
  private final long started = System.nanoTime();

  private Demo() {}

  /** Entry point; exits non-zero when a step fails. */
  public static void main(String[] args) {
    Demo demo = new Demo();
    String subdomain = System.getenv("ZENDESK_SUBDOMAIN");
    try {
      if (subdomain != null && !subdomain.isBlank()) {
        demo.realAccount(subdomain, System.getenv("ZENDESK_EMAIL"), System.getenv("ZENDESK_API_TOKEN"));
      } else {
        demo.mock();
      }
    } catch (ZendeskException | IllegalArgumentException | IllegalStateException e) {
      OUT.println();
      OUT.println("FAILED: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      System.exit(1);
    }
  }

  private void mock() {
    OUT.println("Starting an embedded mock Zendesk with " + fmt(MockZendesk.DEFAULT_TICKETS) + " tickets ...");
    try (MockZendesk zendesk = MockZendesk.start();
         ZendeskClient client = zendesk.clientBuilder().logger(clientLog::add).build();
         ZendeskClient otherAgent = zendesk.client()) {
      OUT.println("Mock Zendesk at " + zendesk.baseUrl() + " (no account, no network)\n");
      int before = zendesk.requestCount();
      listSkips(client, MockSkips.CURRENT_USER_ID);
      recordSkip(client, zendesk.tickets().ids().get(41));
      pageThroughTickets(client, Integer.MAX_VALUE);
      bulkUpdate(client, zendesk.tickets().ids().subList(0, 300));
      safeUpdate(client, otherAgent, zendesk.tickets().ids().get(7));
      zendesk.faults().rateLimit(1, Duration.ofSeconds(2));
      rateLimit(client, zendesk.tickets().ids().get(8));
      summary(zendesk.requestCount() - before);
    }
  }

  private void realAccount(String subdomain, String email, String token) {
    if (email == null || token == null) {
      throw new IllegalStateException("ZENDESK_SUBDOMAIN is set: also set ZENDESK_EMAIL and ZENDESK_API_TOKEN");
    }
    OUT.println("Running the read-only steps against https://" + subdomain + ".zendesk.com\n");
    try (ZendeskClient client = ZendeskClient.builder().subdomain(subdomain)
        .credentials(Credentials.apiToken(email, token)).userAgentSuffix("zendesk-client-demo")
        .logger(clientLog::add).build()) {
      long me = client.execute(client.api(UsersApi.class).showCurrentUser()).getUser().getId();
      listSkips(client, me);
      pageThroughTickets(client, 10_000);
      summary(-1);
    }
  }

  private void listSkips(ZendeskClient client, long userId) {
    step(1, "Ticket skips of agent " + userId + ", page by page");
    TicketSkipsApi skips = client.api(TicketSkipsApi.class);
    long t0 = System.nanoTime();
    int pages = 0;
    int total = 0;
    for (Page<TicketSkipObject> page : client.paginate(skips.listTicketSkips(userId), TicketSkipsResponse::getSkips)
        .pageSize(100).pages()) {
      pages++;
      total += page.items().size();
      String reasons = page.items().stream().map(TicketSkipObject::getReason).distinct().limit(2)
          .collect(Collectors.joining("\", \""));
      OUT.printf("   page %d: %3d skips (reasons: \"%s\")%s%n", pages, page.items().size(), reasons,
          page.next().isPresent() ? "" : "  <- last page");
    }
    OUT.printf("   %s skips in %d pages, %s%n%n", fmt(total), pages, since(t0));
  }

  private void recordSkip(ZendeskClient client, long ticketId) {
    step(2, "Record a skip");
    TicketSkipObject skip = client.execute(client.api(TicketSkipsApi.class).recordNewSkip(new RecordNewSkipRequest()
        .skip(new RecordNewSkipRequestSkip().ticketId(ticketId).reason("Waiting for the billing team"))))
        .getSkip();
    OUT.printf("   recorded skip #%d: agent %d skipped ticket %d (\"%s\")%n%n", skip.getId(), skip.getUserId(),
        skip.getTicketId(), skip.getReason());
  }

  private void pageThroughTickets(ZendeskClient client, int limit) {
    step(3, "Page through the tickets (cursor pagination, 100 a page)");
    TicketsApi tickets = client.api(TicketsApi.class);
    long t0 = System.nanoTime();
    AtomicInteger count = new AtomicInteger();
    int pages = 0;
    long lastId = 0;
    for (Page<TicketObject> page : client.paginate(tickets.listTickets(), TicketsResponse::getTickets).pages()) {
      pages++;
      count.addAndGet(page.items().size());
      if (!page.items().isEmpty()) {
        lastId = page.items().get(page.items().size() - 1).getId();
      }
      if (pages % 20 == 0 || page.next().isEmpty() || count.get() >= limit) {
        OUT.printf("   %s tickets read, %d pages, last id %d, %s%n", fmt(count.get()), pages, lastId, since(t0));
      }
      if (count.get() >= limit) {
        break;
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    OUT.printf("   %s tickets in %d pages in %.1f s (%s tickets/s)%n%n", fmt(count.get()), pages, seconds,
        fmt((long) (count.get() / Math.max(seconds, 1e-3))));
  }

  private void bulkUpdate(ZendeskClient client, List<Long> ids) {
    step(4, "Bulk-update " + ids.size() + " tickets (update_many, 100 a job) and wait for the jobs");
    TicketsApi tickets = client.api(TicketsApi.class);
    List<String> jobIds = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += 100) {
      String batch = ids.subList(from, Math.min(ids.size(), from + 100)).stream().map(String::valueOf)
          .collect(Collectors.joining(","));
      JobStatusObject job = client.execute(tickets.ticketsUpdateMany(TicketsUpdateManyParams.builder().ids(batch)
          .build(),
        new TicketsUpdateRequest()
          .ticket(new TicketsUpdateRequestTicket().status("pending").addTagsItem("demo-bulk")))).getJobStatus();
      jobIds.add(job.getId());
      OUT.printf("   job %s queued for %d tickets%n", job.getId(), job.getTotal());
    }
    long t0 = System.nanoTime();
    int logBefore = clientLog.size();
    List<JobStatusObject> done = client.jobs().awaitAll(jobIds, WaitPolicy.builder()
        .initialDelay(Duration.ofMillis(200)).maxDelay(Duration.ofSeconds(1)).timeout(Duration.ofMinutes(1)).build());
    long polls = clientLog.subList(logBefore, clientLog.size()).stream().filter(l -> l.contains("job_statuses"))
        .count();
    int results = done.stream().mapToInt(j -> ((List<?>) j.getResults()).size()).sum();
    OUT.printf("   %d jobs %s after %d polling requests (show_many, up to 100 ids each), %s: %d results%n",
        done.size(), done.stream().map(JobStatusObject::getStatus).distinct().collect(Collectors.joining("/")), polls,
        since(t0), results);
    TicketObject sample = client.execute(tickets.showTicket(ids.get(ids.size() - 1))).getTicket();
    OUT.printf("   ticket %d is now %s with tags %s%n%n", sample.getId(), sample.getStatus(), sample.getTags());
  }

  private void safeUpdate(ZendeskClient client, ZendeskClient otherAgent, long ticketId) {
    step(5, "Conflict-safe update of ticket " + ticketId + " while another agent edits it");
    AtomicInteger runs = new AtomicInteger();
    TicketObject updated = client.tickets().safeUpdate(ticketId, (current, changes) -> {
      int run = runs.incrementAndGet();
      OUT.printf("   attempt %d: read ticket (status %s, priority %s, updated_at %s); setting status solved%n",
          run, current.getStatus(), current.getPriority(), current.getUpdatedAt());
      if (run == 1) {
        // the demo's second writer: another agent changes the priority between our read and our write
        otherAgent.execute(otherAgent.api(TicketsApi.class).updateTicket(ticketId, new TicketUpdateRequest()
            .ticket(new TicketObject().priority("urgent"))));
        OUT.println("   ... meanwhile another agent sets priority urgent");
      }
      changes.status("solved");
    });
    String conflict = clientLog.stream().filter(l -> l.contains("conflict")).reduce((a, b) -> b).orElse("none");
    OUT.printf("   409 Conflict seen and retried (%s)%n", conflict.replace("safe update of ", ""));
    OUT.printf("   result after %d attempts: status %s, priority %s (the other agent's change is kept)%n%n",
        runs.get(), updated.getStatus(), updated.getPriority());
  }

  private void rateLimit(ZendeskClient client, long ticketId) {
    step(6, "Rate limit: the next answer is 429 Too Many Requests with Retry-After: 2");
    long t0 = System.nanoTime();
    TicketObject t = client.execute(client.api(TicketsApi.class).showTicket(ticketId)).getTicket();
    String retry = clientLog.stream().filter(l -> l.startsWith("retry")).reduce((a, b) -> b).orElse("no retry");
    OUT.printf("   client: %s%n", retry);
    OUT.printf("   got ticket %d after %s (waited as asked, then succeeded)%n", t.getId(), since(t0));
    var limit = client.rateLimit();
    OUT.printf("   rate limit reported by the server: %d requests a minute, %d left%n%n", limit.limit(),
        limit.remaining());
  }

  private void summary(int requests) {
    OUT.println("Summary");
    if (requests >= 0) {
      OUT.printf("   %s HTTP requests, %s in all%n", fmt(requests), since(started));
    } else {
      OUT.printf("   %s in all%n", since(started));
    }
    OUT.println("   every step used the generated API through the hand-written layer: pagination, jobs, safe"
        + " update, retries and typed errors");
  }

  private static void step(int n, String title) {
    OUT.println(n + ". " + title);
  }

  private static String since(long t0) {
    return String.format(Locale.ROOT, "%.2f s", (System.nanoTime() - t0) / 1e9);
  }

  private static String fmt(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
