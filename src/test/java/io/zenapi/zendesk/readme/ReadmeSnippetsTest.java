package io.zenapi.zendesk.readme;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.zenapi.zendesk.ZendeskClient;
import io.zenapi.zendesk.auth.Credentials;
import io.zenapi.zendesk.generated.model.JobStatusObject;
import io.zenapi.zendesk.generated.model.TicketObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every README code example is the compiled code of {@link ReadmeExamples}, and each one runs against WireMock. */
class ReadmeSnippetsTest {
  private static final Path EXAMPLES = Path.of("src/test/java/io/zenapi/zendesk/readme/ReadmeExamples.java");
  private static final Path MOCK_EXAMPLE = Path.of("src/test/java/io/zenapi/zendesk/mock/ReadmeMockExampleTest.java");
  private static final Path WEBHOOK_EXAMPLES =
      Path.of("src/test/java/io/zenapi/zendesk/webhooks/WebhookReceivingExamples.java");
  private static final String AUTH = "Bearer readme-token";

  private WireMockServer server;
  private ZendeskClient client;

  @BeforeEach
  void start() {
    server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    client = ZendeskClient.builder().baseUrl(server.baseUrl()).credentials(Credentials.oauth("readme-token"))
        .sleeper(d -> { }).build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.stop();
  }

