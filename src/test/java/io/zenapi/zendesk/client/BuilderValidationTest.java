package io.zenapi.zendesk.client;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zenapi.zendesk.ZendeskClient;
import io.zenapi.zendesk.ZendeskClientBuilder;
import io.zenapi.zendesk.auth.Credentials;
import io.zenapi.zendesk.generated.api.TicketsApi;
import io.zenapi.zendesk.transport.Harness;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Builder validation (each failure before any request, naming the setting), api(...) checks, base URL and User-Agent. */
class BuilderValidationTest {
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

  @AfterEach
  void nothingWasSent() {
    assertEquals(List.of(), h.requests());
  }

  private static ZendeskClientBuilder bare() {
    return ZendeskClient.builder().credentials(Credentials.oauth(Harness.OAUTH_TOKEN)).sleeper(h.sleeper)
        .clock(h.clock).logger(h.log::add);
  }

  /** Builds, expects IllegalStateException, checks the message names every fragment and shows no secret. */
  private static String rejected(ZendeskClientBuilder b, String... fragments) {
    IllegalStateException e = assertThrows(IllegalStateException.class, b::build);
    String m = e.getMessage();
    for (String f : fragments) {
      assertTrue(m.contains(f), "'" + f + "' not in: " + m);
    }
    assertFalse(m.contains(Harness.OAUTH_TOKEN), m);
    return m;
  }

  private static ZendeskClientBuilder with(UnaryOperator<ZendeskClientBuilder> tweak) {
    return tweak.apply(h.builder());
  }

  @Test
  void missingSubdomainAndBaseUrl() {
    rejected(bare(), "subdomain(...) or baseUrl(...) is required");
  }

