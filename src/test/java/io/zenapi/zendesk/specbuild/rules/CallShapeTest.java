package io.zenapi.zendesk.specbuild.rules;

import static io.zenapi.zendesk.specbuild.TestSpecs.assertTree;
import static io.zenapi.zendesk.specbuild.TestSpecs.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

// CallShape: parameters inlined per operation with path parameters in path order; optional query parameters go to a
// params class except the pagination engine's; comma flags for the template; constants for known values.
class CallShapeTest {
  private final CallShape rule = new CallShape();

  @Test
  void pathParametersInPathOrderPathLevelOnesInlinedAndOptionalOnesInAParamsClass() {
    Map<String, Object> spec = yaml("""
        components:
          parameters:
            Include:
              {name: include, in: query, schema: {type: string}}
        paths:
          /api/v2/users/{user_id}/tickets/{ticket_id}/skips:
            parameters:
            - {name: ticket_id, in: path, required: true, schema: {type: integer}}
            get:
              operationId: ListSkips
              parameters:
              - {name: user_id, in: path, required: true, schema: {type: integer}}
              - {name: 'page[size]', in: query, schema: {type: integer}}
              - {name: sort_order, in: query, schema: {type: string, x-known-values: [asc, desc, -created_at]}}
              - $ref: '#/components/parameters/Include'
            post:
              operationId: RecordSkip
              requestBody:
                content:
                  application/json:
                    schema: {type: object}
        """);

    assertEquals(2, rule.apply(spec));

    assertTree("""
        components:
          parameters:
            Include:
              {name: include, in: query, schema: {type: string}}
        paths:
          /api/v2/users/{user_id}/tickets/{ticket_id}/skips:
            get:
              operationId: ListSkips
              parameters:
              - {name: user_id, in: path, required: true, schema: {type: integer}}
              - {name: ticket_id, in: path, required: true, schema: {type: integer}}
              - {name: 'page[size]', in: query, schema: {type: integer}, x-pagination-param: true}
              - name: sort_order
                in: query
                schema: {type: string, x-known-values: [asc, desc, -created_at]}
                x-known-constants:
                - {name: SORT_ORDER_ASC, value: asc, literal: '"asc"'}
                - {name: SORT_ORDER_DESC, value: desc, literal: '"desc"'}
                - {name: SORT_ORDER_MINUS_CREATED_AT, value: -created_at, literal: '"-created_at"'}
              - {name: include, in: query, schema: {type: string}}
              x-params-class: ListSkipsParams
              x-leading-args: true
              x-body-after-args: true
            post:
              operationId: RecordSkip
              requestBody:
                content:
                  application/json:
                    schema: {type: object}
              parameters:
              - {name: ticket_id, in: path, required: true, schema: {type: integer}}
              x-leading-args: true
              x-body-after-args: true
        """, spec);
    assertEquals(0, rule.apply(spec), "a second run changes nothing");
  }

  @Test
  void anOperationWithOnlyPaginationParametersHasNoParamsClassAndNothingBeforeItsBody() {
    Map<String, Object> spec = yaml("""
        paths:
          /api/v2/tickets:
            get:
              operationId: ListTickets
              parameters:
              - {name: page, in: query, schema: {type: integer}}
              - {name: per_page, in: query, schema: {type: integer}}
              - {name: cursor, in: query, schema: {type: string}}
            post:
              operationId: CreateTicket
              requestBody:
                content:
                  application/json:
                    schema: {type: object}
        """);

    assertEquals(1, rule.apply(spec));

    assertTree("""
        paths:
          /api/v2/tickets:
            get:
              operationId: ListTickets
              parameters:
              - {name: page, in: query, schema: {type: integer}, x-pagination-param: true}
              - {name: per_page, in: query, schema: {type: integer}, x-pagination-param: true}
              - {name: cursor, in: query, schema: {type: string}, x-pagination-param: true}
            post:
              operationId: CreateTicket
              requestBody:
                content:
                  application/json:
                    schema: {type: object}
        """, spec);
  }

  @Test
  void aRequiredQueryParameterIsPositionalEvenWithAPaginationName() {
    Map<String, Object> spec = yaml("""
        paths:
          /api/v2/search/export:
            get:
              operationId: ExportSearchResults
              parameters:
              - {name: query, in: query, required: true, schema: {type: string}}
              - {name: 'page[size]', in: query, required: true, schema: {type: integer}}
        """);

    assertEquals(1, rule.apply(spec));

    assertTree("""
        paths:
          /api/v2/search/export:
            get:
              operationId: ExportSearchResults
              parameters:
              - {name: query, in: query, required: true, schema: {type: string}}
              - {name: 'page[size]', in: query, required: true, schema: {type: integer}}
              x-leading-args: true
              x-body-after-args: true
        """, spec);
    assertEquals("ExportSearchResultsParams", CallShape.paramsClass("exportSearchResults"));
  }

  @Test
  void aPathLevelSortOrderReachesTheListButNotTheWrite() {
    Map<String, Object> spec = yaml("""
        paths:
          /api/v2/skips:
            parameters:
            - {name: sort_order, in: query, schema: {type: string}}
            get:
              operationId: ListSkips
            post:
              operationId: RecordNewSkip
              requestBody:
                content:
                  application/json:
                    schema: {type: object}
        """);

    assertEquals(1, rule.apply(spec));

    assertTree("""
        paths:
          /api/v2/skips:
            get:
              operationId: ListSkips
              parameters:
              - {name: sort_order, in: query, schema: {type: string}}
              x-params-class: ListSkipsParams
              x-body-after-args: true
            post:
              operationId: RecordNewSkip
              requestBody:
                content:
                  application/json:
                    schema: {type: object}
        """, spec);
  }
}
