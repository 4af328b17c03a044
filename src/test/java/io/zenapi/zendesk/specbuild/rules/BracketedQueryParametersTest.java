package io.zenapi.zendesk.specbuild.rules;

import static io.zenapi.zendesk.specbuild.TestSpecs.assertTree;
import static io.zenapi.zendesk.specbuild.TestSpecs.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

// BracketedQueryParameters: object-valued query parameters become one page[size]-style parameter per property.
class BracketedQueryParametersTest {
  private final BracketedQueryParameters rule = new BracketedQueryParameters();

  @Test
  void deepObjectParameterIsSplitIntoBracketedOnes() {
    Map<String, Object> spec = yaml("""
        paths:
          /api/v2/tickets/{ticket_id}/audits:
            get:
              operationId: ListAudits
              parameters:
              - {name: ticket_id, in: path, required: true, schema: {type: integer}}
              - name: filter
                in: query
                description: Filters the audits.
                required: true
                style: deepObject
                explode: true
                schema:
                  type: object
                  properties:
                    ticket_id: {type: integer, description: Only this ticket.}
                    type: {type: string}
              - {name: sort, in: query, schema: {type: string}}
        """);

    assertEquals(1, rule.apply(spec));

    assertTree("""
        paths:
          /api/v2/tickets/{ticket_id}/audits:
            get:
              operationId: ListAudits
              parameters:
              - {name: ticket_id, in: path, required: true, schema: {type: integer}}
              - {name: 'filter[ticket_id]', in: query, description: Only this ticket., required: false,
                 schema: {type: integer}}
              - {name: 'filter[type]', in: query, description: Filters the audits., required: false,
                 schema: {type: string}}
              - {name: sort, in: query, schema: {type: string}}
        """, spec);
    assertEquals(0, rule.apply(spec));
  }

  @Test
  void pageThatIsIntegerOrObjectKeepsItsIntegerForm() {
    Map<String, Object> spec = yaml("""
        paths:
          /api/v2/users:
            parameters:
            - name: page
              in: query
              description: Offset or cursor pagination.
              schema:
                oneOf:
                - {type: integer, description: Offset page number.}
                - type: object
                  properties:
                    size: {type: integer, description: Records per page.}
                    after: {type: string}
            get:
              operationId: ListUsers
        """);

    assertEquals(1, rule.apply(spec));

    assertTree("""
        paths:
          /api/v2/users:
            parameters:
            - {name: page, in: query, description: Offset page number., required: false,
               schema: {type: integer, description: Offset page number.}}
            - {name: 'page[size]', in: query, description: Records per page., required: false,
               schema: {type: integer}}
            - {name: 'page[after]', in: query, description: Offset or cursor pagination., required: false,
               schema: {type: string}}
            get:
              operationId: ListUsers
        """, spec);
    assertEquals(0, rule.apply(spec));
  }

  @Test
  void referencedParameterAndReferencedSchemaAreSplitInline() {
    Map<String, Object> spec = yaml("""
        paths:
          /api/v2/brands:
            get:
              operationId: ListBrands
              parameters:
              - $ref: '#/components/parameters/CursorPage'
              - $ref: '#/components/parameters/Locale'
        components:
          parameters:
            CursorPage:
              name: page
              in: query
              style: deepObject
              schema: {$ref: '#/components/schemas/Page'}
            Locale: {name: locale, in: query, schema: {type: string}}
          schemas:
            Page:
              type: object
              properties:
                size: {type: integer}
        """);

    assertEquals(1, rule.apply(spec));

    assertTree("""
        paths:
          /api/v2/brands:
            get:
              operationId: ListBrands
              parameters:
              - {name: 'page[size]', in: query, required: false, schema: {type: integer}}
              - $ref: '#/components/parameters/Locale'
        components:
          parameters:
            CursorPage:
              name: page
              in: query
              style: deepObject
              schema: {$ref: '#/components/schemas/Page'}
            Locale: {name: locale, in: query, schema: {type: string}}
          schemas:
            Page:
              type: object
              properties:
                size: {type: integer}
        """, spec);
    assertEquals(0, rule.apply(spec));
  }

  @Test
  void objectValuedPathAndHeaderParametersAreLeftAlone() {
    String text = """
        paths:
          /api/v2/users/{user}:
            get:
              operationId: Login
              parameters:
              - name: user
                in: path
                style: deepObject
                schema:
                  type: object
                  properties:
                    email: {type: string}
              - name: X-Options
                in: header
                schema:
                  type: object
                  properties:
                    debug: {type: boolean}
        """;
    Map<String, Object> spec = yaml(text);

    assertEquals(0, rule.apply(spec));

    assertTree(text, spec);
  }

  @Test
  void nestedObjectsAreSplitToTheirLeavesInOneRun() {
    Map<String, Object> spec = yaml("""
        paths:
          /api/v2/things:
            get:
              operationId: ListThings
              parameters:
              - name: filter
                in: query
                style: deepObject
                schema:
                  type: object
                  properties:
                    created:
                      type: object
                      properties:
                        gt: {type: string}
                        lt: {type: string}
        """);

    assertEquals(1, rule.apply(spec));

    assertTree("""
        paths:
          /api/v2/things:
            get:
              operationId: ListThings
              parameters:
              - {name: 'filter[created][gt]', in: query, required: false, schema: {type: string}}
              - {name: 'filter[created][lt]', in: query, required: false, schema: {type: string}}
        """, spec);
    assertEquals(0, rule.apply(spec));
  }

  @Test
  void aMapValuedPartBecomesAQueryMap() {
    Map<String, Object> spec = yaml("""
        paths:
          /api/v2/records/autocomplete:
            get:
              operationId: Autocomplete
              parameters:
              - name: filter[dynamic_values]
                in: query
                style: deepObject
                description: Values for dynamic filters.
                schema: {type: object, additionalProperties: {type: integer}}
        """);

    assertEquals(1, rule.apply(spec));

    assertTree("""
        paths:
          /api/v2/records/autocomplete:
            get:
              operationId: Autocomplete
              parameters:
              - name: filter[dynamic_values]
                in: query
                description: "Values for dynamic filters.\\n\\nSent as a query map: give each key in full, e.g. `filter[dynamic_values][key]` → value."
                required: false
                schema: {type: object, additionalProperties: {type: integer}}
                x-query-map: true
        """, spec);
    assertEquals(0, rule.apply(spec));
  }
}
