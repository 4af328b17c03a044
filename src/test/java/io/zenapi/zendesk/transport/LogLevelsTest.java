package io.zenapi.zendesk.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.zenapi.zendesk.transport.Harness.BEARER;
import static io.zenapi.zendesk.transport.Harness.OAUTH_TOKEN;
import static io.zenapi.zendesk.transport.Harness.expect;
import static io.zenapi.zendesk.transport.Harness.json;
import static io.zenapi.zendesk.transport.Harness.repeat;
import static io.zenapi.zendesk.transport.Harness.ticket1;
import static io.zenapi.zendesk.transport.Harness.times;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zenapi.zendesk.ZendeskClient;
import io.zenapi.zendesk.errors.ZendeskApiException;
import io.zenapi.zendesk.generated.api.TicketsApi;
import io.zenapi.zendesk.generated.api.UsersApi;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each kind of log line at its level: an attempt at DEBUG, a 429 retried and a pacing wait at INFO, a retry after a
 * failure and a retry budget exhausted at WARNING; and no line, at any level, holds a secret, a header value or a body
 * value.
 */
class LogLevelsTest {
  private static final String SHOW = "/api/v2/tickets/1";
  private static final Pattern ATTEMPT = Pattern.compile(
      "GET http://(127\\.0\\.0\\.1|localhost):\\d+/api/v2/tickets/1 -> (\\d{3}) in \\d+ ms( \\(request id req-\\d\\))?");
  private static Harness h;
  private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

  @BeforeAll
  static void start() {
    h = Harness.start();
  }

  @AfterAll
  static void stop() {
    h.stop();
  }

  @AfterEach
  void reset() {
    h.reset();
  }

  private ZendeskClient client(int maxAttempts, boolean pacing) {
    return h.client(b -> b.retryPolicy(RetryPolicy.builder().jitter(0).maxAttempts(maxAttempts).build())
        .rateLimitPacing(pacing)
        .leveledLogger((level, line) -> lines.add(level + " " + line)));
  }

  private static void showTicket(ZendeskClient client) {
    client.execute(client.api(TicketsApi.class).showTicket(1L));
  }

  private List<String> at(Level level) {
    return lines.stream().filter(l -> l.startsWith(level + " ")).map(l -> l.substring(level.toString().length() + 1))
        .toList();
  }

  @Test
  void a429RetriedIsInfoAndEachAttemptIsDebugWithStatusTimeAndRequestId() {
    h.sequence(() -> get(urlPathEqualTo(SHOW)),
        json(429, "{\"error\":\"slow down\"}").withHeader("Retry-After", "2").withHeader("X-Zendesk-Request-Id", "req-1"),
        ticket1().withHeader("X-Zendesk-Request-Id", "req-2"));

    showTicket(client(3, false));

    assertEquals(repeat(2, expect("GET " + SHOW, BEARER, null)), h.requests());
    List<String> debug = at(Level.DEBUG);
    assertEquals(2, debug.size(), lines.toString());
    assertTrue(ATTEMPT.matcher(debug.get(0)).matches() && debug.get(0).contains("-> 429")
        && debug.get(0).endsWith("(request id req-1)"), debug.get(0));
    assertTrue(ATTEMPT.matcher(debug.get(1)).matches() && debug.get(1).contains("-> 200")
        && debug.get(1).endsWith("(request id req-2)"), debug.get(1));
    assertEquals(List.of("retry 1/2 of GET /api/v2/tickets/1 after HTTP 429 in 2000 ms"), at(Level.INFO));
    assertEquals(List.of(), at(Level.WARNING));
  }

