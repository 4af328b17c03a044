package io.zenapi.zendesk.specbuild.rules;

import static io.zenapi.zendesk.specbuild.TestSpecs.assertTree;
import static io.zenapi.zendesk.specbuild.TestSpecs.json;
import static io.zenapi.zendesk.specbuild.TestSpecs.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.zenapi.zendesk.specbuild.RefChecker;
import java.util.Map;
import org.junit.jupiter.api.Test;

// DeclarePagination: GET operations documented as paginated declare the page parameters and response fields.
class DeclarePaginationTest {
  private final DeclarePagination rule = new DeclarePagination();

  private static final String CURSOR_PARAMS = """
      - {name: 'page[size]', in: query, required: false,
         description: 'Cursor pagination: number of records per page (at most 100).',
         schema: {type: integer, minimum: 1, maximum: 100}}
      - {name: 'page[after]', in: query, required: false,
         description: 'Cursor pagination: the `meta.after_cursor` of the previous page.', schema: {type: string}}
      - {name: 'page[before]', in: query, required: false,
         description: 'Cursor pagination: the `meta.before_cursor` of the next page.', schema: {type: string}}
      """;

  private static final String SHARED_SCHEMAS = """
          CursorPaginationMetaObject:
            type: object
            description: Where a cursor-paginated list stands.
            properties:
              has_more: {type: boolean, description: Whether another page follows.}
              after_cursor: {type: string, nullable: true, description: 'Cursor for the next page (`page[after]`).'}
              before_cursor: {type: string, nullable: true,
                              description: 'Cursor for the previous page (`page[before]`).'}
          CursorPaginationLinksObject:
            type: object
            description: Links of a cursor-paginated list.
            properties:
              next: {type: string, nullable: true, description: URL of the next page.}
              prev: {type: string, nullable: true, description: URL of the previous page.}
      """;

  @Test
  void cursorPaginatedListGetsParametersMetaAndLinks() {
    Map<String, Object> spec = yaml("""
        paths:
          /api/v2/tickets:
            get:
              operationId: ListTickets
              description: Lists tickets. Supports Cursor Pagination (recommended).
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/TicketsResponse'}
            post:
              operationId: CreateTicket
              description: Cursor pagination is not a thing here.
          /api/v2/ping:
            get:
              operationId: Ping
              description: Not paginated.
        components:
          schemas:
            TicketsResponse:
              type: object
              properties:
                tickets: {type: array, items: {type: object}}
        """);

    assertEquals(1, rule.apply(spec));

    assertTree("""
        paths:
          /api/v2/tickets:
            get:
              operationId: ListTickets
              description: Lists tickets. Supports Cursor Pagination (recommended).
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/TicketsResponse'}
              parameters:
        """ + CURSOR_PARAMS.indent(8) + """
            post:
              operationId: CreateTicket
              description: Cursor pagination is not a thing here.
          /api/v2/ping:
            get:
              operationId: Ping
              description: Not paginated.
        components:
          schemas:
            TicketsResponse:
              type: object
              properties:
                tickets: {type: array, items: {type: object}}
                meta: {$ref: '#/components/schemas/CursorPaginationMetaObject'}
                links: {$ref: '#/components/schemas/CursorPaginationLinksObject'}
        """ + SHARED_SCHEMAS, spec);
    RefChecker.checkMerged(spec, "test");
    assertEquals(0, rule.apply(spec));
  }

  @Test
  void offsetPaginatedListGetsPageAndPerPageAndNextPage() {
    Map<String, Object> spec = yaml("""
        paths:
          /api/v2/users:
            get:
              operationId: ListUsers
              description: Uses offset pagination.
              parameters:
              - {name: per_page, in: query, schema: {type: integer}}
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          users: {type: array, items: {type: object}}
                          count: {type: integer, description: Users.}
        """);

    assertEquals(1, rule.apply(spec));

    assertTree("""
        paths:
          /api/v2/users:
            get:
              operationId: ListUsers
              description: Uses offset pagination.
              parameters:
              - {name: per_page, in: query, schema: {type: integer}}
              - {name: page, in: query, required: false, description: 'Offset pagination: the page number, from 1.',
                 schema: {type: integer, minimum: 1}}
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          users: {type: array, items: {type: object}}
                          count: {type: integer, description: Users.}
                          next_page: {type: string, nullable: true, description: 'URL of the next page, or null on the last.'}
                          previous_page: {type: string, nullable: true, description: 'URL of the previous page, or null.'}
        """, spec);
    assertEquals(0, rule.apply(spec));
  }

  @Test
  void alreadyDeclaredCursorParameterIsNotRepeatedAndAllOfResponseGetsAMember() {
    Map<String, Object> spec = yaml("""
        paths:
          /api/v2/views/{id}/tickets:
            parameters:
            - {name: 'page[size]', in: query, schema: {type: integer}}
            get:
              operationId: ListViewTickets
              description: 'See cursor pagination.'
              responses:
                '200':
                  $ref: '#/components/responses/ViewTickets'
        components:
          responses:
            ViewTickets:
              description: ok
              content:
                application/json:
                  schema:
                    allOf:
                    - {$ref: '#/components/schemas/Base'}
          schemas:
            Base: {type: object, properties: {tickets: {type: array, items: {type: object}}}}
        """);

    assertEquals(1, rule.apply(spec));

    assertTree("""
        paths:
          /api/v2/views/{id}/tickets:
            parameters:
            - {name: 'page[size]', in: query, schema: {type: integer}}
            get:
              operationId: ListViewTickets
              description: 'See cursor pagination.'
              responses:
                '200':
                  $ref: '#/components/responses/ViewTickets'
              parameters:
              - {name: 'page[after]', in: query, required: false,
                 description: 'Cursor pagination: the `meta.after_cursor` of the previous page.', schema: {type: string}}
              - {name: 'page[before]', in: query, required: false,
                 description: 'Cursor pagination: the `meta.before_cursor` of the next page.', schema: {type: string}}
        components:
          responses:
            ViewTickets:
              description: ok
              content:
                application/json:
                  schema:
                    allOf:
                    - {$ref: '#/components/schemas/Base'}
                    - type: object
                      properties:
                        meta: {$ref: '#/components/schemas/CursorPaginationMetaObject'}
                        links: {$ref: '#/components/schemas/CursorPaginationLinksObject'}
          schemas:
            Base: {type: object, properties: {tickets: {type: array, items: {type: object}}}}
        """ + SHARED_SCHEMAS, spec);
    assertEquals(0, rule.apply(spec));
  }

  @Test
  void responseWithoutObjectSchemaOnlyGetsParameters() {
    Map<String, Object> spec = yaml("""
        paths:
          /api/v2/exports:
            get:
              operationId: Export
              description: Offset pagination.
              parameters:
              - {name: page, in: query, schema: {type: integer}}
              - {name: per_page, in: query, schema: {type: integer}}
              responses:
                '200':
                  description: ok
                  content:
                    text/csv:
                      schema: {type: string}
        """);
    String before = json(spec);

    assertEquals(0, rule.apply(spec));

    assertEquals(before, json(spec));
  }
}
