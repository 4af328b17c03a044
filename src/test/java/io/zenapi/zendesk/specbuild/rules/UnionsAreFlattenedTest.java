package io.zenapi.zendesk.specbuild.rules;

import static io.zenapi.zendesk.specbuild.TestSpecs.assertTree;
import static io.zenapi.zendesk.specbuild.TestSpecs.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

// UnionsAreFlattened: oneOf/anyOf become one object, one scalar type, or a free-form value Gson can bind.
class UnionsAreFlattenedTest {
  private final UnionsAreFlattened rule = new UnionsAreFlattened();

  @Test
  void objectAlternativesMergeIntoTheUnionOfTheirProperties() {
    Map<String, Object> spec = yaml("""
        components:
          schemas:
            Via:
              description: How the ticket was created.
              oneOf:
              - type: object
                required: [id]
                properties:
                  id: {type: integer}
                  value: {type: string, description: As text.}
                  tags: {type: array, items: {type: string}}
              - $ref: '#/components/schemas/ViaEmail'
              properties:
                channel: {type: string}
            ViaEmail:
              type: object
              properties:
                id: {type: integer}
                value: {type: integer}
                tags: {type: array, items: {type: integer}}
                address: {type: string}
        """);

    assertEquals(1, rule.apply(spec));

    assertTree("""
        components:
          schemas:
            Via:
              description: How the ticket was created.
              properties:
                id: {type: integer}
                value: {description: As text.}
                tags: {}
                address: {type: string}
                channel: {type: string}
              type: object
            ViaEmail:
              type: object
              properties:
                id: {type: integer}
                value: {type: integer}
                tags: {type: array, items: {type: integer}}
                address: {type: string}
        """, spec);
    assertEquals(0, rule.apply(spec));
  }

  @Test
  void scalarAlternativesOfOneTypeCollapseToIt() {
    Map<String, Object> spec = yaml("""
        components:
          schemas:
            Id:
              oneOf:
              - {type: integer, format: int64}
              - {type: integer, format: int64, minimum: 1}
            When:
              anyOf:
              - {type: string, format: date-time}
              - {type: string}
            MaybeName:
              description: A name, or null.
              oneOf:
              - {type: string}
              - {type: 'null'}
        """);

    assertEquals(3, rule.apply(spec));

    assertTree("""
        components:
          schemas:
            Id: {type: integer, format: int64}
            When: {type: string}
            MaybeName: {description: 'A name, or null.', type: string, nullable: true}
        """, spec);
    assertEquals(0, rule.apply(spec));
  }

  @Test
  void mixedAlternativesBecomeFreeFormKeepingDocumentation() {
    Map<String, Object> spec = yaml("""
        paths:
          /api/v2/search:
            get:
              operationId: Search
              parameters:
              - name: query
                in: query
                schema:
                  description: A string or a list.
                  type: string
                  x-zendesk: kept
                  nullable: true
                  example: status:open
                  minLength: 1
                  anyOf:
                  - {type: string}
                  - {type: array, items: {type: string}}
        components:
          schemas:
            Value:
              oneOf:
              - {type: string}
              - {type: integer}
            Field:
              type: object
              properties:
                value:
                  oneOf:
                  - {type: array, items: {type: string}}
                  - {type: object, properties: {a: {type: string}}}
        """);

    assertEquals(3, rule.apply(spec));

    assertTree("""
        paths:
          /api/v2/search:
            get:
              operationId: Search
              parameters:
              - name: query
                in: query
                schema:
                  description: A string or a list.
                  x-zendesk: kept
                  nullable: true
                  example: status:open
        components:
          schemas:
            Value: {}
            Field:
              type: object
              properties:
                value: {}
        """, spec);
    assertEquals(0, rule.apply(spec));
  }

  @Test
  void unionWithDiscriminatorIsKept() {
    String text = """
        components:
          schemas:
            Action:
              oneOf:
              - {$ref: '#/components/schemas/A'}
              - {$ref: '#/components/schemas/B'}
              discriminator: {propertyName: kind}
            A: {type: object, properties: {kind: {type: string}}}
            B: {type: object, properties: {kind: {type: string}}}
        """;
    Map<String, Object> spec = yaml(text);

    assertEquals(0, rule.apply(spec));

    assertTree(text, spec);
  }

  @Test
  void nestedUnionInsideAnAlternativeIsFlattenedToo() {
    Map<String, Object> spec = yaml("""
        components:
          schemas:
            Outer:
              oneOf:
              - type: object
                properties:
                  inner:
                    oneOf:
                    - {type: string}
                    - {type: string, format: email}
              - type: object
                properties:
                  other: {type: boolean}
        """);

    assertEquals(2, rule.apply(spec));

    assertTree("""
        components:
          schemas:
            Outer:
              type: object
              properties:
                inner: {type: string}
                other: {type: boolean}
        """, spec);
    assertEquals(0, rule.apply(spec));
  }
}
