package io.zenapi.zendesk.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.zenapi.zendesk.transport.Harness.expect;
import static io.zenapi.zendesk.transport.Harness.json;
import static io.zenapi.zendesk.transport.Harness.ticket1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import io.zenapi.zendesk.ZendeskClient;
import io.zenapi.zendesk.auth.Credentials;
import io.zenapi.zendesk.errors.ZendeskException;
import io.zenapi.zendesk.generated.api.TicketsApi;
import io.zenapi.zendesk.transport.Harness;
import io.zenapi.zendesk.transport.RetryPolicy;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Authorization header per credential type, secrets absent from toString() and logs, no Authorization across hosts on redirect. */
class AuthTest {
  private static final String EMAIL = "agent@example.com";
  private static final String API_TOKEN = "apitoken-SECRET-31415";
  private static final String PASSWORD = "pa55word-SECRET-2718";
  private static final String SHOW = "/api/v2/tickets/1";
  private static Harness h;

  @BeforeAll
  static void start() {
    h = Harness.start();
  }

  @AfterAll
  static void stop() {
    h.stop();
  }

  @BeforeEach
  void reset() {
    h.reset();
  }

  private static String basic(String userAndPassword) {
    return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
  }

  private static void showTicket(ZendeskClient client) {
    client.execute(client.api(TicketsApi.class).showTicket(1L));
  }

  @Test
  void apiTokenIsBasicOfEmailSlashTokenColonToken() {
    h.server.stubFor(get(urlPathEqualTo(SHOW)).willReturn(ticket1()));
    ZendeskClient client = h.client(b -> b.credentials(Credentials.apiToken(EMAIL, API_TOKEN)));

    showTicket(client);

    String header = basic(EMAIL + "/token:" + API_TOKEN);
    assertEquals(List.of(expect("GET " + SHOW, header, null)), h.requests());
  }

  @Test
  void basicIsBasicOfEmailColonPassword() {
    h.server.stubFor(get(urlPathEqualTo(SHOW)).willReturn(ticket1()));
    ZendeskClient client = h.client(b -> b.credentials(Credentials.basic(EMAIL, PASSWORD)));

    showTicket(client);

    assertEquals(List.of(expect("GET " + SHOW, basic(EMAIL + ":" + PASSWORD), null)), h.requests());
  }

  @Test
  void oauthIsBearer() {
    h.server.stubFor(get(urlPathEqualTo(SHOW)).willReturn(ticket1()));
    ZendeskClient client = h.client(b -> b.credentials(Credentials.oauth("x")));

    showTicket(client);

    assertEquals(List.of(expect("GET " + SHOW, "Bearer x", null)), h.requests());
  }

  @Test
  void toStringNeverShowsTheSecret() {
    Credentials token = Credentials.apiToken(EMAIL, API_TOKEN);
    Credentials password = Credentials.basic(EMAIL, PASSWORD);
    Credentials oauth = Credentials.oauth(Harness.OAUTH_TOKEN);
    for (Credentials c : List.of(token, password, oauth)) {
      String header = c.authorizationHeader();
      String encoded = header.substring(header.indexOf(' ') + 1);
      for (String s : List.of(c.toString(), h.client(b -> b.credentials(c)).toString())) {
        assertFalse(s.contains(API_TOKEN) || s.contains(PASSWORD) || s.contains(Harness.OAUTH_TOKEN)
            || s.contains(encoded), s);
      }
    }
    assertFalse(h.builder().credentials(token).toString().contains(API_TOKEN));
  }

  @Test
  void logNeverShowsSecretsAcrossRetriesAndErrors() {
    h.sequence(() -> get(urlPathEqualTo(SHOW)),
        json(429, "{}").withHeader("Retry-After", "1"),
        aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
        json(503, "{}"),
        ticket1().withHeader("X-Zendesk-Request-Id", "ok-1"),
        json(401, "{\"error\":\"Couldn't authenticate you\"}"));
    Credentials[] all = {Credentials.apiToken(EMAIL, API_TOKEN), Credentials.basic(EMAIL, PASSWORD),
        Credentials.oauth(Harness.OAUTH_TOKEN)};
    for (Credentials c : all) {
      ZendeskClient client = h.client(b -> b.credentials(c)
          .retryPolicy(RetryPolicy.builder().maxAttempts(5).build()));
      h.server.resetScenarios();
      showTicket(client); // 429, reset, 503, then 200
      ZendeskException e = assertThrows(ZendeskException.class, () -> showTicket(client)); // 401
      assertFalse(e.getMessage().contains(c.authorizationHeader()), e.getMessage());
    }

    assertEquals(15, h.requests().size(), h.requests().toString());
    assertEquals(9, h.sleeper.waits().size());
    String logged = String.join("\n", h.log);
    assertTrue(logged.contains("retry 1/4") && logged.contains("-> 401") && logged.contains("ok-1"), logged);
    for (Credentials c : all) {
      String header = c.authorizationHeader();
      for (String secret : List.of(header, header.substring(header.indexOf(' ') + 1), API_TOKEN, PASSWORD,
          Harness.OAUTH_TOKEN, "Authorization")) {
        assertFalse(logged.contains(secret), "log shows " + secret + ":\n" + logged);
      }
    }
  }

  @Test
  void sameHostRedirectKeepsAuthorization() {
    h.server.stubFor(get(urlPathEqualTo("/api/v2/tickets/1")).willReturn(aResponse().withStatus(302)
        .withHeader("Location", h.server.baseUrl() + "/api/v2/tickets/2")));
    h.server.stubFor(get(urlPathEqualTo("/api/v2/tickets/2")).willReturn(ticket1()));
    ZendeskClient client = h.client();

    showTicket(client);

    assertEquals(List.of(expect("GET /api/v2/tickets/1", Harness.BEARER, null),
        expect("GET /api/v2/tickets/2", Harness.BEARER, null)), h.requests());
  }

  @Test
  void redirectToAnotherHostDropsAuthorization() {
    WireMockServer other = new WireMockServer(WireMockConfiguration.options().dynamicPort()
        .bindAddress("127.0.0.1"));
    other.start();
    // IPv4 only, so that "localhost" reaches the other server wherever it resolves
    OkHttpClient shared = new OkHttpClient.Builder().dns(host -> Arrays.stream(InetAddress.getAllByName(host))
        .filter(a -> a instanceof Inet4Address).toList()).build();
    try {
      String elsewhere = "http://localhost:" + other.port() + "/files/1";
      h.server.stubFor(get(urlPathEqualTo(SHOW)).willReturn(aResponse().withStatus(302)
          .withHeader("Location", elsewhere)));
      other.stubFor(get(urlPathEqualTo("/files/1")).willReturn(ticket1()));
      ZendeskClient client = h.client(b -> b.httpClient(shared));

      showTicket(client);

      assertEquals(List.of(expect("GET " + SHOW, Harness.BEARER, null)), h.requests());
      List<String> there = other.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
          com.github.tomakehurst.wiremock.client.WireMock.anyUrl())).stream().map(Harness::line).toList();
      assertEquals(List.of(expect("GET /files/1", null, null)), there);
    } finally {
      other.stop();
      shared.dispatcher().executorService().shutdown();
      shared.connectionPool().evictAll();
    }
  }
}
