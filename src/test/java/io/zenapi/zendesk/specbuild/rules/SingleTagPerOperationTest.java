package io.zenapi.zendesk.specbuild.rules;

import static io.zenapi.zendesk.specbuild.TestSpecs.assertTree;
import static io.zenapi.zendesk.specbuild.TestSpecs.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

// SingleTagPerOperation: an operation with several tags keeps only its first.
class SingleTagPerOperationTest {
  private final SingleTagPerOperation rule = new SingleTagPerOperation();

  @Test
  void keepsOnlyTheFirstTag() {
    Map<String, Object> spec = yaml("""
        openapi: 3.0.3
        tags: [{name: Tickets}, {name: Search}]
        paths:
          /api/v2/tickets:
            get: {operationId: ListTickets, tags: [Tickets, Search, Views]}
            post: {operationId: CreateTicket, tags: [Tickets]}
          /api/v2/search:
            get: {operationId: Search, tags: [Search, Tickets]}
          /api/v2/ping:
            get: {operationId: Ping}
        """);

    assertEquals(2, rule.apply(spec));

    assertTree("""
        openapi: 3.0.3
        tags: [{name: Tickets}, {name: Search}]
        paths:
          /api/v2/tickets:
            get: {operationId: ListTickets, tags: [Tickets]}
            post: {operationId: CreateTicket, tags: [Tickets]}
          /api/v2/search:
            get: {operationId: Search, tags: [Search]}
          /api/v2/ping:
            get: {operationId: Ping}
        """, spec);
    assertEquals(0, rule.apply(spec));
  }

  @Test
  void nameIsTheClassName() {
    assertEquals("SingleTagPerOperation", rule.name());
  }
}
