package io.zenapi.zendesk.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.zenapi.zendesk.transport.Harness.BEARER;
import static io.zenapi.zendesk.transport.Harness.expect;
import static io.zenapi.zendesk.transport.Harness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.zenapi.zendesk.ZendeskClient;
import io.zenapi.zendesk.errors.AuthenticationException;
import io.zenapi.zendesk.errors.BadRequestException;
import io.zenapi.zendesk.errors.FieldError;
import io.zenapi.zendesk.errors.ConflictException;
import io.zenapi.zendesk.errors.MalformedResponseException;
import io.zenapi.zendesk.errors.NotFoundException;
import io.zenapi.zendesk.errors.PermissionDeniedException;
import io.zenapi.zendesk.errors.ZendeskApiException;
import io.zenapi.zendesk.errors.ZendeskException;
import io.zenapi.zendesk.generated.api.TicketsApi;
import io.zenapi.zendesk.generated.model.TicketCreateRequest;
import io.zenapi.zendesk.generated.model.TicketObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Status → typed exception (one request each), error fields and request id, messages free of bodies and secrets, malformed 2xx bodies. */
class ErrorMappingTest {
  private static final String SHOW = "/api/v2/tickets/1";
  private static final String REQUEST_ID = "req-5f2e9a";
  /** Text only in the body, in a field the client does not surface: must never reach a message. */
  private static final String BODY_ONLY = "BODY-ONLY-7d1c";
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

  private static void respond(ResponseDefinitionBuilder r) {
    h.server.stubFor(any(anyUrl()).willReturn(r.withHeader("X-Zendesk-Request-Id", REQUEST_ID)));
  }

  private static Object showTicket(ZendeskClient client) {
    return client.execute(client.api(TicketsApi.class).showTicket(1L));
  }

  private static void assertClean(Throwable e, String body) {
    String m = e.getMessage();
    assertFalse(m.contains(BODY_ONLY), m);
    assertFalse(m.contains(body), m);
    assertFalse(m.contains(Harness.OAUTH_TOKEN), m);
    assertFalse(m.contains(BEARER), m);
  }

