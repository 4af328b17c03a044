package io.zenapi.zendesk.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.zenapi.zendesk.ZendeskClient;
import io.zenapi.zendesk.auth.Credentials;
import io.zenapi.zendesk.auth.OAuthCredentials;
import io.zenapi.zendesk.auth.TokenStore;
import io.zenapi.zendesk.generated.api.SearchApi;
import io.zenapi.zendesk.generated.api.TicketsApi;
import io.zenapi.zendesk.generated.model.JobStatusObject;
import io.zenapi.zendesk.generated.model.SearchExportResponse;
import io.zenapi.zendesk.generated.model.TicketObject;
import io.zenapi.zendesk.generated.model.TicketsResponse;
import io.zenapi.zendesk.pagination.PagePosition;
import io.zenapi.zendesk.pagination.Paginated;
import io.zenapi.zendesk.transport.Harness;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/** Bad input (builder, credentials, pagination, ids, null call/body/function/job id): a clear IllegalArgumentException/IllegalStateException before any request. */
class BadInputTest {
  private static final ReliabilityTable TABLE = new ReliabilityTable("bad input, rejected before any request",
      "input", "rejected with", "requests", "coverage");
  private static Harness h;
  private static ZendeskClient client;

  @BeforeAll
  static void start() {
    h = Harness.start();
    client = h.client();
  }

  @AfterAll
  static void stop() {
    if (h != null) {
      h.stop();
    }
    TABLE.print(TABLE.size() + " inputs");
  }

  private record Case(String input, Class<? extends RuntimeException> type, String says, Executable action,
      String alsoIn) {}

  private static Case c(String input, Class<? extends RuntimeException> type, String says, Executable action) {
    return new Case(input, type, says, action, null);
  }

  private static Case also(String test, String input, Class<? extends RuntimeException> type, String says,
      Executable action) {
    return new Case(input, type, says, action, test);
  }

  private static ZendeskClient build(String subdomain, String baseUrl, Credentials credentials) {
    var b = ZendeskClient.builder().sleeper(h.sleeper).clock(h.clock).logger(h.log::add);
    if (subdomain != null) {
      b.subdomain(subdomain);
    }
    if (baseUrl != null) {
      b.baseUrl(baseUrl);
    }
    if (credentials != null) {
      b.credentials(credentials);
    }
    return b.build();
  }

  private static final Credentials OAUTH = Credentials.oauth(Harness.OAUTH_TOKEN);
  private static final Class<IllegalArgumentException> IAE = IllegalArgumentException.class;
  private static final Class<IllegalStateException> ISE = IllegalStateException.class;

  private static Paginated<TicketObject> tickets() {
    TicketsApi api = client.api(TicketsApi.class);
    return client.paginate(api.listTickets(), TicketsResponse::getTickets);
  }

