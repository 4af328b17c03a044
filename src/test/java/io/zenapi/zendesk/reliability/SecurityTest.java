package io.zenapi.zendesk.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.zenapi.zendesk.transport.Harness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.zenapi.zendesk.ZendeskClient;
import io.zenapi.zendesk.ZendeskClientBuilder;
import io.zenapi.zendesk.auth.Credentials;
import io.zenapi.zendesk.errors.AuthenticationException;
import io.zenapi.zendesk.errors.MalformedResponseException;
import io.zenapi.zendesk.errors.ReauthorizationRequiredException;
import io.zenapi.zendesk.errors.ZendeskApiException;
import io.zenapi.zendesk.errors.ZendeskException;
import io.zenapi.zendesk.errors.ZendeskTransportException;
import io.zenapi.zendesk.generated.api.TicketsApi;
import io.zenapi.zendesk.generated.model.TicketObject;
import io.zenapi.zendesk.generated.model.TicketsResponse;
import io.zenapi.zendesk.transport.Harness;
import io.zenapi.zendesk.transport.RetryPolicy;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** No secret in logs (sink and java.util.logging), exception traces or toString() for every credential type; no Authorization on a cross-host redirect; subdomain means https. */
class SecurityTest {
  private static final String EMAIL = "agent@example.com";
  private static final String API_TOKEN = "apitoken-SECRET-5a1b2c";
  private static final String PASSWORD = "pa55word-SECRET-9d8e7f";
  private static final String CLIENT_ID = "reliability-client";
  private static final String CLIENT_SECRET = "client-SECRET-3c4d5e";
  private static final String ISSUED_1 = "issued-SECRET-first-6f7a";
  private static final String ISSUED_2 = "issued-SECRET-renewed-8b9c";
  private static final String QUERY_SECRET = "query-SECRET-0e1f";
  private static final ReliabilityTable TABLE = new ReliabilityTable("security", "check", "credentials", "result");
  private static Harness h;
  private static final List<String> jul = Collections.synchronizedList(new ArrayList<>());
  private static final Handler JUL_CAPTURE = new Handler() {
    private final SimpleFormatter format = new SimpleFormatter();

    @Override
    public void publish(LogRecord r) {
      jul.add(format.format(r));
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private static final Map<String, Level> julLevels = new LinkedHashMap<>();
  /** Strong references: JUL keeps loggers weakly, and a collected one comes back without our handler. */
  private static final List<Logger> julLoggers = new ArrayList<>();

  @BeforeAll
  static void start() {
    h = Harness.start();
    // the client's logger at every level; OkHttp's own (leak warnings and such) from INFO up
    for (String name : List.of("io.zenapi.zendesk", "okhttp3")) {
      Logger l = Logger.getLogger(name);
      julLoggers.add(l);
      julLevels.put(name, l.getLevel());
      l.setLevel(name.equals("okhttp3") ? Level.INFO : Level.ALL);
      l.addHandler(JUL_CAPTURE);
    }
  }

  @AfterAll
  static void stop() {
    for (Map.Entry<String, Level> e : julLevels.entrySet()) {
      Logger l = julLoggers.stream().filter(x -> x.getName().equals(e.getKey())).findFirst().orElseThrow();
      l.removeHandler(JUL_CAPTURE);
      l.setLevel(e.getValue());
    }
    if (h != null) {
      h.stop();
    }
    TABLE.print(TABLE.size() + " checks");
  }

  private static String base64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  /** Every string that must never be shown. */
  private static List<String> secrets() {
    return List.of(API_TOKEN, PASSWORD, CLIENT_SECRET, ISSUED_1, ISSUED_2, Harness.OAUTH_TOKEN, QUERY_SECRET,
        base64(EMAIL + "/token:" + API_TOKEN), base64(EMAIL + ":" + PASSWORD), "Bearer " + Harness.OAUTH_TOKEN,
        "Bearer " + ISSUED_1, "Bearer " + ISSUED_2);
  }

  private static void assertNoSecret(String where, String text) {
    for (String s : secrets()) {
      assertFalse(text.contains(s), () -> where + " shows '" + s + "':\n" + text);
    }
    assertFalse(text.contains("Authorization"), () -> where + " mentions the Authorization header:\n" + text);
  }

  /** The credential types, each made fresh (OAuth credentials belong to one client). */
  private static Map<String, Supplier<Credentials>> credentialTypes() {
    Map<String, Supplier<Credentials>> m = new LinkedHashMap<>();
    m.put("API token", () -> Credentials.apiToken(EMAIL, API_TOKEN));
    m.put("basic", () -> Credentials.basic(EMAIL, PASSWORD));
    m.put("OAuth bearer", () -> Credentials.oauth(Harness.OAUTH_TOKEN));
    m.put("OAuth client credentials", () -> Credentials.oauthClientCredentials(CLIENT_ID, CLIENT_SECRET, "read"));
    return m;
  }

  /** A builder on the main server; {@code sink} false leaves the default (System.Logger -> JUL). */
  private static ZendeskClientBuilder builder(Credentials c, boolean sink) {
    ZendeskClientBuilder b = ZendeskClient.builder().baseUrl(h.server.baseUrl()).credentials(c).sleeper(h.sleeper)
        .clock(h.clock).retryPolicy(RetryPolicy.builder().jitter(0).maxAttempts(5).build());
    return sink ? b.logger(h.log::add) : b;
  }

  private static void stubTheBadDay() {
    h.server.resetAll();
    h.sequence(() -> get(urlPathEqualTo("/api/v2/tickets/1")),
        json(429, "{\"error\":\"TooManyRequests\"}").withHeader("Retry-After", "1"),
        aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
        json(503, "{}"),
        Harness.ticket1().withHeader("X-Zendesk-Request-Id", "ok-1"));
    h.server.stubFor(get(urlPathEqualTo("/api/v2/tickets/2")).willReturn(
        json(401, "{\"error\":\"Couldn't authenticate you\"}")));
    h.server.stubFor(get(urlPathEqualTo("/api/v2/tickets/3")).willReturn(
        aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    h.server.stubFor(get(urlPathEqualTo("/api/v2/tickets/4")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/html").withBody("<html>login page</html>")));
    h.server.stubFor(get(urlPathEqualTo("/api/v2/tickets/5")).willReturn(json(500,
        "{\"error\":\"InternalError\",\"description\":\"something broke\"}")));
    // a server that writes a secret into its next-page link: the log must redact it
    h.server.stubFor(get(urlPathEqualTo("/api/v2/tickets")).withQueryParam("page[after]",
        com.github.tomakehurst.wiremock.client.WireMock.absent()).willReturn(json(200,
            "{\"tickets\":[{\"id\":1}],\"meta\":{\"has_more\":true,\"after_cursor\":\"c2\"},\"links\":{\"next\":\""
                + h.server.baseUrl() + "/api/v2/tickets?page%5Bafter%5D=c2&access_token=" + QUERY_SECRET
                + "\"}}")));
    h.server.stubFor(get(urlPathEqualTo("/api/v2/tickets")).withQueryParam("page[after]",
        com.github.tomakehurst.wiremock.client.WireMock.equalTo("c2")).willReturn(json(200,
            "{\"tickets\":[{\"id\":2}],\"meta\":{\"has_more\":false},\"links\":{\"next\":null}}")));
    h.sequence(() -> post(urlPathEqualTo("/oauth/tokens")),
        json(200, "{\"access_token\":\"" + ISSUED_1 + "\",\"token_type\":\"bearer\",\"expires_in\":7200}"),
        json(200, "{\"access_token\":\"" + ISSUED_2 + "\",\"token_type\":\"bearer\",\"expires_in\":7200}"));
  }

  /** Retries, a 401, a transport failure, a malformed 200, a 500 and a paginated walk; returns what was thrown. */
  private static List<Throwable> badDay(ZendeskClient client) {
    TicketsApi api = client.api(TicketsApi.class);
    List<Throwable> thrown = new ArrayList<>();
    assertEquals(1L, client.execute(api.showTicket(1L)).getTicket().getId());
    thrown.add(assertThrows(AuthenticationException.class, () -> client.execute(api.showTicket(2L))));
    thrown.add(assertThrows(ZendeskTransportException.class, () -> client.execute(api.showTicket(3L))));
    thrown.add(assertThrows(MalformedResponseException.class, () -> client.execute(api.showTicket(4L))));
    thrown.add(assertThrows(ZendeskApiException.class, () -> client.execute(api.showTicket(5L))));
    List<Long> ids = client.paginate(api.listTickets(), TicketsResponse::getTickets).stream().map(TicketObject::getId)
        .toList();
    assertEquals(List.of(1L, 2L), ids);
    return thrown;
  }

  private static String traces(List<Throwable> thrown) {
    StringBuilder sb = new StringBuilder();
    thrown.forEach(t -> sb.append(FaultMatrixTest.trace(t)).append('\n'));
    return sb.toString();
  }

  @Test
  void noSecretInLogsExceptionsOrToStringForAnyCredentialType() {
    for (Map.Entry<String, Supplier<Credentials>> type : credentialTypes().entrySet()) {
      for (boolean sink : new boolean[] {true, false}) {
        String where = sink ? "logger(...) sink" : "java.util.logging";
        h.log.clear();
        jul.clear();
        stubTheBadDay();
        Credentials credentials = type.getValue().get();
        ZendeskClientBuilder b = builder(credentials, sink);
        String builderText = b.toString();
        ZendeskClient client = b.build();
        List<Throwable> thrown;
        try {
          thrown = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> badDay(client));
          assertNoSecret("toString() of the client", client.toString());
        } finally {
          client.close();
        }
        assertNoSecret("toString() of the builder", builderText + " " + b);
        assertNoSecret("toString() of the credentials", credentials.toString());
        String logged = String.join("\n", sink ? h.log : jul);
        assertTrue(logged.contains("retry 1/4") && logged.contains("-> 401") && logged.contains("(request id ok-1)")
            && logged.contains("access_token=REDACTED"), () -> where + " did not see the run:\n" + logged);
        assertNoSecret(where, logged);
        assertNoSecret("exception traces", traces(thrown));
        // what was sent: the credentials reached the server (so the secrets above were really in play)
        List<LoggedRequest> sent = h.server.findAll(anyRequestedFor(anyUrl()));
        assertTrue(sent.stream().anyMatch(r -> r.containsHeader("Authorization")), "credentials were sent");
        if (type.getKey().startsWith("OAuth client")) {
          assertEquals(2, h.server.findAll(postRequestedFor(urlPathEqualTo("/oauth/tokens"))).size(),
              "a token, then a renewal after the 401");
        }
        TABLE.add("logs (" + where + "), exception traces, toString(): no secret", type.getKey(),
            "ok: " + (sink ? h.log.size() : jul.size()) + " log lines, " + thrown.size() + " exceptions, "
                + sent.size() + " requests");
      }
    }
  }

  @Test
  void refusedOrGarbledTokenEndpointShowsNoSecret() {
    h.server.resetAll();
    jul.clear();
    h.log.clear();
    h.server.stubFor(post(urlPathEqualTo("/refused/oauth/tokens")).willReturn(json(401,
        "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}")));
    h.server.stubFor(post(urlPathEqualTo("/garbled/oauth/tokens")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{\"access_token\":")));
    h.server.stubFor(post(urlPathEqualTo("/down/oauth/tokens")).willReturn(json(503, "{}")));
    Map<String, Class<? extends ZendeskException>> expected = new LinkedHashMap<>();
    expected.put("refused", ReauthorizationRequiredException.class);
    expected.put("garbled", ZendeskTransportException.class);
    expected.put("down", ZendeskApiException.class);
    for (Map.Entry<String, Class<? extends ZendeskException>> e : expected.entrySet()) {
      for (boolean sink : new boolean[] {true, false}) {
        Credentials c = Credentials.oauthClientCredentials(CLIENT_ID, CLIENT_SECRET);
        ZendeskClientBuilder b = ZendeskClient.builder().baseUrl(h.server.baseUrl() + "/" + e.getKey() + "/")
            .credentials(c).sleeper(h.sleeper).clock(h.clock);
        try (ZendeskClient client = (sink ? b.logger(h.log::add) : b).build()) {
          ZendeskException thrown = assertThrows(ZendeskException.class, () -> client.execute(client.api(
              TicketsApi.class).showTicket(1L)));
          assertInstanceOf(e.getValue(), thrown, () -> FaultMatrixTest.trace(thrown));
          assertNoSecret("exception trace", FaultMatrixTest.trace(thrown));
          assertNoSecret("toString()", client + " " + c + " " + b);
          if (sink) {
            TABLE.add("token endpoint " + e.getKey() + ": " + thrown.getClass().getSimpleName(),
                "OAuth client credentials", "ok: no secret in trace, toString() or logs");
          }
        }
      }
    }
    assertNoSecret("logger(...) sink", String.join("\n", h.log));
    assertNoSecret("java.util.logging", String.join("\n", jul));
    // the secret did travel, in the token request body only
    List<LoggedRequest> tokenRequests = h.server.findAll(postRequestedFor(anyUrl()));
    assertTrue(tokenRequests.stream().allMatch(r -> r.getBodyAsString().contains(CLIENT_SECRET)
        && !r.containsHeader("Authorization")), "token requests carry the secret in the body, no Authorization");
  }

  @Test
  void redirectToAnotherHostCarriesNoAuthorizationForAnyCredentialTypeOrStatus() {
    WireMockServer other = new WireMockServer(WireMockConfiguration.options().dynamicPort()
        .bindAddress("127.0.0.1"));
    other.start();
    // IPv4 only, so that "localhost" reaches the other server wherever it resolves
    OkHttpClient shared = new OkHttpClient.Builder().dns(host -> Arrays.stream(InetAddress.getAllByName(host))
        .filter(a -> a instanceof Inet4Address).toList()).build();
    try {
      for (Map.Entry<String, Supplier<Credentials>> type : credentialTypes().entrySet()) {
        for (int status : new int[] {301, 302, 303, 307, 308}) {
          h.server.resetAll();
          other.resetAll();
          stubTheBadDay(); // for the OAuth token endpoint
          h.server.stubFor(get(urlPathEqualTo("/api/v2/tickets/7")).willReturn(aResponse().withStatus(status)
              .withHeader("Location", "http://localhost:" + other.port() + "/files/7")));
          other.stubFor(get(urlPathEqualTo("/files/7")).willReturn(json(200,
              "{\"ticket\":{\"id\":7,\"subject\":\"moved\"}}")));
          try (ZendeskClient client = builder(type.getValue().get(), true).httpClient(shared).build()) {
            TicketObject t = client.execute(client.api(TicketsApi.class).showTicket(7L))
                .getTicket();
            assertEquals(7L, t.getId());
          }
          List<LoggedRequest> here = h.server.findAll(anyRequestedFor(urlPathEqualTo("/api/v2/tickets/7")));
          assertEquals(1, here.size());
          assertTrue(here.get(0).containsHeader("Authorization"), "the origin got the credentials");
          List<LoggedRequest> there = other.findAll(anyRequestedFor(anyUrl()));
          assertEquals(1, there.size());
          assertFalse(there.get(0).containsHeader("Authorization"), () -> type.getKey() + " " + status
              + ": Authorization sent to another host: " + there.get(0).getHeader("Authorization"));
          assertNoSecret("headers sent to the other host", there.get(0).getHeaders().toString());
        }
        TABLE.add("redirect 301/302/303/307/308 from 127.0.0.1 to localhost: no Authorization there",
            type.getKey(), "ok");
      }
    } finally {
      other.stop();
      shared.dispatcher().executorService().shutdown();
      shared.connectionPool().evictAll();
    }
  }

  @Test
  void aSubdomainMeansHttps() {
    try (ZendeskClient c = ZendeskClient.builder().subdomain("acme").credentials(Credentials.oauth("x")).build()) {
      assertEquals("https", c.baseUrl().scheme());
      assertEquals("acme.zendesk.com", c.baseUrl().host());
      assertEquals(443, c.baseUrl().port());
      TABLE.add("ZendeskClient.builder().subdomain(\"acme\").build().baseUrl()", "OAuth bearer",
          "ok: " + c.baseUrl());
    }
  }
}