  static Stream<Arguments> statuses() {
    String invalid = "{\"error\":\"RecordInvalid\",\"description\":\"Record validation errors\",\"details\":"
        + "{\"subject\":[{\"description\":\"Subject: cannot be blank\",\"error\":\"BlankValue\"}]},\"trace\":\""
        + BODY_ONLY + "\"}";
    return Stream.of(
        Arguments.of(400, invalid, BadRequestException.class, "RecordInvalid", "Record validation errors"),
        Arguments.of(422, invalid, BadRequestException.class, "RecordInvalid", "Record validation errors"),
        Arguments.of(401, "{\"error\":\"Couldn't authenticate you\",\"trace\":\"" + BODY_ONLY + "\"}",
            AuthenticationException.class, "Couldn't authenticate you", null),
        Arguments.of(403, "{\"error\":\"Forbidden\",\"description\":\"You do not have access to this page\","
            + "\"trace\":\"" + BODY_ONLY + "\"}", PermissionDeniedException.class, "Forbidden",
            "You do not have access to this page"),
        Arguments.of(404, "{\"error\":\"RecordNotFound\",\"description\":\"Not found\",\"trace\":\"" + BODY_ONLY
            + "\"}", NotFoundException.class, "RecordNotFound", "Not found"),
        Arguments.of(409, "{\"error\":\"UpdateConflict\",\"description\":\"The ticket was updated\",\"trace\":\""
            + BODY_ONLY + "\"}", ConflictException.class, "UpdateConflict", "The ticket was updated"),
        Arguments.of(500, "{\"error\":\"InternalError\",\"trace\":\"" + BODY_ONLY + "\"}",
            ZendeskApiException.class, "InternalError", null),
        // the newer error shape: {"errors":[...]} / {"error":{"title","message"}}
        Arguments.of(404, "{\"error\":{\"title\":\"RecordNotFound\",\"message\":\"No such ticket\"},\"trace\":\""
            + BODY_ONLY + "\"}", NotFoundException.class, "RecordNotFound", "No such ticket"));
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @MethodSource("statuses")
  void statusMapsToItsException(int status, String body, Class<? extends ZendeskApiException> type, String error,
      String description) {
    respond(json(status, body));
    ZendeskClient client = h.exactClient(5);

    ZendeskApiException e = assertThrows(ZendeskApiException.class, () -> showTicket(client));

    assertSame(type, e.getClass());
    assertEquals(status, e.status());
    assertEquals(Optional.of(REQUEST_ID), e.requestId());
    assertEquals(Optional.of(error), e.error());
    assertEquals(Optional.ofNullable(description), e.description());
    String m = e.getMessage();
    assertTrue(m.startsWith("HTTP " + status + " " + error), m);
    assertTrue(m.contains("GET " + SHOW) && m.contains("request id " + REQUEST_ID), m);
    assertClean(e, body);
    assertEquals(List.of(expect("GET " + SHOW, BEARER, null)), h.requests());
    assertEquals(List.of(), h.sleeper.waits());
  }

  @Test
  void badRequestCarriesDetails() {
    respond(json(422, "{\"error\":\"RecordInvalid\",\"description\":\"Record validation errors\",\"details\":"
        + "{\"subject\":[{\"description\":\"Subject: cannot be blank\",\"error\":\"BlankValue\"}]}}"));
    ZendeskClient client = h.exactClient(5);

    BadRequestException e = assertThrows(BadRequestException.class, () -> client.execute(
        client.api(TicketsApi.class).createTicket(new TicketCreateRequest().ticket(new TicketObject()))));

    assertEquals(Map.of("subject", List.of(Map.of("description", "Subject: cannot be blank",
        "error", "BlankValue"))), e.details());
    assertTrue(e.getMessage().contains("POST /api/v2/tickets"), e.getMessage());
    String key = h.received().get(0).getHeader("Idempotency-Key");
    assertEquals(List.of(expect("POST /api/v2/tickets", BEARER, key)), h.requests());
  }

  @Test
  void recordInvalidFieldErrorsAreTypedAndTheMessageNamesTheFieldsNotTheValues() {
    respond(json(422, "{\"error\":\"RecordInvalid\",\"description\":\"Record validation errors\",\"details\":"
        + "{\"email\":[{\"description\":\"Email: ada@example.com is already being used by another user\","
        + "\"error\":\"DuplicateValue\"}],\"name\":[{\"description\":\"Name: is too short\",\"error\":\"TooShort\"},"
        + "{\"description\":\"Name: cannot be blank\",\"error\":\"BlankValue\"}],\"note\":\"not a list\"}}"));
    ZendeskClient client = h.exactClient(5);

    BadRequestException e = assertThrows(BadRequestException.class, () -> showTicket(client));

    assertEquals(Map.of(
        "email", List.of(new FieldError("email", "DuplicateValue",
            "Email: ada@example.com is already being used by another user")),
        "name", List.of(new FieldError("name", "TooShort", "Name: is too short"),
            new FieldError("name", "BlankValue", "Name: cannot be blank"))), e.fieldErrors());
    assertEquals(List.of("email", "name"), List.copyOf(e.fieldErrors().keySet()), "in Zendesk's order");
    assertTrue(e.getMessage().endsWith(", invalid fields: email, name)"), e.getMessage());
    assertFalse(e.getMessage().contains("ada@example.com"), "a value is never quoted: " + e.getMessage());
    assertEquals(List.of(expect("GET " + SHOW, BEARER, null)), h.requests());
  }

  @Test
  void errorWithoutRequestIdHasNone() {
    h.server.stubFor(any(anyUrl()).willReturn(json(404, "{\"error\":\"RecordNotFound\"}")));
    NotFoundException e = assertThrows(NotFoundException.class, () -> showTicket(h.exactClient(5)));
    assertEquals(Optional.empty(), e.requestId());
    assertEquals(Optional.empty(), e.description());
    assertEquals(Map.of(), e.details());
  }

  @Test
  void htmlPageWithStatus200IsMalformed() {
    String html = "<html><body><h1>Help Center " + BODY_ONLY + "</h1></body></html>";
    respond(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody(html));

    MalformedResponseException e = assertThrows(MalformedResponseException.class, () -> showTicket(
        h.exactClient(5)));

    assertEquals(200, e.status());
    assertEquals(Optional.of(REQUEST_ID), e.requestId());
    assertTrue(e.getMessage().contains("HTTP 200") && e.getMessage().contains("GET " + SHOW)
        && e.getMessage().contains("TicketResponse"), e.getMessage());
    assertEquals("HTTP 200 from GET " + SHOW + " is not a valid TicketResponse: not well-formed JSON at $",
        e.getMessage());
    assertClean(e, html);
    assertEquals(List.of(expect("GET " + SHOW, BEARER, null)), h.requests());
  }

  @Test
  void truncatedJsonWithStatus200IsMalformed() {
    String cut = "{\"ticket\":{\"id\":1,\"subject\":\"" + BODY_ONLY;
    respond(json(200, cut));

    MalformedResponseException e = assertThrows(MalformedResponseException.class, () -> showTicket(
        h.exactClient(5)));

    assertEquals(200, e.status());
    assertEquals(Optional.of(REQUEST_ID), e.requestId());
    assertEquals("HTTP 200 from GET " + SHOW + " is not a valid TicketResponse: not well-formed JSON at"
        + " $.ticket.subject", e.getMessage());
    assertClean(e, cut);
    assertEquals(List.of(expect("GET " + SHOW, BEARER, null)), h.requests(), "a bad body is not retried");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"ticket\":[\"%s\"]}", "{\"ticket\":{\"id\":\"%s\"}}",
      "{\"ticket\":{\"id\":1,\"created_at\":\"%s\"}}",
      "{\"ticket\":{\"id\":1,\"subject\":%s}}"})
  void wrongTypeWithStatus200IsMalformedAndTheMessageQuotesNoValue(String template) {
    String body = String.format(template, BODY_ONLY);
    respond(json(200, body));

    MalformedResponseException e = assertThrows(MalformedResponseException.class, () -> showTicket(
        h.exactClient(5)));

    assertEquals(200, e.status());
    assertEquals(Optional.of(REQUEST_ID), e.requestId());
    assertTrue(e.getMessage().contains(" at $.ticket"), "says where parsing stopped: " + e.getMessage());
    assertClean(e, body);
  }

