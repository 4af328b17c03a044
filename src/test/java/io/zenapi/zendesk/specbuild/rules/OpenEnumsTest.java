package io.zenapi.zendesk.specbuild.rules;

import static io.zenapi.zendesk.specbuild.TestSpecs.assertTree;
import static io.zenapi.zendesk.specbuild.TestSpecs.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

// OpenEnums: enum values move to x-known-values and a description line; the type stays open.
class OpenEnumsTest {
  private final OpenEnums rule = new OpenEnums();

  @Test
  void enumsBecomeKnownValues() {
    Map<String, Object> spec = yaml("""
        paths:
          /api/v2/tickets:
            get:
              operationId: ListTickets
              parameters:
              - name: sort_order
                in: query
                schema: {type: string, enum: [asc, desc]}
        components:
          schemas:
            Ticket:
              type: object
              properties:
                status:
                  type: string
                  description: "The state of the ticket.  "
                  enum: [new, open, solved]
                priority:
                  type: string
                  nullable: true
                  enum: [low, high, null]
                level:
                  type: integer
                  enum: [1, 2]
        """);

    assertEquals(4, rule.apply(spec));

    assertTree("""
        paths:
          /api/v2/tickets:
            get:
              operationId: ListTickets
              parameters:
              - name: sort_order
                in: query
                schema:
                  type: string
                  x-known-values: [asc, desc]
                  x-known-constants:
                  - {name: ASC, value: asc, literal: '"asc"'}
                  - {name: DESC, value: desc, literal: '"desc"'}
                  description: "Known values: `asc`, `desc` (Zendesk may add more; any value sent is kept as is)."
        components:
          schemas:
            Ticket:
              type: object
              properties:
                status:
                  type: string
                  description: "The state of the ticket.\\n\\nKnown values: `new`, `open`, `solved` (Zendesk may add more; any value sent is kept as is)."
                  x-known-values: [new, open, solved]
                  x-known-constants:
                  - {name: NEW, value: new, literal: '"new"'}
                  - {name: OPEN, value: open, literal: '"open"'}
                  - {name: SOLVED, value: solved, literal: '"solved"'}
                priority:
                  type: string
                  nullable: true
                  x-known-values: [low, high]
                  x-known-constants:
                  - {name: LOW, value: low, literal: '"low"'}
                  - {name: HIGH, value: high, literal: '"high"'}
                  description: "Known values: `low`, `high` (Zendesk may add more; any value sent is kept as is)."
                level:
                  type: integer
                  x-known-values: [1, 2]
                  description: "Known values: `1`, `2` (Zendesk may add more; any value sent is kept as is)."
        """, spec);
    assertEquals(0, rule.apply(spec));
  }
}