  @Test
  void bothSubdomainAndBaseUrl() {
    rejected(with(b -> b.subdomain("acme")), "subdomain(...) or baseUrl(...), not both");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "Acme Corp", "-x", "x-", "a_b", "Acme", "acme.zendesk.com", "acme/x"})
  void malformedSubdomain(String subdomain) {
    rejected(bare().subdomain(subdomain), "subdomain '" + subdomain + "'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://example.com", "http://example.com:8080/", "http://10.0.0.1/",
      "http://localhost.example.com/", "http://127.0.0.1.nip.io/"})
  void plainHttpToANonLoopbackHost(String url) {
    rejected(bare().baseUrl(url), "baseUrl", "plain http", "https");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://localhost:8080", "http://127.0.0.1:8080/", "http://[::1]:8080/",
      "https://example.com/zendesk"})
  void httpsOrLoopbackIsAccepted(String url) {
    ZendeskClient c = bare().baseUrl(url).build();
    c.close();
  }

  @Test
  void baseUrlWithUserInfo() {
    String m = rejected(bare().baseUrl("https://admin:hunter2@acme.zendesk.com"), "baseUrl",
        "must not carry credentials");
    assertFalse(m.contains("hunter2"), m);
  }

  @ParameterizedTest
  @ValueSource(strings = {"acme.zendesk.com", "ftp://acme.zendesk.com", "not a url"})
  void baseUrlThatIsNotHttp(String url) {
    rejected(bare().baseUrl(url), "baseUrl '" + url + "' is not an http(s) URL");
  }

  @Test
  void missingCredentials() {
    rejected(ZendeskClient.builder().baseUrl(h.server.baseUrl()), "credentials(...) is required");
  }

  @Test
  void blankCredentialPartsAreRejectedByCredentials() {
    assertMessage(() -> Credentials.apiToken("", "t"), "email");
    assertMessage(() -> Credentials.apiToken(null, "t"), "email");
    assertMessage(() -> Credentials.apiToken("a@b.c", " "), "token");
    assertMessage(() -> Credentials.basic(" ", "p"), "email");
    assertMessage(() -> Credentials.basic("a@b.c", ""), "password");
    assertMessage(() -> Credentials.oauth(""), "accessToken");
    assertMessage(() -> Credentials.oauth(null), "accessToken");
  }

  private static void assertMessage(org.junit.jupiter.api.function.Executable x, String setting) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, x);
    assertTrue(e.getMessage().contains(setting + " must not be blank"), e.getMessage());
  }

  @Test
  void nonPositiveTimeouts() {
    rejected(with(b -> b.connectTimeout(Duration.ZERO)), "connectTimeout must be positive");
    rejected(with(b -> b.readTimeout(Duration.ofSeconds(-1))), "readTimeout must be positive");
    rejected(with(b -> b.writeTimeout(null)), "writeTimeout must be positive");
  }

  @Test
  void nullRetryPolicySleeperClock() {
    rejected(with(b -> b.retryPolicy(null)), "retryPolicy must not be null");
    rejected(with(b -> b.sleeper(null)), "sleeper must not be null");
    rejected(with(b -> b.clock(null)), "clock must not be null");
  }

  @Test
  void badUserAgentSuffix() {
    rejected(with(b -> b.userAgentSuffix("sync\r\nX-Evil: 1")), "userAgentSuffix");
    rejected(with(b -> b.userAgentSuffix(" ")), "userAgentSuffix");
  }

  @Test
  void everyProblemIsNamedAtOnce() {
    rejected(ZendeskClient.builder().subdomain("Acme Corp").readTimeout(Duration.ZERO).retryPolicy(null),
        "subdomain 'Acme Corp'", "credentials(...) is required", "readTimeout", "retryPolicy");
  }

  @Test
  void retryPolicySettingsAreChecked() {
    var p = io.zenapi.zendesk.transport.RetryPolicy.builder();
    assertThrows(IllegalArgumentException.class, () -> p.maxAttempts(0));
    assertThrows(IllegalArgumentException.class, () -> p.jitter(1.5));
    assertThrows(IllegalArgumentException.class, () -> p.multiplier(0.5));
    assertThrows(IllegalArgumentException.class, () -> p.deadline(Duration.ofSeconds(-1)));
    assertThrows(NullPointerException.class, () -> p.maxRetryAfter(null));
    assertThrows(IllegalArgumentException.class, () -> io.zenapi.zendesk.transport.RetryPolicy.builder()
        .initialBackoff(Duration.ofSeconds(30)).maxBackoff(Duration.ofSeconds(1)).build());
  }

  @Test
  void apiTakesOnlyGeneratedInterfaces() {
    ZendeskClient client = h.client();
    for (Class<?> type : new Class<?>[] {String.class, Runnable.class, null,
        io.zenapi.zendesk.generated.model.TicketObject.class}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> client.api(type));
      assertTrue(e.getMessage().contains("api(...)"), e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> client.execute(null));
    TicketsApi tickets = client.api(TicketsApi.class);
    assertSame(tickets, client.api(TicketsApi.class), "cached");
  }

  @Test
  void subdomainMakesTheZendeskUrl() {
    try (ZendeskClient c = bare().subdomain("acme").build()) {
      assertEquals("https://acme.zendesk.com/", c.baseUrl().toString());
    }
    try (ZendeskClient c = bare().subdomain("my-co2").build()) {
      assertEquals("https://my-co2.zendesk.com/", c.baseUrl().toString());
    }
  }

  @Test
  void baseUrlGetsATrailingSlashAndLosesQueryAndFragment() {
    try (ZendeskClient c = bare().baseUrl("https://proxy.example.com/zendesk?x=1#f").build()) {
      assertEquals("https://proxy.example.com/zendesk/", c.baseUrl().toString());
    }
  }

  @Test
  void userAgentCarriesTheSuffix() {
    h.server.stubFor(get(urlPathEqualTo("/api/v2/tickets/1")).willReturn(Harness.ticket1()));
    ZendeskClient client = h.client(b -> b.userAgentSuffix("acme-sync/2.1"));

    client.execute(client.api(TicketsApi.class).showTicket(1L));

    String ua = h.received().get(0).getHeader("User-Agent");
    assertTrue(ua.startsWith("zenapi-zendesk-java/") && ua.endsWith(" acme-sync/2.1"), ua);
    assertTrue(ua.contains(" Java/" + Runtime.version().feature()), ua);
    h.server.resetRequests(); // this test alone sends a request
  }
}