  @Test
  void truncatedJsonCutBetweenTokensIsMalformed() {
    respond(json(200, "{\"ticket\":{\"id\":1,"));
    MalformedResponseException e = assertThrows(MalformedResponseException.class, () -> showTicket(
        h.exactClient(5)));
    assertTrue(e.getMessage().endsWith("is not a valid TicketResponse: the JSON ends early at $.ticket.id"),
        e.getMessage());
  }

  @Test
  void trailingDataAfterTheDocumentIsMalformed() {
    respond(json(200, Harness.TICKET_1 + " {\"x\":1}"));
    MalformedResponseException e = assertThrows(MalformedResponseException.class, () -> showTicket(
        h.exactClient(5)));
    assertTrue(e.getMessage().endsWith(" at $"), e.getMessage());
  }

  @Test
  void serverErrorWithHtmlBodyIsZendeskApiException() {
    String html = "<html><body>Internal Server Error " + BODY_ONLY + "</body></html>";
    respond(aResponse().withStatus(500).withHeader("Content-Type", "text/html").withBody(html));

    ZendeskApiException e = assertThrows(ZendeskApiException.class, () -> showTicket(h.exactClient(5)));

    assertSame(ZendeskApiException.class, e.getClass());
    assertEquals(500, e.status());
    assertEquals(Optional.of(REQUEST_ID), e.requestId());
    assertEquals(Optional.empty(), e.error());
    assertEquals("HTTP 500 (GET " + SHOW + ", request id " + REQUEST_ID + ")", e.getMessage());
    assertClean(e, html);
    assertEquals(List.of(expect("GET " + SHOW, BEARER, null)), h.requests());
  }

  @Test
  void serverErrorWithPlainTextBodyIsZendeskApiException() {
    respond(aResponse().withStatus(500).withBody(BODY_ONLY));
    ZendeskApiException e = assertThrows(ZendeskApiException.class, () -> showTicket(h.exactClient(5)));
    assertEquals(500, e.status());
    assertEquals(Optional.empty(), e.error());
    assertClean(e, BODY_ONLY);
  }

  @Test
  void everyExceptionIsAZendeskException() {
    respond(json(404, "{}"));
    assertThrows(ZendeskException.class, () -> showTicket(h.exactClient(5)));
  }
}
