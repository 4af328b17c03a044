package io.zenapi.zendesk.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.zenapi.zendesk.ZendeskClient;
import io.zenapi.zendesk.errors.ReauthorizationRequiredException;
import io.zenapi.zendesk.errors.TokenStoreException;
import io.zenapi.zendesk.generated.api.TicketsApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OAuth: client credentials, refresh with rotation saved first, single-flight renewal, refusal, redaction. */
class OAuthCredentialsTest {
  private static final String TICKET = "{\"ticket\":{\"id\":1,\"subject\":\"s\"}}";

  private WireMockServer server;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
  private final List<String> log = Collections.synchronizedList(new ArrayList<>());

  @TempDir Path tmp;

  @BeforeEach
  void start() {
    server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1")
        .containerThreads(40));
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private ZendeskClient client(Credentials credentials, OkHttpClient shared) {
    var b = ZendeskClient.builder().baseUrl(server.baseUrl()).credentials(credentials).clock(clock)
        .sleeper(d -> { }).logger(log::add);
    if (shared != null) {
      b.httpClient(shared);
    }
    return b.build();
  }

  private void tokenResponses(String... bodies) {
    for (int i = 0; i < bodies.length; i++) {
      server.stubFor(post(urlEqualTo("/oauth/tokens")).inScenario("tokens")
          .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "t" + i)
          .willSetStateTo("t" + (i + 1))
          .willReturn(json(201, bodies[i])));
    }
  }

  private void ticketFor(String token) {
    server.stubFor(get(urlPathMatching("/api/v2/tickets/[0-9]+")).withHeader("Authorization",
        equalTo("Bearer " + token)).willReturn(json(200, TICKET)));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
  }

  private static void showTicket(ZendeskClient c) {
    c.execute(c.api(TicketsApi.class).showTicket(1L));
  }

  @Test
  void clientCredentials1000CallsFrom16ThreadsMakeOneTokenRequestThenOneMoreAfterExpiry() throws Exception {
    tokenResponses("{\"access_token\":\"cc-1\",\"token_type\":\"bearer\",\"expires_in\":1800}",
        "{\"access_token\":\"cc-2\",\"token_type\":\"bearer\",\"expires_in\":1800}");
    ticketFor("cc-1");
    ticketFor("cc-2");
    try (ZendeskClient c = client(Credentials.oauthClientCredentials("sync_app", "s3cret-value", "read"), null)) {
      runConcurrently(16, 1000, () -> showTicket(c));
      server.verify(1, postRequestedFor(urlEqualTo("/oauth/tokens")).withRequestBody(equalToJson(
          "{\"grant_type\":\"client_credentials\",\"client_id\":\"sync_app\",\"client_secret\":\"s3cret-value\","
              + "\"scope\":\"read\"}")));
      server.verify(1000, getRequestedFor(urlPathMatching("/api/v2/tickets/1"))
          .withHeader("Authorization", equalTo("Bearer cc-1")));

      clock.advance(Duration.ofMinutes(30));
      runConcurrently(16, 320, () -> showTicket(c));

      server.verify(2, postRequestedFor(urlEqualTo("/oauth/tokens")));
      server.verify(320, getRequestedFor(urlPathMatching("/api/v2/tickets/1"))
          .withHeader("Authorization", equalTo("Bearer cc-2")));
    }
  }

  @Test
  void tokenIsRenewedAMinuteBeforeItExpires() {
    tokenResponses("{\"access_token\":\"cc-1\",\"expires_in\":600}", "{\"access_token\":\"cc-2\",\"expires_in\":600}");
    ticketFor("cc-1");
    ticketFor("cc-2");
    try (ZendeskClient c = client(Credentials.oauthClientCredentials("app", "secret"), null)) {
      showTicket(c);
      clock.advance(Duration.ofSeconds(539));
      showTicket(c);
      server.verify(1, postRequestedFor(urlEqualTo("/oauth/tokens")));
      clock.advance(Duration.ofSeconds(1)); // 60 s before expiry
      showTicket(c);
      server.verify(2, postRequestedFor(urlEqualTo("/oauth/tokens")));
      server.verify(1, getRequestedFor(urlPathEqualTo("/api/v2/tickets/1")).withHeader("Authorization",
          equalTo("Bearer cc-2")));
    }
  }

  @Test
  void a401LeadsToOneRefreshAndOneReplayAndTheRotatedPairIsSavedFirst() throws Exception {
    RecordingStore store = new RecordingStore();
    tokenResponses("{\"access_token\":\"new-access\",\"refresh_token\":\"new-refresh\",\"expires_in\":1800,"
        + "\"refresh_token_expires_in\":2592000}");
    server.stubFor(get(urlPathMatching("/api/v2/tickets/1")).withHeader("Authorization",
        equalTo("Bearer old-access")).willReturn(json(401, "{\"error\":\"invalid_token\"}")));
    ticketFor("new-access");
    List<String> events = store.events;
    OkHttpClient recorder = new OkHttpClient.Builder().addNetworkInterceptor(chain -> {
      events.add("sent " + chain.request().method() + " " + chain.request().url().encodedPath() + " "
          + chain.request().header("Authorization"));
      return chain.proceed(chain.request());
    }).build();

    try (ZendeskClient c = client(Credentials.oauthRefreshing("old-access", "old-refresh", "app", "app-secret", store),
        recorder)) {
      showTicket(c);
    }

    server.verify(1, postRequestedFor(urlEqualTo("/oauth/tokens")).withRequestBody(equalToJson(
        "{\"grant_type\":\"refresh_token\",\"refresh_token\":\"old-refresh\",\"client_id\":\"app\","
            + "\"client_secret\":\"app-secret\"}")));
    assertEquals(List.of(
        "sent GET /api/v2/tickets/1 Bearer old-access",
        "sent POST /oauth/tokens null",
        "saved new-access/new-refresh",
        "sent GET /api/v2/tickets/1 Bearer new-access"), events);
    assertEquals(Instant.parse("2026-11-22T10:30:00Z"), store.saved.get(0).accessExpiresAt());
    assertEquals(Instant.parse("2026-12-22T10:00:00Z"), store.saved.get(0).refreshExpiresAt());
  }

  @Test
  void sixteenThreadsGetting401AtOnceCauseOneRefresh() throws Exception {
    RecordingStore store = new RecordingStore();
    tokenResponses("{\"access_token\":\"new-access\",\"refresh_token\":\"new-refresh\",\"expires_in\":1800}",
        "{\"access_token\":\"newer-access\",\"refresh_token\":\"newer-refresh\",\"expires_in\":1800}");
    CountDownLatch all401 = new CountDownLatch(16);
    server.stubFor(get(urlPathMatching("/api/v2/tickets/[0-9]+")).withHeader("Authorization",
        equalTo("Bearer old-access")).willReturn(json(401, "{}").withFixedDelay(200)));
    ticketFor("new-access");
    try (ZendeskClient c = client(Credentials.oauthRefreshing("old-access", "old-refresh", "app", "s", store), null)) {
      runConcurrently(16, 16, () -> {
        all401.countDown();
        showTicket(c);
      });
    }
    server.verify(1, postRequestedFor(urlEqualTo("/oauth/tokens")));
    server.verify(16, getRequestedFor(urlPathEqualTo("/api/v2/tickets/1")).withHeader("Authorization",
        equalTo("Bearer old-access")));
    server.verify(16, getRequestedFor(urlPathEqualTo("/api/v2/tickets/1")).withHeader("Authorization",
        equalTo("Bearer new-access")));
    assertEquals(1, store.saved.size());
  }

  @Test
  void aFailingStoreMeansTheNewTokenIsNeverSentUntilItIsSaved() {
    RecordingStore store = new RecordingStore();
    store.failing = true;
    tokenResponses("{\"access_token\":\"new-access\",\"refresh_token\":\"new-refresh\",\"expires_in\":1800}");
    server.stubFor(get(urlPathMatching("/api/v2/tickets/1")).withHeader("Authorization",
        equalTo("Bearer old-access")).willReturn(json(401, "{}")));
    ticketFor("new-access");
    try (ZendeskClient c = client(Credentials.oauthRefreshing("old-access", "old-refresh", "app", "s", store), null)) {
      TokenStoreException e = assertThrows(TokenStoreException.class, () -> showTicket(c));
      assertFalse(e.getMessage().contains("new-refresh") || e.getMessage().contains("new-access"), e.getMessage());
      server.verify(0, getRequestedFor(urlPathEqualTo("/api/v2/tickets/1")).withHeader("Authorization",
          equalTo("Bearer new-access")));

      store.failing = false; // the disk is fixed: the kept pair is saved, no new token request is needed
      showTicket(c);
    }
    server.verify(1, postRequestedFor(urlEqualTo("/oauth/tokens")));
    assertEquals("new-access/new-refresh", store.events.get(store.events.size() - 1).substring("saved ".length()));
    server.verify(1, getRequestedFor(urlPathEqualTo("/api/v2/tickets/1")).withHeader("Authorization",
        equalTo("Bearer new-access")));
  }

  @Test
  void invalidGrantEndsInReauthorizationAfterOneTokenRequestAndNoMore() {
    server.stubFor(post(urlEqualTo("/oauth/tokens")).willReturn(json(400,
        "{\"error\":\"invalid_grant\",\"error_description\":\"The refresh token is invalid or revoked\"}")));
    server.stubFor(get(urlPathMatching("/api/v2/tickets/1")).willReturn(json(401, "{}")));
    try (ZendeskClient c = client(Credentials.oauthRefreshing("old-access", "old-refresh", "app", "s",
        new RecordingStore()), null)) {
      ReauthorizationRequiredException e = assertThrows(ReauthorizationRequiredException.class, () -> showTicket(c));
      assertEquals(Optional.of("invalid_grant"), e.error());
      assertTrue(e.getMessage().contains("authorise the integration again"), e.getMessage());
      assertFalse(e.getMessage().contains("old-refresh"), e.getMessage());
      assertThrows(ReauthorizationRequiredException.class, () -> showTicket(c));
    }
    server.verify(1, postRequestedFor(urlEqualTo("/oauth/tokens")));
    server.verify(1, getRequestedFor(urlPathEqualTo("/api/v2/tickets/1")));
  }

  @Test
  void aRefreshTokenPastItsLifetimeNeedsNoTokenRequestToFail() throws IOException {
    RecordingStore store = new RecordingStore();
    store.save(new OAuthTokens("stored-access", "stored-refresh", Instant.parse("2026-11-22T09:00:00Z"),
        Instant.parse("2026-11-22T09:30:00Z")));
    try (ZendeskClient c = client(Credentials.oauthRefreshing("a", "r", "app", "s", store), null)) {
      ReauthorizationRequiredException e = assertThrows(ReauthorizationRequiredException.class, () -> showTicket(c));
      assertEquals(Optional.of("refresh_token_expired"), e.error());
    }
    server.verify(0, postRequestedFor(urlEqualTo("/oauth/tokens")));
    assertEquals(0, server.getAllServeEvents().size());
  }

  @Test
  void secretsNeverAppearInToStringLogsOrMessages() {
    tokenResponses("{\"access_token\":\"new-access\",\"refresh_token\":\"new-refresh\",\"expires_in\":1800}");
    server.stubFor(get(urlPathMatching("/api/v2/tickets/1")).withHeader("Authorization",
        equalTo("Bearer old-access")).willReturn(json(401, "{}")));
    server.stubFor(get(urlPathMatching("/api/v2/tickets/1")).withHeader("Authorization",
        equalTo("Bearer new-access")).willReturn(json(404, "{\"error\":\"RecordNotFound\"}")));
    Credentials creds = Credentials.oauthRefreshing("old-access", "old-refresh", "app", "app-secret",
        new RecordingStore());
    String message;
    try (ZendeskClient c = client(creds, null)) {
      message = assertThrows(RuntimeException.class, () -> showTicket(c)).getMessage();
      String everything = String.join("\n", log) + creds + c + message
          + new OAuthTokens("new-access", "new-refresh", null, null);
      for (String secret : List.of("old-access", "old-refresh", "app-secret", "new-access", "new-refresh")) {
        assertFalse(everything.contains(secret), "leaked " + secret + " in:\n" + everything);
      }
    }
    assertTrue(log.stream().anyMatch(l -> l.contains("OAuth refresh_token: new access token")), log.toString());
  }

  @Test
  void fileStoreWritesAtomicallyWithOwnerOnlyPermissionsAndReadsBack() throws IOException {
    Path file = tmp.resolve("secrets/zendesk-tokens.json");
    TokenStore store = TokenStore.file(file);
    assertEquals(Optional.empty(), store.load());
    OAuthTokens pair = new OAuthTokens("a1", "r1", Instant.parse("2026-11-22T10:30:00Z"), null);
    store.save(pair);
    store.save(new OAuthTokens("a2", "r2", null, Instant.parse("2026-12-22T10:00:00Z")));
    assertEquals(new OAuthTokens("a2", "r2", null, Instant.parse("2026-12-22T10:00:00Z")), store.load().get());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    try (var files = Files.list(file.getParent())) {
      assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
    }
    assertFalse(store.toString().contains("a2"));
  }

  @Test
  void refreshingCredentialsPreferThePairAlreadyInTheStore() throws IOException {
    RecordingStore store = new RecordingStore();
    store.save(new OAuthTokens("stored-access", "stored-refresh", null, null));
    ticketFor("stored-access");
    try (ZendeskClient c = client(Credentials.oauthRefreshing("stale", "stale-r", "app", "s", store), null)) {
      showTicket(c);
    }
    server.verify(1, getRequestedFor(urlPathEqualTo("/api/v2/tickets/1")).withHeader("Authorization",
        equalTo("Bearer stored-access")));
  }

  @Test
  void authorizationCodeFlowUsesPkceAndExchangesTheCode() throws Exception {
    tokenResponses("{\"access_token\":\"ac-1\",\"refresh_token\":\"rt-1\",\"expires_in\":1800,"
        + "\"refresh_token_expires_in\":604800}");
    AuthorizationCodeFlow flow = AuthorizationCodeFlow.builder().baseUrl(server.baseUrl()).clientId("onboard_app")
        .clientSecret("cs").redirectUri("https://app.example.com/cb").scope("read write").clock(clock).build();
    AuthorizationCodeFlow.Request req = flow.start();
    okhttp3.HttpUrl url = okhttp3.HttpUrl.get(req.url());
    assertEquals("/oauth/authorizations/new", url.encodedPath());
    assertEquals("code", url.queryParameter("response_type"));
    assertEquals("onboard_app", url.queryParameter("client_id"));
    assertEquals(req.state(), url.queryParameter("state"));
    assertEquals("S256", url.queryParameter("code_challenge_method"));
    String expected = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(java.security.MessageDigest
        .getInstance("SHA-256").digest(req.codeVerifier().getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    assertEquals(expected, url.queryParameter("code_challenge"));
    assertTrue(req.codeVerifier().length() >= 43);
    assertFalse(req.toString().contains(req.codeVerifier()));

    OAuthTokens tokens = flow.exchange("the-code", req);

    assertEquals("ac-1", tokens.accessToken());
    assertEquals("rt-1", tokens.refreshToken());
    LoggedRequest sent = server.findAll(postRequestedFor(urlEqualTo("/oauth/tokens"))).get(0);
    assertTrue(equalToJson("{\"grant_type\":\"authorization_code\",\"code\":\"the-code\",\"client_id\":\"onboard_app\","
        + "\"client_secret\":\"cs\",\"redirect_uri\":\"https://app.example.com/cb\",\"code_verifier\":\""
        + req.codeVerifier() + "\",\"scope\":\"read write\"}").match(sent.getBodyAsString()).isExactMatch());
    assertEquals(null, sent.getHeader("Authorization"));
  }

  @Test
  void oauthArgumentsAreCheckedBeforeAnyRequest() {
    assertThrows(IllegalArgumentException.class, () -> Credentials.oauthClientCredentials("", "s"));
    assertThrows(IllegalArgumentException.class, () -> Credentials.oauthClientCredentials("id", " "));
    assertThrows(IllegalArgumentException.class,
        () -> Credentials.oauthRefreshing("a", "r", "id", "s", null));
    assertThrows(IllegalArgumentException.class,
        () -> Credentials.oauthRefreshing("a", "", "id", "s", new RecordingStore()));
    assertThrows(IllegalStateException.class, () -> AuthorizationCodeFlow.builder().subdomain("acme")
        .clientId("x").redirectUri("not a url").build());
    assertEquals(0, server.getAllServeEvents().size());
  }

  private static void runConcurrently(int threads, int calls, Runnable call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        futures.add(pool.submit(call));
      }
      for (Future<?> f : futures) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** A store that records what it saved, in order with the requests sent, and can be made to fail. */
  static final class RecordingStore implements TokenStore {
    final List<String> events = Collections.synchronizedList(new ArrayList<>());
    final List<OAuthTokens> saved = Collections.synchronizedList(new ArrayList<>());
    volatile boolean failing;

    @Override
    public void save(OAuthTokens tokens) throws IOException {
      if (failing) {
        throw new IOException("disk full");
      }
      saved.add(tokens);
      events.add("saved " + tokens.accessToken() + "/" + tokens.refreshToken());
    }

    @Override
    public Optional<OAuthTokens> load() {
      return saved.isEmpty() ? Optional.empty() : Optional.of(saved.get(saved.size() - 1));
    }
  }
}
