package io.zenapi.zendesk.tickets;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.zenapi.zendesk.ZendeskClient;
import io.zenapi.zendesk.auth.Credentials;
import io.zenapi.zendesk.jobs.RecordingSleeper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

// Test support: WireMock stubs of ticket 42 read-then-write attempts, and the requests it got.
/** Test support: a WireMock server playing ticket 42 through read-then-write attempts, and what it was sent. */
final class TicketServer {
  static final long TICKET = 42L;
  static final String TICKET_PATH = "/api/v2/tickets/42";
  static final String AUTH = "Basic " + Base64.getEncoder()
      .encodeToString("agent@example.com:pw".getBytes(StandardCharsets.UTF_8));
  /** The updated_at of the ticket as the i-th GET returns it: a different one each time. */
  static final List<String> STAMPS = List.of("2025-03-01T09:00:00Z", "2025-03-01T09:00:07Z",
      "2025-03-01T09:01:30Z", "2025-03-01T09:02:00Z", "2025-03-01T09:05:45Z", "2025-03-01T09:07:00Z",
      "2025-03-01T10:00:00Z");
  static final String CONFLICT = "{\"error\":\"UpdateConflict\",\"description\":\"Safe Update prevented the update"
      + " due to outdated ticket data. Please fetch the latest ticket data and try again.\"}";

  final WireMockServer server =
      new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));

  void start() {
    server.start();
  }

  void stop() {
    server.stop();
  }

  void reset() {
    server.resetAll();
  }

  /** A client of this server with the test's sleeper and clock. */
  ZendeskClient client(RecordingSleeper sleeper, Clock clock) {
    return ZendeskClient.builder()
        .baseUrl(server.baseUrl())
        .credentials(Credentials.basic("agent@example.com", "pw"))
        .sleeper(sleeper)
        .clock(clock)
        .logger(line -> { })
        .build();
  }

  /** The ticket as the i-th GET returns it: a new updated_at, subject and tags each time. */
  static String ticket(int i, String status) {
    return "{\"ticket\":{\"id\":42,\"url\":\"https://acme.zendesk.com/api/v2/tickets/42.json\",\"subject\":"
        + "\"Printer on fire (v" + i + ")\",\"status\":\"" + status + "\",\"priority\":\"high\",\"requester_id\":"
        + "20978392,\"tags\":[\"printer\",\"v" + i + "\"],\"created_at\":\"2025-02-28T08:00:00Z\",\"updated_at\":\""
        + STAMPS.get(i) + "\"}}";
  }

  static ResponseDefinitionBuilder json(int code, String body) {
    return aResponse().withStatus(code).withHeader("Content-Type", "application/json; charset=utf-8").withBody(body);
  }

  static Function<String, MappingBuilder> putTo() {
    return path -> put(urlPathEqualTo(path));
  }

  static Function<String, MappingBuilder> postTo() {
    return path -> post(urlPathEqualTo(path));
  }

  /**
   * Read-then-write attempts: before attempt i the GET answers {@code ticket(i)}; the write of attempt i answers
   * {@code writes[i]} and moves on to the next attempt. After the last write, GET answers {@code ticket(writes.length)}.
   */
  void stubAttempts(Function<String, MappingBuilder> write, String writePath, ResponseDefinitionBuilder... writes) {
    for (int i = 0; i <= writes.length; i++) {
      String state = i == 0 ? STARTED : "attempt-" + i;
      server.stubFor(get(urlPathEqualTo(TICKET_PATH)).inScenario("ticket").whenScenarioStateIs(state)
          .willReturn(json(200, ticket(i, "open"))));
      if (i < writes.length) {
        server.stubFor(write.apply(writePath).inScenario("ticket").whenScenarioStateIs(state)
            .willReturn(writes[i]).willSetStateTo("attempt-" + (i + 1)));
      }
    }
  }

  /** Every request the server saw, oldest first. */
  List<LoggedRequest> requests() {
    return server.findAll(anyRequestedFor(anyUrl()));
  }

  /** "GET /api/v2/tickets/42", "PUT /api/v2/tickets/42", ...; asserts the client's credentials on each. */
  List<String> sequence() {
    List<String> out = new ArrayList<>();
    for (LoggedRequest r : requests()) {
      assertEquals(AUTH, r.getHeader("Authorization"), r.getUrl());
      out.add(r.getMethod().value() + " " + r.getUrl());
    }
    return out;
  }

  /** The JSON bodies of the requests with this method, in order; asserts they were sent as JSON. */
  List<JsonElement> bodies(String method) {
    return requests().stream().filter(r -> r.getMethod().value().equals(method))
        .peek(r -> assertTrue(r.getHeader("Content-Type").startsWith("application/json"), r.getHeader("Content-Type")))
        .map(r -> JsonParser.parseString(r.getBodyAsString())).toList();
  }

  static List<String> repeat(int times, String... requests) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      out.addAll(List.of(requests));
    }
    return out;
  }

  static JsonElement parse(String json) {
    return JsonParser.parseString(json);
  }
}
