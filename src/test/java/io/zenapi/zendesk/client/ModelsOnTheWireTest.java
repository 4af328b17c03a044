package io.zenapi.zendesk.client;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.zenapi.zendesk.transport.Harness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.zenapi.zendesk.ZendeskClient;
import io.zenapi.zendesk.ZendeskModel.Presence;
import io.zenapi.zendesk.generated.api.TicketsApi;
import io.zenapi.zendesk.generated.model.TicketFieldValueInput;
import io.zenapi.zendesk.generated.model.TicketObject;
import io.zenapi.zendesk.generated.model.TicketUpdateRequest;
import io.zenapi.zendesk.transport.Harness;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Models on the wire: a field can be left out, sent as {@code null} or set, and the three read back apart; members
 * the model has no field for survive a read-modify-write.
 */
class ModelsOnTheWireTest {
  private static final String TICKET = "/api/v2/tickets/42";
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

  private static JsonElement sentBody(int index) {
    LoggedRequest r = h.received().get(index);
    return JsonParser.parseString(new String(r.getBody(), StandardCharsets.UTF_8));
  }

  @Test
  void unassigningATicketSendsAssigneeIdNullAndNothingElse() {
    h.server.stubFor(get(urlPathEqualTo(TICKET)).willReturn(json(200,
        "{\"ticket\":{\"id\":42,\"assignee_id\":7,\"group_id\":3,\"status\":\"open\","
            + "\"updated_at\":\"2026-11-01T10:00:00Z\"}}")));
    h.server.stubFor(put(urlPathEqualTo(TICKET)).willReturn(json(200, "{\"ticket\":{\"id\":42,\"group_id\":3}}")));
    ZendeskClient client = h.client();

    TicketObject after = client.tickets().safeUpdate(42L, (current, changes) -> changes.withNull("assignee_id"));

    assertEquals(JsonParser.parseString("{\"ticket\":{\"assignee_id\":null,\"safe_update\":true,"
        + "\"updated_stamp\":\"2026-11-01T10:00:00Z\"}}"), sentBody(1), "only the cleared field and the stamp");
    assertEquals(List.of("GET " + TICKET, "PUT " + TICKET), h.received().stream()
        .map(r -> r.getMethod().getName() + " " + r.getUrl()).toList());
    assertEquals(Presence.ABSENT, after.presence("assignee_id"), "the answer left it out");
  }

  @Test
  void clearingACustomFieldValueSendsItsIdAndANullValue() {
    h.server.stubFor(put(urlPathEqualTo(TICKET)).willReturn(json(200, "{\"ticket\":{\"id\":42}}")));
    ZendeskClient client = h.client();

    client.execute(client.api(TicketsApi.class).updateTicket(42L, new TicketUpdateRequest().ticket(new TicketObject()
        .customFields(List.of(new TicketFieldValueInput().id(360L).withNull("value"))))));

    assertEquals(JsonParser.parseString("{\"ticket\":{\"custom_fields\":[{\"id\":360,\"value\":null}]}}"),
        sentBody(0));
  }

  @Test
  void absentNullAndPresentReadBackApartAndAValueSetLaterWins() {
    h.server.stubFor(get(urlPathEqualTo(TICKET)).willReturn(json(200,
        "{\"ticket\":{\"id\":42,\"assignee_id\":null,\"status\":\"open\",\"brand_new\":null}}")));
    ZendeskClient client = h.client();

    TicketObject t = client.execute(client.api(TicketsApi.class).showTicket(42L)).getTicket();

    assertEquals(Presence.NULL, t.presence("assignee_id"));
    assertEquals(Presence.ABSENT, t.presence("group_id"));
    assertEquals(Presence.PRESENT, t.presence("status"));
    assertEquals(Presence.NULL, t.presence("brand_new"), "an unknown member sent as null");
    assertEquals(Presence.ABSENT, t.presence("never_sent"));

    TicketObject changes = new TicketObject().withNull("group_id");
    assertEquals(Presence.NULL, changes.presence("group_id"));
    changes.groupId(5L);
    assertEquals(Presence.PRESENT, changes.presence("group_id"));
    assertEquals("{\"group_id\":5}", io.zenapi.zendesk.internal.Json.GSON.toJson(changes), "the value wins");
    assertEquals("{}", io.zenapi.zendesk.internal.Json.GSON.toJson(new TicketObject()), "absent: nothing sent");
    assertThrows(IllegalArgumentException.class, () -> changes.putNull(" "));
  }

