package io.zenapi.zendesk.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** Event payloads as Zendesk's "Webhook event types" reference shows them, typed; unknown types kept readable. */
class WebhookEventTest {
  /** The example payload of Zendesk's "Webhook event types" page. */
  private static final String ACTIVE_CHANGED = """
      {"type":"zen:event-type:user.active_changed","account_id":12514403,
       "id":"2b24ef10-19d4-4740-93cf-8f98ec4776c0","time":"2099-07-04T05:33:18Z",
       "zendesk_event_version":"2022-06-20","subject":"zen:user:6596848315901",
       "detail":{"created_at":"2099-07-04T05:27:58Z","email":"jdoe@example.com","external_id":"",
         "default_group_id":"0","id":"6596848315901","organization_id":"0","role":"end-user",
         "updated_at":"2099-07-04T05:33:18Z"},
       "event":{"current":false,"previous":true}}
      """;

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aUserEventIsTypedEnvelopeDetailAndChange() {
    WebhookEvent e = WebhookEvent.parse(bytes(ACTIVE_CHANGED));

    assertEquals("zen:event-type:user.active_changed", e.type());
    assertEquals("user.active_changed", e.shortType());
    assertEquals("2b24ef10-19d4-4740-93cf-8f98ec4776c0", e.id());
    assertEquals(OffsetDateTime.parse("2099-07-04T05:33:18Z"), e.time());
    assertEquals("2022-06-20", e.zendeskEventVersion());
    assertEquals("zen:user:6596848315901", e.subject());
    assertEquals(12514403L, e.accountId());
    WebhookEvent.UserDetail user = e.user().orElseThrow();
    assertEquals("6596848315901", user.id());
    assertEquals("jdoe@example.com", user.email());
    assertEquals("end-user", user.role());
    assertEquals("0", user.organizationId());
    assertFalse(e.change().orElseThrow().current(Boolean.class));
    assertTrue(e.change().orElseThrow().previous(Boolean.class));
    assertTrue(e.organization().isEmpty());
    assertTrue(e.ticket().isEmpty());
  }

  @Test
  void anOrganizationEventAndAnUnknownEventTypeAreReadToo() {
    WebhookEvent org = WebhookEvent.parse(bytes("""
        {"type":"zen:event-type:organization.name_changed","id":"e1","subject":"zen:organization:42",
         "detail":{"id":"42","name":"Acme Größe","shared_tickets":true},"event":{"current":"Acme Größe",
         "previous":"Acme"}}"""));
    assertEquals("Acme Größe", org.organization().orElseThrow().name());
    assertTrue(org.organization().orElseThrow().sharedTickets());
    assertEquals("Acme", org.change().orElseThrow().previous(String.class));

    WebhookEvent unknown = WebhookEvent.parse(bytes("""
        {"type":"zen:event-type:article.published","id":"e2","detail":{"id":"7","brand_id":"3"},
         "event":{"locale":"en-us"}}"""));
    assertTrue(unknown.user().isEmpty() && unknown.organization().isEmpty() && unknown.ticket().isEmpty());
    assertEquals("3", unknown.detailJson().get("brand_id").getAsString());
    assertEquals("en-us", unknown.eventJson().get("locale").getAsString());
    assertTrue(unknown.change().isEmpty());
  }

  @Test
  void aTicketEventHasItsDetailItsChangeAndItsSequence() {
    WebhookEvent e = WebhookEvent.parse(bytes("""
        {"type":"zen:event-type:ticket.status_changed","id":"e3","subject":"zen:ticket:35436",
         "detail":{"id":"35436","subject":"Printer on fire","status":"SOLVED","priority":"HIGH","is_public":true,
           "actor_id":"20978392","requester_id":"20978392","form_id":"360000","tags":["printer","fire"]},
         "event":{"meta":{"sequence":{"id":"s1","position":1}},"current":"SOLVED","previous":"OPEN"}}"""));
    WebhookEvent.TicketDetail ticket = e.ticket().orElseThrow();
    assertEquals("35436", ticket.id());
    assertEquals("Printer on fire", ticket.subject());
    assertTrue(ticket.isPublic());
    assertEquals("20978392", ticket.actorId());
    assertEquals("360000", ticket.formId());
    assertEquals(java.util.List.of("printer", "fire"), ticket.tags());
    assertEquals("SOLVED", e.change().orElseThrow().current(String.class));
    assertEquals("OPEN", e.change().orElseThrow().previous(String.class));
    assertTrue(e.user().isEmpty());
  }

  @Test
  void aTriggerWebhooksFreeFormBodyIsATreeAndNotAnEvent() {
    byte[] body = bytes("{\"ticket_id\":\"35436\",\"status\":\"open\"}");
    assertEquals("35436", WebhookEvent.freeForm(body).getAsJsonObject().get("ticket_id").getAsString());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WebhookEvent.parse(body));
    assertTrue(e.getMessage().contains("freeForm"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> WebhookEvent.parse(bytes("{not json")));
    assertThrows(IllegalArgumentException.class, () -> WebhookEvent.parse(new byte[0]));
  }
}