  @Test
  void aRetryAfterAFailureAndTheBudgetExhaustedAreWarnings() {
    h.server.stubFor(get(urlPathEqualTo(SHOW)).willReturn(json(503, "{\"error\":\"down\"}")));

    assertThrows(ZendeskApiException.class, () -> showTicket(client(3, false)));

    assertEquals(repeat(3, expect("GET " + SHOW, BEARER, null)), h.requests());
    assertEquals(3, at(Level.DEBUG).size(), lines.toString());
    assertEquals(List.of(), at(Level.INFO));
    List<String> warnings = at(Level.WARNING);
    assertEquals(3, warnings.size(), lines.toString());
    assertTrue(warnings.get(0).startsWith("retry 1/2 of GET /api/v2/tickets/1 after HTTP 503 in "), warnings.get(0));
    assertTrue(warnings.get(1).startsWith("retry 2/2 of GET /api/v2/tickets/1 after HTTP 503 in "), warnings.get(1));
    assertEquals("giving up on GET /api/v2/tickets/1 after 3 attempts, the last ending in HTTP 503", warnings.get(2));
  }

  @Test
  void withRetriesOffAFailureIsOneDebugLineAndNoWarning() {
    h.server.stubFor(get(urlPathEqualTo(SHOW)).willReturn(json(503, "{}")));

    assertThrows(ZendeskApiException.class, () -> showTicket(client(1, false)));

    assertEquals(1, h.requests().size());
    assertEquals(1, at(Level.DEBUG).size(), lines.toString());
    assertEquals(lines.size(), at(Level.DEBUG).size(), lines.toString());
  }

  @Test
  void aLoggerThatDropsDebugIsNeverHandedTheAttemptLinesButStillTheWarnings() {
    h.server.stubFor(get(urlPathEqualTo(SHOW)).willReturn(json(503, "{}")));
    ZendeskClient client = h.client(b -> b.retryPolicy(RetryPolicy.builder().jitter(0).maxAttempts(2).build())
        .leveledLogger(new io.zenapi.zendesk.ZendeskLogger() {
          @Override
          public void log(Level level, String line) {
            lines.add(level + " " + line);
          }

          @Override
          public boolean isLoggable(Level level) {
            return level != Level.DEBUG;
          }
        }));

    assertThrows(ZendeskApiException.class, () -> showTicket(client));

    assertEquals(repeat(2, expect("GET " + SHOW, BEARER, null)), h.requests());
    assertEquals(List.of(), at(Level.DEBUG));
    assertEquals(2, at(Level.WARNING).size(), lines.toString());
  }

  @Test
  void aPacingWaitIsInfo() {
    h.server.stubFor(get(urlPathEqualTo(SHOW)).willReturn(ticket1().withHeader("X-Rate-Limit-Remaining", "0")
        .withHeader("ratelimit-reset", "5")));
    ZendeskClient client = client(3, true);

    showTicket(client);
    showTicket(client);

    assertEquals(repeat(2, expect("GET " + SHOW, BEARER, null)), h.requests());
    assertEquals(List.of("rate limit: 0 requests left, pacing 5000 ms until the window resets"), at(Level.INFO));
    assertEquals(2, at(Level.DEBUG).size(), lines.toString());
  }

  @Test
  void noLineAtAnyLevelHoldsATokenAQuerySecretAHeaderValueOrABodyValue() {
    h.server.stubFor(get(urlPathEqualTo("/api/v2/users/search")).willReturn(json(200,
        "{\"users\":[{\"id\":1,\"email\":\"body-value@example.com\"}]}")));
    h.server.stubFor(get(urlPathEqualTo(SHOW)).willReturn(json(503, "{\"error\":\"body-secret\"}")
        .withHeader("Set-Cookie", "session=cookie-secret")));
    ZendeskClient client = client(2, false);

    client.execute(client.api(UsersApi.class).searchUsers(UsersApi.SearchUsersParams.builder()
        .query("email:body-value@example.com").externalId("ext-token-secret").build()));
    assertThrows(ZendeskApiException.class, () -> showTicket(client));

    assertFalse(lines.isEmpty());
    for (String line : lines) {
      for (String secret : List.of(OAUTH_TOKEN, "Bearer", "body-value", "cookie-secret", "body-secret")) {
        assertFalse(line.contains(secret), "'" + secret + "' in: " + line);
      }
    }
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("DEBUG GET ") && l.contains("/api/v2/users/search?")),
        lines.toString());
  }
}