  @Test
  void membersTheModelLacksSurviveAReadModifyWriteAtEveryLevel() {
    h.server.stubFor(get(urlPathEqualTo(TICKET)).willReturn(json(200,
        "{\"ticket\":{\"id\":42,\"subject\":\"Printer\",\"ai_summary\":{\"text\":\"on fire\",\"score\":0.93},"
            + "\"via\":{\"channel\":\"email\",\"channel_detail\":\"smtp\"},"
            + "\"custom_fields\":[{\"id\":1,\"value\":\"x\",\"locked\":true}]},\"audit_hint\":\"kept\"}")));
    h.server.stubFor(put(urlPathEqualTo(TICKET)).willReturn(json(200, "{\"ticket\":{\"id\":42}}")));
    ZendeskClient client = h.client();
    TicketsApi tickets = client.api(TicketsApi.class);

    var response = client.execute(tickets.showTicket(42L));
    TicketObject t = response.getTicket();
    assertEquals("kept", response.additionalProperty("audit_hint", String.class).orElseThrow());
    @SuppressWarnings("unchecked")
    Map<String, Object> summary = t.additionalProperty("ai_summary", Map.class).orElseThrow();
    assertEquals("on fire", summary.get("text"));
    assertEquals(true, t.getCustomFields().get(0).additionalProperty("locked", Boolean.class).orElseThrow());
    assertEquals("smtp", t.getVia().additionalProperty("channel_detail", String.class).orElseThrow());

    t.setSubject("Printer (fixed)");
    client.execute(tickets.updateTicket(42L, new TicketUpdateRequest().ticket(t)));

    assertEquals(JsonParser.parseString("{\"ticket\":{\"id\":42,\"subject\":\"Printer (fixed)\","
        + "\"custom_fields\":[{\"id\":1,\"value\":\"x\",\"locked\":true}],"
        + "\"via\":{\"channel\":\"email\",\"channel_detail\":\"smtp\"},"
        + "\"ai_summary\":{\"text\":\"on fire\",\"score\":0.93}}}"), sentBody(1));
    assertTrue(t.additionalProperties().containsKey("ai_summary"));
  }

  @Test
  void aJavaKeywordGetsAReadableNameAndKeepsItsJsonName() {
    var comment = new io.zenapi.zendesk.generated.model.TicketCommentObject().body("internal note").isPublic(false);
    assertEquals("{\"body\":\"internal note\",\"public\":false}", io.zenapi.zendesk.internal.Json.GSON.toJson(comment));
    assertEquals(Boolean.TRUE, io.zenapi.zendesk.internal.Json.GSON.fromJson("{\"public\":true}",
        io.zenapi.zendesk.generated.model.TicketCommentObject.class).getIsPublic());
  }

  @Test
  void openStringFieldsOfferTheirKnownValuesAndKeepUnknownOnes() {
    h.server.stubFor(get(urlPathEqualTo(TICKET)).willReturn(json(200,
        "{\"ticket\":{\"id\":42,\"status\":\"escalated\",\"priority\":\"high\"}}")));
    ZendeskClient client = h.client();

    TicketObject t = client.execute(client.api(TicketsApi.class).showTicket(42L)).getTicket();

    assertEquals(TicketObject.PRIORITY_HIGH, t.getPriority());
    assertTrue(TicketObject.PRIORITY_KNOWN_VALUES.contains(t.getPriority()));
    assertEquals("escalated", t.getStatus(), "a value Zendesk added later arrives as sent");
    assertFalse(TicketObject.STATUS_KNOWN_VALUES.contains(t.getStatus()));
    assertEquals(java.util.Set.of("new", "open", "pending", "hold", "solved", "closed"),
        TicketObject.STATUS_KNOWN_VALUES);
  }

  @Test
  void searchResultsAreTypedByResultTypeAndAnUnknownTypeIsKeptWhole() {
    String body = "{\"results\":["
        + "{\"result_type\":\"ticket\",\"id\":1,\"subject\":\"Printer\",\"created_at\":\"2026-01-02T03:04:05Z\"},"
        + "{\"result_type\":\"user\",\"id\":2,\"email\":\"ada@example.com\",\"role\":\"end-user\"},"
        + "{\"result_type\":\"organization\",\"id\":3,\"name\":\"Acme\",\"domain_names\":[\"acme.com\"]},"
        + "{\"result_type\":\"group\",\"id\":4,\"name\":\"Support\"},"
        + "{\"id\":5,\"title\":\"How to\",\"result_type\":\"article\",\"votes\":null}],"
        + "\"count\":5,\"next_page\":null}";
    h.server.stubFor(get(urlPathEqualTo("/api/v2/search")).willReturn(json(200, body)));
    ZendeskClient client = h.client();

    var response = client.execute(client.api(io.zenapi.zendesk.generated.api.SearchApi.class)
        .listSearchResults("printer"));
    List<io.zenapi.zendesk.search.SearchResult> results = response.getResults();

    TicketObject ticket = (TicketObject) results.get(0);
    assertEquals("Printer", ticket.getSubject());
    assertEquals(java.time.OffsetDateTime.parse("2026-01-02T03:04:05Z"), ticket.getCreatedAt(), "typed, not a string");
    assertEquals("ada@example.com", ((io.zenapi.zendesk.generated.model.UserObject) results.get(1)).getEmail());
    assertEquals(List.of("acme.com"),
        ((io.zenapi.zendesk.generated.model.OrganizationObject) results.get(2)).getDomainNames());
    assertEquals("Support", ((io.zenapi.zendesk.generated.model.GroupObject) results.get(3)).getName());
    var other = (io.zenapi.zendesk.search.OtherSearchResult) results.get(4);
    assertEquals("How to", other.additionalProperty("title", String.class).orElseThrow());
    assertEquals(List.of("ticket", "user", "organization", "group", "article"),
        results.stream().map(io.zenapi.zendesk.search.SearchResult::resultType).toList());
    assertEquals(JsonParser.parseString(body), io.zenapi.zendesk.internal.Json.GSON.toJsonTree(response),
        "written back as it came");
  }