  static List<Case> cases() {
    String bvt = "client/BuilderValidationTest";
    String sut = "tickets/SafeUpdateTest";
    String jat = "jobs/JobsAwaitTest";
    List<Case> all = new ArrayList<>();
    // where to: subdomain and base URL
    all.add(also(bvt, "subdomain(\"\")", ISE, "subdomain ''", () -> build("", null, OAUTH)));
    all.add(also(bvt, "subdomain(\"Acme Corp\")", ISE, "is not a Zendesk subdomain",
        () -> build("Acme Corp", null, OAUTH)));
    all.add(c("subdomain(\"acme\\n.evil.com\")", ISE, "is not a Zendesk subdomain",
        () -> build("acme\n.evil.com", null, OAUTH)));
    all.add(c("subdomain(\"acme.evil.com/x?\")", ISE, "is not a Zendesk subdomain",
        () -> build("acme.evil.com/x?", null, OAUTH)));
    all.add(also(bvt, "baseUrl(\"http://example.com\")", ISE, "plain http",
        () -> build(null, "http://example.com", OAUTH)));
    all.add(c("baseUrl(\"http://169.254.169.254/\") (cloud metadata)", ISE, "plain http",
        () -> build(null, "http://169.254.169.254/", OAUTH)));
    all.add(c("baseUrl(\"http://0.0.0.0:8080/\")", ISE, "plain http", () -> build(null, "http://0.0.0.0:8080/",
        OAUTH)));
    all.add(c("baseUrl(\"http://[::ffff:10.0.0.1]/\")", ISE, "plain http",
        () -> build(null, "http://[::ffff:10.0.0.1]/", OAUTH)));
    all.add(c("baseUrl(\"javascript:alert(1)\")", ISE, "is not an http(s) URL",
        () -> build(null, "javascript:alert(1)", OAUTH)));
    // credentials
    all.add(also(bvt, "no credentials(...)", ISE, "credentials(...) is required",
        () -> build(null, h.server.baseUrl(), null)));
    all.add(c("Credentials.basic(email, null)", IAE, "password must not be blank",
        () -> Credentials.basic("agent@example.com", null)));
    all.add(c("Credentials.oauthClientCredentials(null, secret)", IAE, "clientId must not be blank",
        () -> Credentials.oauthClientCredentials(null, "s3cret")));
    all.add(c("Credentials.oauthClientCredentials(id, \" \")", IAE, "clientSecret must not be blank",
        () -> Credentials.oauthClientCredentials("id", " ")));
    all.add(c("Credentials.oauthRefreshing(..., store null)", IAE, "TokenStore is required",
        () -> Credentials.oauthRefreshing("a", "r", "id", "s", (TokenStore) null)));
    all.add(c("one OAuthCredentials for two clients", ISE, "already belong to another ZendeskClient", () -> {
      OAuthCredentials shared = Credentials.oauthClientCredentials("id", "s3cret");
      build(null, h.server.baseUrl(), shared).close();
      build(null, h.server.baseUrl(), shared);
    }));
    // pagination
    all.add(also("pagination/CursorPaginationTest", "paginate(...).pageSize(0)", IAE, "between 1 and 100",
        () -> tickets().pageSize(0)));
    all.add(also("pagination/CursorPaginationTest", "paginate(...).pageSize(101)", IAE, "between 1 and 100",
        () -> tickets().pageSize(101)));
    all.add(c("paginate(null, items)", IAE, "must not be null",
        () -> client.paginate(null, TicketsResponse::getTickets)));
    all.add(c("paginate(call, null)", IAE, "must not be null", () -> client.paginate(client.api(TicketsApi.class)
        .listTickets(), null)));
    all.add(c("pageSize(1001) on search export", IAE, "must be between 1 and 1000",
        () -> client.paginate(client.api(SearchApi.class).exportSearchResults("x", "ticket"),
            SearchExportResponse::getResults).pageSize(1001)));
    all.add(c("pageSize(10) on an operation without pages", IAE, "showTicket takes no page size",
        () -> client.paginate(client.api(TicketsApi.class).showTicket(1L), r -> List.of(r)).pageSize(10)));
    all.add(c("resumeFrom(null)", IAE, "position must not be null", () -> tickets().resumeFrom(null)));
    all.add(c("PagePosition.parse(\"not a url\")", IAE, "not a saved page position",
        () -> PagePosition.parse("not a url")));
    all.add(c("PagePosition.parse(null)", IAE, "not a saved page position", () -> PagePosition.parse(null)));
    // ids of the hand-written layer
    all.add(also(sut, "tickets().safeUpdate(-1, change)", IAE, "ticket id must be positive",
        () -> client.tickets().safeUpdate(-1, (t, ch) -> ch.status("solved"))));
    all.add(c("tickets().safeUpdate(Long.MIN_VALUE, change)", IAE, "ticket id must be positive",
        () -> client.tickets().safeUpdate(Long.MIN_VALUE, (t, ch) -> ch.status("solved"))));
    all.add(c("tickets().safeSetTags(-1, tags)", IAE, "ticket id must be positive",
        () -> client.tickets().safeSetTags(-1, t -> List.of("a"))));
    all.add(c("tickets().safeAddTags(0, tags)", IAE, "ticket id must be positive",
        () -> client.tickets().safeAddTags(0, t -> List.of("a"))));
    all.add(also(sut, "tickets().safeUpdate(42, null)", IAE, "change must not be null",
        () -> client.tickets().safeUpdate(42, null)));
    all.add(c("tickets().safeSetTags(42, null)", IAE, "function must not be null",
        () -> client.tickets().safeSetTags(42, null)));
    all.add(also(jat, "jobs().await((String) null)", IAE, "job id must not be blank",
        () -> client.jobs().await((String) null)));
    all.add(also(jat, "jobs().awaitAll([\"job-1\", null])", IAE, "job id must not be blank",
        () -> client.jobs().awaitAll(Arrays.asList("job-1", null))));
    all.add(also(jat, "jobs().await((JobStatusObject) null)", IAE, "no id",
        () -> client.jobs().await((JobStatusObject) null)));
    // null call / body / argument through the hand-written execute
    all.add(also(bvt, "execute(null)", IAE, "call must not be null", () -> client.execute(null)));
    all.add(c("execute(updateTicket(42, null body))", IAE, "Body parameter value must not be null",
        () -> client.execute(client.api(TicketsApi.class).updateTicket(42L, null))));
    all.add(c("execute(showTicket(null id))", IAE, "showTicket: ticket_id is required",
        () -> client.execute(client.api(TicketsApi.class).showTicket(null))));
    all.add(c("execute(...) on a closed client", ISE, "closed", () -> {
      ZendeskClient closed = build(null, h.server.baseUrl(), OAUTH);
      closed.close();
      closed.execute(client.api(TicketsApi.class).showTicket(1L));
    }));
    all.add(c("api(...) on a closed client", ISE, "closed", () -> {
      ZendeskClient closed = build(null, h.server.baseUrl(), OAUTH);
      closed.close();
      closed.api(TicketsApi.class);
    }));
    return all;
  }

  @TestFactory
  Stream<DynamicTest> eachIsRejectedBeforeAnyRequest() {
    return cases().stream().map(k -> DynamicTest.dynamicTest(k.input(), () -> {
      h.server.resetRequests();
      RuntimeException e = null;
      try {
        k.action().execute();
      } catch (RuntimeException thrown) {
        e = thrown;
      } catch (Throwable t) {
        TABLE.add(k.input(), "ESCAPED " + t, "?", coverage(k));
        throw t;
      }
      int sent = h.requests().size();
      TABLE.add(k.input(), e == null ? "ACCEPTED" : e.getClass().getSimpleName() + ": " + shorten(e.getMessage()),
          Integer.toString(sent), coverage(k));
      if (e == null) {
        fail(k.input() + " was accepted");
      }
      assertSame(k.type(), e.getClass(), () -> k.input() + " threw " + k.type());
      String m = String.valueOf(e.getMessage());
      assertTrue(m.contains(k.says()), () -> "'" + k.says() + "' not in: " + m);
      assertFalse(m.contains(Harness.OAUTH_TOKEN) || m.contains("s3cret"), m);
      assertEquals(0, sent, "requests sent");
    }));
  }

  private static String coverage(Case k) {
    return k.alsoIn() == null ? "new" : "also in " + k.alsoIn();
  }

  private static String shorten(String m) {
    String one = String.valueOf(m).replace('\n', ' ');
    return one.length() <= 90 ? one : one.substring(0, 87) + "...";
  }
}
