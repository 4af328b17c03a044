package io.zenapi.zendesk.specbuild.rules;

import static io.zenapi.zendesk.specbuild.TestSpecs.assertTree;
import static io.zenapi.zendesk.specbuild.TestSpecs.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

// DeleteWithBody: only DELETE operations with a requestBody get x-delete-with-body: true.
class DeleteWithBodyTest {
  private final DeleteWithBody rule = new DeleteWithBody();

  @Test
  void marksDeleteOperationsThatSendABody() {
    Map<String, Object> spec = yaml("""
        paths:
          /api/v2/tags:
            delete:
              operationId: RemoveTags
              requestBody:
                content:
                  application/json:
                    schema: {type: object}
            post:
              operationId: AddTags
              requestBody:
                content:
                  application/json:
                    schema: {type: object}
          /api/v2/tickets/{id}:
            delete:
              operationId: DeleteTicket
        """);

    assertEquals(1, rule.apply(spec));

    assertTree("""
        paths:
          /api/v2/tags:
            delete:
              operationId: RemoveTags
              requestBody:
                content:
                  application/json:
                    schema: {type: object}
              x-delete-with-body: true
            post:
              operationId: AddTags
              requestBody:
                content:
                  application/json:
                    schema: {type: object}
          /api/v2/tickets/{id}:
            delete:
              operationId: DeleteTicket
        """, spec);
    assertEquals("x-delete-with-body", DeleteWithBody.MARK);
    assertEquals(0, rule.apply(spec));
  }
}