  @Test
  void fieldsZendeskSendsBeyondTheUpstreamSchemasAreTyped() {
    var gson = io.zenapi.zendesk.internal.Json.GSON;
    var created = gson.fromJson("{\"ticket\":{\"id\":1},\"audit\":{\"id\":7,\"ticket_id\":1,"
        + "\"events\":[{\"id\":8,\"type\":\"Create\"}]}}", io.zenapi.zendesk.generated.model.TicketResponse.class);
    assertEquals(7L, created.getAudit().getId());
    var upload = gson.fromJson("{\"upload\":{\"token\":\"t\",\"expires_at\":\"2026-12-10T10:00:00Z\"}}",
        io.zenapi.zendesk.generated.model.AttachmentUploadResponse.class);
    assertEquals(java.time.OffsetDateTime.parse("2026-12-10T10:00:00Z"), upload.getUpload().getExpiresAt());
    var user = gson.fromJson("{\"id\":3,\"permanently_deleted\":true}",
        io.zenapi.zendesk.generated.model.UserObject.class);
    assertEquals(Boolean.TRUE, user.getPermanentlyDeleted());
    var view = gson.fromJson("{\"id\":4,\"url\":\"https://x.zendesk.com/api/v2/views/4.json\",\"raw_title\":\"{{dc.v}}\"}",
        io.zenapi.zendesk.generated.model.ViewObject.class);
    assertEquals("{{dc.v}}", view.getRawTitle());
    assertTrue(view.additionalProperties().isEmpty(), "every member now has a field");
  }

  @Test
  void aKeptMemberIsWrittenBackExactlyNestedNullsIncluded() {
    String json = "{\"id\":1,\"ai\":{\"score\":null,\"labels\":[null,{\"x\":null}]},\"gone\":null}";
    TicketObject t = io.zenapi.zendesk.internal.Json.GSON.fromJson(json, TicketObject.class);
    assertEquals(JsonParser.parseString(json), io.zenapi.zendesk.internal.Json.GSON.toJsonTree(t));
    assertEquals(json, io.zenapi.zendesk.internal.Json.GSON.toJson(t), "in order, as it came");
  }

  @Test
  void aRecoveredTicketReadsAsOneTicketWhetherSentAloneOrAsTheDocumentedListOfOne() {
    h.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.put(urlPathEqualTo(
        "/api/v2/suspended_tickets/9/recover")).willReturn(json(200, "{\"ticket\":{\"id\":77,\"subject\":\"Back\"}}")));
    h.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.put(urlPathEqualTo(
        "/api/v2/suspended_tickets/10/recover")).willReturn(json(200, "{\"ticket\":[{\"id\":78,\"subject\":\"Too\"}]}")));
    h.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.put(urlPathEqualTo(
        "/api/v2/suspended_tickets/11/recover")).willReturn(json(200, "{\"ticket\":[{\"id\":1},{\"id\":2}]}")));
    ZendeskClient client = h.client();
    var suspended = client.api(io.zenapi.zendesk.generated.api.SuspendedTicketsApi.class);

    assertEquals(77L, client.execute(suspended.recoverSuspendedTicket(9L)).getTicket().getId());
    assertEquals("Too", client.execute(suspended.recoverSuspendedTicket(10L)).getTicket().getSubject());
    io.zenapi.zendesk.errors.MalformedResponseException e = assertThrows(
        io.zenapi.zendesk.errors.MalformedResponseException.class,
        () -> client.execute(suspended.recoverSuspendedTicket(11L)));
    assertTrue(e.getMessage().contains("RecoverSuspendedTicketResponse"), e.getMessage());
  }

  @Test
  void anAdditionalPropertyNamedLikeAFieldIsRefusedWhenWritten() {
    TicketObject t = new TicketObject();
    t.additionalProperties().put("status", JsonParser.parseString("\"open\""));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> io.zenapi.zendesk.internal.Json.GSON.toJson(t));
    assertTrue(e.getMessage().contains("'status', which is one of its fields"), e.getMessage());
  }
}