  @Test
  void everyExampleRegionIsInTheReadmeVerbatim() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    List<String> regions = new ArrayList<>(regions(Files.readString(EXAMPLES)));
    assertEquals(15, regions.size(), "builder, pagination, jobs, safe-update, errors, two OAuth examples, export,"
        + " search and update, create user and ticket, skips, upload, async and raw, models, sync");
    List<String> mock = regions(Files.readString(MOCK_EXAMPLE)); // run by ReadmeMockExampleTest itself
    assertEquals(2, mock.size(), "the mock example, and errors and state");
    regions.addAll(mock);
    List<String> webhooks = regions(Files.readString(WEBHOOK_EXAMPLES)); // run by WebhooksEndToEndTest
    assertEquals(2, webhooks.size(), "receiving with the JDK's HttpServer and with a Servlet filter");
    regions.addAll(webhooks);
    for (String region : regions) {
      assertTrue(readme.contains(region), "README.md lacks this example, or it differs:\n" + region);
    }
  }

  @Test
  void builderExampleBuildsAClientForTheSubdomain() {
    try (ZendeskClient built = ReadmeExamples.builder("token-123")) {
      assertEquals("https://acme.zendesk.com/", built.baseUrl().toString());
    }
  }

  @Test
  void paginationExampleReadsEveryPage() {
    server.stubFor(get(urlEqualTo("/api/v2/tickets?page%5Bsize%5D=100")).willReturn(json(
        "{\"tickets\":[{\"id\":1,\"subject\":\"a\"},{\"id\":2,\"subject\":\"b\"}],"
            + "\"meta\":{\"has_more\":true,\"after_cursor\":\"c1\"},\"links\":{\"next\":\"" + server.baseUrl()
            + "/api/v2/tickets?page%5Bsize%5D=100&page%5Bafter%5D=c1\"}}")));
    server.stubFor(get(urlEqualTo("/api/v2/tickets?page%5Bsize%5D=100&page%5Bafter%5D=c1")).willReturn(json(
        "{\"tickets\":[{\"id\":3,\"subject\":\"c\"}],\"meta\":{\"has_more\":false,\"after_cursor\":\"c2\"},"
            + "\"links\":{\"next\":null}}")));

    assertEquals(List.of("1 a", "2 b", "3 c",
        server.baseUrl() + "/api/v2/tickets?page%5Bsize%5D=100&page%5Bafter%5D=c1",
        server.baseUrl() + "/api/v2/tickets?page%5Bsize%5D=100&page%5Bafter%5D=c2"),
        ReadmeExamples.pagination(client), "the items, then the positions saved: the last is where to go on later");
    server.verify(2, getRequestedFor(urlPathEqualTo("/api/v2/tickets")).withHeader("Authorization", equalTo(AUTH)));
  }

  @Test
  void jobsExampleWaitsForTheBulkUpdate() {
    server.stubFor(put(urlEqualTo("/api/v2/tickets/update_many?ids=1%2C2%2C3")).willReturn(json(
        "{\"job_status\":{\"id\":\"j1\",\"status\":\"queued\"}}")));
    server.stubFor(get(urlEqualTo("/api/v2/job_statuses/j1")).willReturn(json(
        "{\"job_status\":{\"id\":\"j1\",\"status\":\"completed\",\"total\":3,\"progress\":3,"
            + "\"results\":[{\"id\":1,\"success\":true},{\"id\":2,\"success\":true},{\"id\":3,\"success\":true}]}}")));

    JobStatusObject done = ReadmeExamples.jobs(client);

    assertEquals("completed", done.getStatus());
    assertEquals(3, ((List<?>) done.getResults()).size());
    server.verify(putRequestedFor(urlEqualTo("/api/v2/tickets/update_many?ids=1%2C2%2C3"))
        .withRequestBody(equalToJson("{\"ticket\":{\"status\":\"solved\"}}")));
    server.verify(1, getRequestedFor(urlEqualTo("/api/v2/job_statuses/j1")));
  }

  @Test
  void safeUpdateExampleSendsTheStampItRead() {
    server.stubFor(get(urlPathEqualTo("/api/v2/tickets/42")).willReturn(json(
        "{\"ticket\":{\"id\":42,\"status\":\"open\",\"updated_at\":\"2026-11-01T10:00:00Z\"}}")));
    server.stubFor(put(urlEqualTo("/api/v2/tickets/42")).willReturn(json(
        "{\"ticket\":{\"id\":42,\"status\":\"solved\",\"updated_at\":\"2026-11-01T10:05:00Z\"}}")));

    TicketObject updated = ReadmeExamples.safeUpdate(client);

    assertEquals("solved", updated.getStatus());
    server.verify(putRequestedFor(urlEqualTo("/api/v2/tickets/42")).withRequestBody(equalToJson(
        "{\"ticket\":{\"status\":\"solved\",\"safe_update\":true,\"updated_stamp\":\"2026-11-01T10:00:00Z\"}}")));
  }

  @Test
  void errorsExampleNamesTheMissingTicket() {
    server.stubFor(get(urlPathEqualTo("/api/v2/tickets/42")).willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/json").withHeader("X-Zendesk-Request-Id", "req-77")
        .withBody("{\"error\":\"RecordNotFound\",\"description\":\"Not found\"}")));

    assertEquals("no ticket 42 (request id req-77)", ReadmeExamples.errors(client));
  }

  @Test
  void exportExampleResumesFromTheSavedCheckpoint() {
    String page2 = server.baseUrl() + "/api/v2/incremental/tickets/cursor.json?cursor=c2";
    server.stubFor(get(urlEqualTo("/api/v2/incremental/tickets/cursor?start_time=1700000000")).willReturn(json(
        "{\"tickets\":[{\"id\":1},{\"id\":2}],\"after_url\":\"" + page2 + "\",\"after_cursor\":\"c2\","
            + "\"end_of_stream\":false}")));
    server.stubFor(get(urlEqualTo("/api/v2/incremental/tickets/cursor.json?cursor=c2")).willReturn(json(
        "{\"tickets\":[{\"id\":3}],\"after_url\":null,\"after_cursor\":\"c3\",\"end_of_stream\":true}")));

    List<Long> first = ReadmeExamples.export(client, 1_700_000_000L, null, new ArrayList<>());
    assertEquals(List.of(1L, 2L, 3L, (long) page2.length()), first, "every ticket, then the checkpoint saved");
    server.resetRequests();
    List<Long> resumed = ReadmeExamples.export(client, 1_700_000_000L, page2, new ArrayList<>());
    assertEquals(List.of(3L, (long) page2.length()), resumed, "a later run goes on from the checkpoint");
    server.verify(1, getRequestedFor(urlEqualTo("/api/v2/incremental/tickets/cursor.json?cursor=c2"))
        .withHeader("Authorization", equalTo(AUTH)));
    server.verify(0, getRequestedFor(urlPathEqualTo("/api/v2/incremental/tickets/cursor")));
  }

  @Test
  void searchAndUpdateExampleExportsTheIdsAndUpdatesThemInOneJob() {
    server.stubFor(get(urlEqualTo("/api/v2/search/export?query=status%3Aopen%20tags%3Avip&filter%5Btype%5D=ticket"
        + "&page%5Bsize%5D=1000")).willReturn(json("{\"results\":[{\"result_type\":\"ticket\",\"id\":7},{\"result_type\":\"ticket\",\"id\":8}],"
            + "\"meta\":{\"has_more\":false},\"links\":{}}")));
    server.stubFor(put(urlEqualTo("/api/v2/tickets/update_many?ids=7%2C8")).willReturn(json(
        "{\"job_status\":{\"id\":\"j9\",\"status\":\"queued\"}}")));
    server.stubFor(get(urlEqualTo("/api/v2/job_statuses/j9")).willReturn(json(
        "{\"job_status\":{\"id\":\"j9\",\"status\":\"completed\",\"total\":2,\"progress\":2}}")));

    assertEquals("completed", ReadmeExamples.searchAndUpdate(client).getStatus());
    server.verify(putRequestedFor(urlEqualTo("/api/v2/tickets/update_many?ids=7%2C8"))
        .withRequestBody(equalToJson("{\"ticket\":{\"priority\":\"high\"}}")));
    assertEquals(3, server.getAllServeEvents().size(), "export, update, one poll");
  }

  @Test
  void createUserAndTicketExampleSendsBothBodies() {
    server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/api/v2/users"))
        .willReturn(json("{\"user\":{\"id\":501,\"name\":\"Ada Lovelace\"}}")));
    server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/api/v2/tickets"))
        .willReturn(json("{\"ticket\":{\"id\":9001,\"requester_id\":501}}")));

    assertEquals(9001L, ReadmeExamples.createUserAndTicket(client).getId());
    server.verify(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo("/api/v2/users"))
        .withRequestBody(equalToJson("{\"user\":{\"name\":\"Ada Lovelace\",\"email\":\"ada@example.com\","
            + "\"role\":\"end-user\"}}")));
    server.verify(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo("/api/v2/tickets"))
        .withRequestBody(equalToJson("{\"ticket\":{\"subject\":\"Printer on fire\",\"requester_id\":501,"
            + "\"comment\":{\"body\":\"It is on fire.\"}}}")));
  }

  @Test
  void skipsExampleRecordsASkipAndListsSkipsAndSuspendedTickets() {
    server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/api/v2/skips"))
        .willReturn(json("{\"skip\":{\"id\":1,\"ticket_id\":35436}}")));
    server.stubFor(get(urlEqualTo("/api/v2/users/77/skips?page%5Bsize%5D=100")).willReturn(json(
        "{\"skips\":[{\"id\":1,\"ticket_id\":35436}],\"meta\":{\"has_more\":false},\"links\":{}}")));
    server.stubFor(get(urlEqualTo("/api/v2/suspended_tickets?sort_by=created_at&sort_order=desc&page%5Bsize%5D=100"))
        .willReturn(json("{\"suspended_tickets\":[{\"id\":3,\"subject\":\"Held\"}],\"meta\":{\"has_more\":false},"
            + "\"links\":{}}")));

    assertEquals(List.of("skip 35436", "suspended Held"), ReadmeExamples.skipsAndSuspended(client, 77L));
    server.verify(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo("/api/v2/skips"))
        .withRequestBody(equalToJson("{\"skip\":{\"ticket_id\":35436,\"reason\":\"Waiting for the customer\"}}")));
    assertEquals(3, server.getAllServeEvents().size());
  }

  @Test
  void uploadExampleSendsTheBytesWithTheirTypeThenTheToken() {
    server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo(
        "/api/v2/uploads?filename=screenshot.png")).willReturn(json("{\"upload\":{\"token\":\"tok-1\"}}")));
    server.stubFor(put(urlEqualTo("/api/v2/tickets/42")).willReturn(json("{\"ticket\":{\"id\":42}}")));

    assertEquals(42L, ReadmeExamples.upload(client, new byte[] {(byte) 0x89, 'P', 'N', 'G'}).getId());
    server.verify(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo(
        "/api/v2/uploads?filename=screenshot.png")).withHeader("Content-Type", equalTo("image/png")).withRequestBody(
            com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo(new byte[] {(byte) 0x89, 'P', 'N', 'G'})));
    server.verify(putRequestedFor(urlEqualTo("/api/v2/tickets/42")).withRequestBody(equalToJson(
        "{\"ticket\":{\"comment\":{\"body\":\"Screenshot attached\",\"uploads\":[\"tok-1\"]}}}")));
  }

  @Test
  void asyncAndRawExampleReadsTheBodyAndTheHeaders() {
    server.stubFor(get(urlEqualTo("/api/v2/tickets/42"))
        .willReturn(json("{\"ticket\":{\"id\":42,\"subject\":\"a\"}}")));
    server.stubFor(get(urlEqualTo("/api/v2/tickets/42?include=users")).willReturn(json(
        "{\"ticket\":{\"id\":42,\"subject\":\"b\"}}").withHeader("X-Zendesk-Request-Id", "req-5")
        .withHeader("X-Rate-Limit", "700").withHeader("X-Rate-Limit-Remaining", "699")));

    assertEquals("a | 200 req-5 699 left: b", ReadmeExamples.asyncAndRaw(client));
  }

  @Test
  void modelsExampleKeepsAnUnknownFieldAndSendsAnExplicitNull() {
    server.stubFor(get(urlEqualTo("/api/v2/tickets/42")).willReturn(json(
        "{\"ticket\":{\"id\":42,\"assignee_id\":7,\"ai_summary\":\"printer on fire\"}}")));
    server.stubFor(put(urlEqualTo("/api/v2/tickets/42")).willReturn(json("{\"ticket\":{\"id\":42}}")));

    assertEquals("printer on fire PRESENT", ReadmeExamples.models(client));
    server.verify(putRequestedFor(urlEqualTo("/api/v2/tickets/42")).withRequestBody(
        com.github.tomakehurst.wiremock.client.WireMock.equalTo("{\"ticket\":{\"assignee_id\":null}}")));
  }

  @Test
  void syncExampleRunsRoundsThatEachSeeOnlyNewChanges() {
    String base = server.baseUrl() + "/api/v2/incremental/tickets/cursor.json?cursor=";
    server.stubFor(get(urlEqualTo("/api/v2/incremental/tickets/cursor?start_time=1700000000&per_page=1000"))
        .willReturn(json("{\"tickets\":[{\"id\":1},{\"id\":2}],\"after_url\":\"" + base + "c1\","
            + "\"after_cursor\":\"c1\",\"end_of_stream\":true}")));
    server.stubFor(get(urlEqualTo("/api/v2/incremental/tickets/cursor.json?cursor=c1&per_page=1000"))
        .willReturn(json("{\"tickets\":[{\"id\":2}],\"after_url\":\"" + base + "c2\",\"after_cursor\":\"c2\","
            + "\"end_of_stream\":true}")));
    server.stubFor(get(urlEqualTo("/api/v2/incremental/tickets/cursor.json?cursor=c2&per_page=1000"))
        .willReturn(json("{\"tickets\":[],\"after_url\":\"" + base + "c2\",\"after_cursor\":\"c2\","
            + "\"end_of_stream\":true}")));
    java.util.concurrent.atomic.AtomicReference<String> position = new java.util.concurrent.atomic.AtomicReference<>();
    List<Long> handled = new ArrayList<>();
    List<java.time.Duration> sleeps = new ArrayList<>();
    java.util.concurrent.atomic.AtomicInteger rounds = new java.util.concurrent.atomic.AtomicInteger();

    ReadmeExamples.sync(client, 1_700_000_000L, new ReadmeExamples.PositionStore() {
      @Override
      public String load() {
        return position.get();
      }

      @Override
      public void save(String p) {
        position.set(p);
      }
    }, t -> handled.add(t.getId()), () -> rounds.incrementAndGet() <= 3, sleeps::add);

    assertEquals(List.of(1L, 2L, 2L), handled, "round 1: both; round 2: the one changed since; round 3: nothing");
    assertEquals(base + "c2", position.get());
    assertEquals(3, sleeps.size());
    server.verify(1, getRequestedFor(urlEqualTo("/api/v2/incremental/tickets/cursor?start_time=1700000000"
        + "&per_page=1000")));
    assertEquals(3, server.getAllServeEvents().size(), "one request a round");
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
  }

  /** The dedented code between each tag::x[] and end::x[] marker. */
  static List<String> regions(String source) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("// tag::[a-z-]+\\[]\\n(.*?)\\n\\s*// end::[a-z-]+\\[]", Pattern.DOTALL)
        .matcher(source);
    while (m.find()) {
      String[] lines = m.group(1).split("\n");
      int indent = Integer.MAX_VALUE;
      for (String l : lines) {
        if (!l.isBlank()) {
          indent = Math.min(indent, l.length() - l.stripLeading().length());
        }
      }
      StringBuilder sb = new StringBuilder();
      for (String l : lines) {
        sb.append(l.isBlank() ? "" : l.substring(indent)).append('\n');
      }
      out.add(sb.toString().stripTrailing());
    }
    return out;
  }

  @Test
  void oauthClientCredentialsExampleGetsATokenAndUsesIt() {
    server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/oauth/tokens"))
        .willReturn(json("{\"access_token\":\"cc-token\",\"expires_in\":1800}")));
    server.stubFor(get(urlPathEqualTo("/api/v2/tickets/42")).withHeader("Authorization", equalTo("Bearer cc-token"))
        .willReturn(json("{\"ticket\":{\"id\":42}}")));

    assertEquals(42L, ReadmeExamples.oauthClientCredentials(server.baseUrl(), "acme_sync", "secret").getId());
    server.verify(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo("/oauth/tokens"))
        .withRequestBody(equalToJson("{\"grant_type\":\"client_credentials\",\"client_id\":\"acme_sync\","
            + "\"client_secret\":\"secret\",\"scope\":\"read write\"}")));
  }

  @Test
  void oauthRefreshingExampleRefreshesOnA401AndSavesThePair(@org.junit.jupiter.api.io.TempDir Path dir)
      throws IOException {
    server.stubFor(get(urlPathEqualTo("/api/v2/tickets/42")).withHeader("Authorization", equalTo("Bearer old"))
        .willReturn(aResponse().withStatus(401)));
    server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/oauth/tokens"))
        .willReturn(json("{\"access_token\":\"new\",\"refresh_token\":\"new-r\",\"expires_in\":1800}")));
    server.stubFor(get(urlPathEqualTo("/api/v2/tickets/42")).withHeader("Authorization", equalTo("Bearer new"))
        .willReturn(json("{\"ticket\":{\"id\":42}}")));
    Path file = dir.resolve("zendesk-tokens.json");

    assertEquals(42L, ReadmeExamples.oauthRefreshing(server.baseUrl(), file, "old", "old-r", "app", "s").getId());
    assertTrue(Files.readString(file).contains("\"refresh_token\":\"new-r\""));
  }
}
