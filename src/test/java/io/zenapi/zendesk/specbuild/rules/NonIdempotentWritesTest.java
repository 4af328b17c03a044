package io.zenapi.zendesk.specbuild.rules;

import static io.zenapi.zendesk.specbuild.TestSpecs.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.zenapi.zendesk.specbuild.Tree;
import java.util.Map;
import org.junit.jupiter.api.Test;

// NonIdempotentWrites: which PUT/DELETE operations get x-not-idempotent (and with which members), and where the
// Idempotency-Key is honoured.
class NonIdempotentWritesTest {
  private final NonIdempotentWrites rule = new NonIdempotentWrites();

  private static Object mark(Map<String, Object> spec, String path, String method, String key) {
    return Tree.map(Tree.map(Tree.map(spec, "paths"), path), method).get(key);
  }

  @Test
  void marksWritesThatAddAndTheOperationWhereAKeyIsHonoured() {
    Map<String, Object> spec = yaml("""
        paths:
          /api/v2/tickets:
            post:
              operationId: CreateTicket
          /api/v2/users:
            post:
              operationId: CreateUser
          /api/v2/tickets/{ticket_id}:
            put:
              operationId: UpdateTicket
              requestBody:
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/TicketUpdateRequest'}
            delete:
              operationId: DeleteTicket
          /api/v2/tickets/update_many:
            put:
              operationId: UpdateMany
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        tickets:
                          type: array
                          items:
                            allOf:
                              - {$ref: '#/components/schemas/Ticket'}
                              - {type: object, properties: {additional_tags: {type: array}}}
          /api/v2/groups/{id}:
            put:
              operationId: UpdateGroup
              requestBody:
                content:
                  application/json:
                    schema: {type: object, properties: {group: {type: object, properties: {name: {type: string}}}}}
          /api/v2/users/{user_id}/tags:
            put:
              operationId: AddUserTags
            delete:
              operationId: RemoveUserTags
          /api/v2/users/{user_id}/identities/{id}/request_verification:
            put:
              operationId: RequestVerification
        components:
          schemas:
            TicketUpdateRequest:
              type: object
              properties:
                ticket: {$ref: '#/components/schemas/Ticket'}
            Ticket:
              type: object
              properties:
                subject: {type: string}
                comment: {type: object, properties: {body: {type: string}}}
                additional_collaborators: {type: array}
        """);

    assertEquals(5, rule.apply(spec));

    assertEquals(true, mark(spec, "/api/v2/tickets", "post", NonIdempotentWrites.KEY_HONOURED));
    assertNull(mark(spec, "/api/v2/users", "post", NonIdempotentWrites.KEY_HONOURED));
    assertEquals("when = {\"ticket.comment\", \"ticket.additional_collaborators\"}",
        mark(spec, "/api/v2/tickets/{ticket_id}", "put", NonIdempotentWrites.MARK));
    assertNull(mark(spec, "/api/v2/tickets/{ticket_id}", "delete", NonIdempotentWrites.MARK));
    assertEquals("when = {\"tickets.comment\", \"tickets.additional_collaborators\", \"tickets.additional_tags\"}",
        mark(spec, "/api/v2/tickets/update_many", "put", NonIdempotentWrites.MARK));
    assertNull(mark(spec, "/api/v2/groups/{id}", "put", NonIdempotentWrites.MARK));
    assertEquals("reason = \"adds tags\"", mark(spec, "/api/v2/users/{user_id}/tags", "put", NonIdempotentWrites.MARK));
    assertNull(mark(spec, "/api/v2/users/{user_id}/tags", "delete", NonIdempotentWrites.MARK));
    assertEquals("reason = \"sends an email\"", mark(spec,
        "/api/v2/users/{user_id}/identities/{id}/request_verification", "put", NonIdempotentWrites.MARK));
    assertEquals(0, rule.apply(spec), "applying it again changes nothing");
  }
}
