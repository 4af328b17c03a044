package io.zenapi.zendesk.specbuild;

import static io.zenapi.zendesk.specbuild.TestSpecs.ROOT;
import static io.zenapi.zendesk.specbuild.TestSpecs.assertTree;
import static io.zenapi.zendesk.specbuild.TestSpecs.nameIn;
import static io.zenapi.zendesk.specbuild.TestSpecs.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// SpecMerge: the union of root + area files, its conflict and $ref checks, YAML errors, overlays, YAML 1.2 loading.
class SpecMergeTest {
  @TempDir Path dir;

  private static final String TICKETS = """
      openapi: 3.0.3
      info: {title: Tickets, version: '2'}
      tags:
      - name: Tickets
      paths:
        /api/v2/tickets:
          get:
            operationId: ListTickets
            tags: [Tickets]
            responses:
              '200':
                description: ok
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/TicketsResponse'
      components:
        schemas:
          TicketsResponse:
            type: object
            properties:
              tickets:
                type: array
                items:
                  $ref: '#/components/schemas/Ticket'
          Ticket:
            type: object
            properties:
              id:
                type: integer
      """;

  private static final String VIEWS = """
      openapi: 3.0.3
      info: {title: Views, version: '2'}
      tags:
      - name: Views
      paths:
        /api/v2/views/{view_id}/tickets:
          get:
            operationId: ListTicketsFromView
            tags: [Views]
            responses:
              '200':
                description: ok
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/TicketsResponse'
      """;

  private static SpecMerge noRules() {
    return new SpecMerge(List.of());
  }

  private SpecBuildException mergeFails() {
    return assertThrows(SpecBuildException.class, () -> noRules().merge(dir));
  }

  private static void assertContainsAll(String message, String... parts) {
    for (String part : parts) {
      assertTrue(message.contains(part), () -> "expected <" + part + "> in:\n" + message);
    }
  }

  @Test
  void areaFileMayReferenceComponentOfAnotherArea() {
    write(dir, "_root.yaml", ROOT);
    write(dir, "tickets.yaml", TICKETS);
    write(dir, "views.yaml", VIEWS);

    Map<String, Object> spec = noRules().merge(dir);

    assertEquals(List.of("openapi", "info", "servers", "tags", "paths", "components"), List.copyOf(spec.keySet()));
    assertEquals("3.0.3", spec.get("openapi"));
    assertTree("{title: Test API, version: '2'}", spec.get("info"));
    assertEquals(List.of(Map.of("name", "Tickets"), Map.of("name", "Views")), spec.get("tags"));
    Map<String, Object> paths = Tree.map(spec, "paths");
    assertEquals(List.of("/api/v2/tickets", "/api/v2/views/{view_id}/tickets"), List.copyOf(paths.keySet()));
    assertEquals(TestSpecs.yaml(TICKETS).get("paths"), Map.of("/api/v2/tickets", paths.get("/api/v2/tickets")));
    assertEquals(Tree.map(TestSpecs.yaml(VIEWS), "paths").get("/api/v2/views/{view_id}/tickets"),
        paths.get("/api/v2/views/{view_id}/tickets"));
    assertEquals(TestSpecs.yaml(TICKETS).get("components"), spec.get("components"));
  }

  @Test
  void defaultRulesRunAndAreLogged() {
    write(dir, "_root.yaml", ROOT);
    write(dir, "tickets.yaml", TICKETS);
    write(dir, "views.yaml", VIEWS);

    SpecMerge merge = new SpecMerge();
    Map<String, Object> spec = merge.merge(dir);

    List<String> log = merge.log();
    assertEquals("merged 2 area files: 2 operations, 2 components", log.get(0));
    assertEquals("applied 0 overlays", log.get(1));
    assertEquals(2 + 17, log.size(), () -> String.join("\n", log));
    assertTrue(log.stream().anyMatch(l -> l.matches("rule IntegersAre64Bit +1 changes")), () -> String.join("\n", log));
    assertTrue(log.get(log.size() - 1).matches("rule DescriptionsReadAsJavadoc +\\d+ changes"), log.get(log.size() - 1));
    assertTree("{type: integer, format: int64}",
        Tree.map(Tree.map(Tree.map(Tree.map(Tree.map(spec, "components"), "schemas"), "Ticket"), "properties"),
            "id"));
  }

  @Test
  void sameComponentDefinedIdenticallyTwiceIsAccepted() {
    write(dir, "_root.yaml", ROOT);
    write(dir, "tickets.yaml", TICKETS);
    write(dir, "views.yaml", VIEWS + """
        components:
          schemas:
            Ticket:
              type: object
              properties:
                id:
                  type: integer
        """);

    Map<String, Object> spec = noRules().merge(dir);

    Map<String, Object> schemas = Tree.map(Tree.map(spec, "components"), "schemas");
    assertEquals(List.of("TicketsResponse", "Ticket"), List.copyOf(schemas.keySet()));
    assertTree("{type: object, properties: {id: {type: integer}}}", schemas.get("Ticket"));
  }

  @Test
  void sameComponentDefinedDifferentlyNamesBothFilesAndTheComponent() {
    write(dir, "_root.yaml", ROOT);
    write(dir, "tickets.yaml", TICKETS);
    write(dir, "views.yaml", VIEWS + """
        components:
          schemas:
            Ticket:
              type: object
              properties:
                id:
                  type: string
        """);

    SpecBuildException e = mergeFails();

    assertEquals(1, e.problems().size(), e.getMessage());
    assertContainsAll(e.getMessage(), "schemas/Ticket", nameIn(dir, "tickets.yaml"), nameIn(dir, "views.yaml"),
        "defined differently", "define it once", "'#/components/schemas/Ticket'");
  }

  @Test
  void duplicateOperationIdNamesBothOperationsAndFiles() {
    write(dir, "_root.yaml", ROOT);
    write(dir, "a.yaml", """
        paths:
          /api/v2/tickets:
            get:
              operationId: ListTickets
              responses: {'200': {description: ok}}
        """);
    write(dir, "b.yaml", """
        paths:
          /api/v2/tickets/recent:
            get:
              operationId: ListTickets
              responses: {'200': {description: ok}}
        """);

    SpecBuildException e = mergeFails();

    assertEquals(1, e.problems().size(), e.getMessage());
    assertContainsAll(e.getMessage(), "operationId ListTickets",
        "GET /api/v2/tickets in " + nameIn(dir, "a.yaml"),
        "GET /api/v2/tickets/recent in " + nameIn(dir, "b.yaml"),
        "rename one");
  }

  @Test
  void samePathAndMethodInTwoFilesNamesBothFiles() {
    write(dir, "_root.yaml", ROOT);
    write(dir, "a.yaml", """
        paths:
          /api/v2/tickets:
            get:
              operationId: ListTickets
              responses: {'200': {description: ok}}
        """);
    write(dir, "b.yaml", """
        paths:
          /api/v2/tickets:
            get:
              operationId: ListAllTickets
              responses: {'200': {description: ok}}
            post:
              operationId: CreateTicket
              responses: {'201': {description: created}}
        """);

    SpecBuildException e = mergeFails();

    assertEquals(1, e.problems().size(), e.getMessage());
    assertContainsAll(e.getMessage(),
        "GET /api/v2/tickets is defined in both " + nameIn(dir, "a.yaml") + " and " + nameIn(dir, "b.yaml"),
        "delete it from the other");
  }

  @Test
  void refToUndefinedComponentNamesTheFileAndTheRef() {
    write(dir, "_root.yaml", ROOT);
    write(dir, "tickets.yaml", TICKETS);
    write(dir, "views.yaml", VIEWS.replace("schemas/TicketsResponse", "schemas/ViewTickets"));

    SpecBuildException e = mergeFails();

    assertEquals(1, e.problems().size(), e.getMessage());
    assertContainsAll(e.getMessage(), nameIn(dir, "views.yaml") + ": $ref '#/components/schemas/ViewTickets'",
        "/paths//api/v2/views/{view_id}/tickets/get/responses/200/content/application/json/schema",
        "resolves nowhere", "components.schemas.ViewTickets",
        "Define it in the area file that owns it, or correct the reference");
  }

  @Test
  void refThatIsNotALocalComponentRefIsRejected() {
    write(dir, "_root.yaml", ROOT);
    write(dir, "tickets.yaml", TICKETS);
    write(dir, "views.yaml", VIEWS.replace("'#/components/schemas/TicketsResponse'",
        "'tickets.yaml#/components/schemas/TicketsResponse'"));

    SpecBuildException e = mergeFails();

    assertEquals(1, e.problems().size(), e.getMessage());
    assertContainsAll(e.getMessage(), nameIn(dir, "views.yaml"), "'tickets.yaml#/components/schemas/TicketsResponse'",
        "is not a local component reference", "use '#/components/<type>/<name>'");
  }

  @Test
  void refInsideAnExamplePayloadIsData() {
    write(dir, "_root.yaml", ROOT);
    write(dir, "tickets.yaml", TICKETS + """
          examples:
            TicketExample:
              value:
                $ref: not a reference
        """);

    Map<String, Object> spec = noRules().merge(dir);

    assertTree("{value: {$ref: not a reference}}",
        Tree.map(Tree.map(Tree.map(spec, "components"), "examples"), "TicketExample"));
  }

  @Test
  void badIndentationNamesTheFileAndLine() {
    write(dir, "_root.yaml", ROOT);
    Path bad = write(dir, "tickets.yaml", """
        paths:
          /api/v2/tickets:
            get:
              operationId: ListTickets
             responses: {}
        """);

    SpecBuildException e = mergeFails();

    assertEquals(1, e.problems().size(), e.getMessage());
    assertContainsAll(e.getMessage(), bad.toString() + ": malformed YAML at line 5, column ",
        "Fix the syntax of this file");
  }

  @Test
  void unclosedBracketNamesTheFileAndLine() {
    write(dir, "_root.yaml", ROOT);
    Path bad = write(dir, "tickets.yaml", """
        tags: [Tickets, Views
        paths: {}
        """);

    SpecBuildException e = mergeFails();

    assertEquals(1, e.problems().size(), e.getMessage());
    assertContainsAll(e.getMessage(), bad.toString() + ": malformed YAML at line 2, column ",
        "Fix the syntax of this file");
  }

  @Test
  void everyMalformedFileIsReportedInOneRun() {
    write(dir, "_root.yaml", ROOT);
    Path a = write(dir, "a.yaml", "paths: [\n");
    Path b = write(dir, "b.yaml", "paths:\n  /x:\n    get: {\n");
    Path o = write(dir, "overlays/fix.yaml", "paths: :\n  - ]\n");

    SpecBuildException e = mergeFails();

    assertEquals(3, e.problems().size(), e.getMessage());
    assertTrue(e.getMessage().startsWith("3 problems in the OpenAPI specs:"), e.getMessage());
    assertTrue(e.problems().get(0).startsWith(a + ": malformed YAML at line "), e.problems().get(0));
    assertTrue(e.problems().get(1).startsWith(b + ": malformed YAML at line "), e.problems().get(1));
    assertTrue(e.problems().get(2).startsWith(o + ": malformed YAML at line "), e.problems().get(2));
  }

  @Test
  void severalMergeProblemsAreAllReported() {
    write(dir, "_root.yaml", ROOT);
    write(dir, "a.yaml", """
        paths:
          /api/v2/tickets:
            get:
              operationId: ListTickets
              responses: {'200': {description: ok}}
        components:
          schemas:
            Ticket: {type: object}
        """);
    write(dir, "b.yaml", """
        paths:
          /api/v2/tickets:
            get:
              operationId: ListTickets2
              responses: {'200': {description: ok}}
          /api/v2/tickets/recent:
            get:
              operationId: ListTickets
              responses: {'200': {description: ok}}
          /api/v2/tickets/count:
            get:
              responses: {'200': {description: ok}}
        components:
          schemas:
            Ticket: {type: string}
        """);

    SpecBuildException e = mergeFails();

    assertEquals(4, e.problems().size(), e.getMessage());
    assertTrue(e.getMessage().startsWith("4 problems in the OpenAPI specs:\n  - "), e.getMessage());
    assertContainsAll(e.getMessage(), "component schemas/Ticket is defined differently",
        "GET /api/v2/tickets is defined in both", "operationId ListTickets is used twice",
        nameIn(dir, "b.yaml") + ": GET /api/v2/tickets/count has no operationId");
  }

  @Test
  void severalUnresolvedRefsAreAllReported() {
    write(dir, "_root.yaml", ROOT);
    write(dir, "tickets.yaml", TICKETS.replace("'#/components/schemas/Ticket'",
        "'#/components/schemas/TicketObject'"));
    write(dir, "views.yaml", VIEWS.replace("schemas/TicketsResponse", "schemas/ViewTickets"));

    SpecBuildException e = mergeFails();

    assertEquals(2, e.problems().size(), e.getMessage());
    assertContainsAll(e.problems().get(0), nameIn(dir, "tickets.yaml"), "'#/components/schemas/TicketObject'");
    assertContainsAll(e.problems().get(1), nameIn(dir, "views.yaml"), "'#/components/schemas/ViewTickets'");
  }

  @Test
  void differentTagDescriptionsAndDifferentPathLevelFieldsAreReported() {
    write(dir, "_root.yaml", ROOT);
    write(dir, "a.yaml", """
        tags:
        - {name: Tickets, description: One}
        paths:
          /api/v2/tickets/{id}:
            parameters:
            - {name: id, in: path, required: true, schema: {type: integer}}
            get:
              operationId: ShowTicket
              responses: {'200': {description: ok}}
        """);
    write(dir, "b.yaml", """
        tags:
        - {name: Tickets, description: Two}
        paths:
          /api/v2/tickets/{id}:
            parameters:
            - {name: id, in: path, required: true, schema: {type: string}}
            delete:
              operationId: DeleteTicket
              responses: {'204': {description: gone}}
        """);

    SpecBuildException e = mergeFails();

    assertEquals(2, e.problems().size(), e.getMessage());
    assertContainsAll(e.problems().get(0), "tag 'Tickets'", nameIn(dir, "a.yaml"), nameIn(dir, "b.yaml"),
        "make the two descriptions identical");
    assertContainsAll(e.problems().get(1), "path-level 'parameters' of /api/v2/tickets/{id}", nameIn(dir, "a.yaml"),
        nameIn(dir, "b.yaml"), "must declare the same path-level 'parameters'");
  }

  @Test
  void sharedPathWithIdenticalPathLevelFieldsMerges() {
    write(dir, "_root.yaml", ROOT);
    String params = """
        paths:
          /api/v2/tickets/{id}:
            parameters:
            - {name: id, in: path, required: true, schema: {type: integer}}
        """;
    write(dir, "a.yaml", params + """
            get:
              operationId: ShowTicket
              responses: {'200': {description: ok}}
        """);
    write(dir, "b.yaml", params + """
            delete:
              operationId: DeleteTicket
              responses: {'204': {description: gone}}
        """);

    Map<String, Object> spec = noRules().merge(dir);

    assertTree("""
        parameters:
        - {name: id, in: path, required: true, schema: {type: integer}}
        get:
          operationId: ShowTicket
          responses: {'200': {description: ok}}
        delete:
          operationId: DeleteTicket
          responses: {'204': {description: gone}}
        """, Tree.map(spec, "paths").get("/api/v2/tickets/{id}"));
  }

  @Test
  void missingRootFileIsExplained() {
    write(dir, "tickets.yaml", TICKETS);

    SpecBuildException e = mergeFails();

    assertEquals(dir.resolve("_root.yaml") + ": missing. The spec directory needs a root file with 'openapi',"
        + " 'info' and 'servers'; run 'make import-spec SPEC=...' to create the layout.", e.getMessage());
  }

  @Test
  void rootWithoutOpenapiVersionOrWithPathsIsRejected() {
    write(dir, "_root.yaml", """
        info: {title: Test API, version: '2'}
        paths:
          /api/v2/x:
            get: {operationId: X}
        """);
    write(dir, "tickets.yaml", TICKETS);

    SpecBuildException e = mergeFails();

    assertEquals(2, e.problems().size(), e.getMessage());
    assertContainsAll(e.problems().get(0), nameIn(dir, "_root.yaml"), "has no 'openapi' version");
    assertContainsAll(e.problems().get(1), nameIn(dir, "_root.yaml"), "must not define paths");
  }

  @Test
  void overlayTargetingMissingOperationNamesTheOverlay() {
    write(dir, "_root.yaml", ROOT);
    write(dir, "tickets.yaml", TICKETS);
    write(dir, "views.yaml", VIEWS);
    write(dir, "overlays/tickets-fix.yaml", """
        x-overlay: adds the body upstream forgot
        paths:
          /api/v2/tickets:
            post:
              summary: Create
          /api/v2/ticket:
            get:
              summary: renamed upstream
        """);

    SpecBuildException e = mergeFails();

    assertEquals(2, e.problems().size(), e.getMessage());
    assertContainsAll(e.problems().get(0), "overlays/tickets-fix.yaml", "POST /api/v2/tickets",
        "which no area file defines", "Update or delete this part of the overlay");
    assertContainsAll(e.problems().get(1), "overlays/tickets-fix.yaml", "path /api/v2/ticket,",
        "which no area file defines", "Update the overlay to the path's new name, or delete this part of it");
  }

  @Test
  void rulesThatMatchNothingAndOverlaysThatChangeNothingAreWarnedAbout() {
    write(dir, "_root.yaml", ROOT);
    write(dir, "tickets.yaml", TICKETS);
    // upstream already says this: the overlay has become redundant
    write(dir, "overlays/same.yaml", "paths:\n  /api/v2/tickets:\n    get:\n      operationId: ListTickets\n");
    write(dir, "overlays/real.yaml", "paths:\n  /api/v2/tickets:\n    get:\n      summary: List tickets\n");

    SpecMerge merge = new SpecMerge();
    merge.merge(dir);

    // TICKETS has an integer to widen but no enum to open
    assertEquals(1, merge.ruleChanges().get("IntegersAre64Bit"));
    assertEquals(0, merge.ruleChanges().get("OpenEnums"));
    List<String> warnings = merge.warnings();
    assertTrue(warnings.contains("overlays/same.yaml: changes nothing; upstream already has what it adds. Delete it."),
        warnings::toString);
    assertTrue(warnings.stream().noneMatch(w -> w.contains("real.yaml")), warnings::toString);
    assertTrue(warnings.stream().anyMatch(w -> w.startsWith("rule OpenEnums matches nothing")), warnings::toString);
    assertTrue(warnings.stream().noneMatch(w -> w.startsWith("rule IntegersAre64Bit")), warnings::toString);
  }

  @Test
  void aLenientMergeLeavesOutStaleOverlayPartsAndSaysSo() {
    write(dir, "_root.yaml", ROOT);
    write(dir, "tickets.yaml", TICKETS);
    write(dir, "overlays/tickets-fix.yaml", """
        paths:
          /api/v2/tickets:
            get:
              summary: still applies
            post:
              summary: upstream dropped it
        """);
    write(dir, "overlays/needs-gone.yaml", """
        components:
          schemas:
            Extra:
              properties:
                view: {$ref: '#/components/schemas/View'}
        """);

    SpecMerge merge = new SpecMerge().lenientOverlays();
    Map<String, Object> spec = merge.merge(dir);

    Map<String, Object> item = Tree.map(Tree.map(spec, "paths"), "/api/v2/tickets");
    assertEquals("still applies", Tree.string(Tree.map(item, "get"), "summary"));
    assertEquals(null, item.get("post"));
    assertEquals(null, Tree.map(Tree.map(Tree.map(spec, "components"), "schemas"), "Extra"));
    List<String> warnings = merge.warnings();
    assertTrue(warnings.stream().anyMatch(w -> w.startsWith("overlays/tickets-fix.yaml: targets POST /api/v2/tickets")
        && w.endsWith("(left out)")), warnings::toString);
    assertTrue(warnings.stream().anyMatch(w -> w.startsWith("overlays/needs-gone.yaml: left out whole, its"
        + " references no longer resolve") && w.contains("#/components/schemas/View")), warnings::toString);
    // the same specs stop the strict merge the build uses
    assertThrows(SpecBuildException.class, () -> new SpecMerge().merge(dir));
  }

  @Test
  void overlayAddsRequestBodyToExistingOperation() {
    write(dir, "_root.yaml", ROOT);
    write(dir, "tickets.yaml", TICKETS);
    write(dir, "views.yaml", VIEWS);
    write(dir, "overlays/tickets-fix.yaml", """
        x-overlay: ListTickets accepts a filter body
        paths:
          /api/v2/tickets:
            get:
              parameters:
              - {name: sort, in: query, schema: {type: string}}
              requestBody:
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/TicketFilter'
        components:
          schemas:
            TicketFilter:
              type: object
              properties:
                status: {type: string}
        """);

    SpecMerge merge = noRules();
    Map<String, Object> spec = merge.merge(dir);

    assertTree("""
        operationId: ListTickets
        tags: [Tickets]
        responses:
          '200':
            description: ok
            content:
              application/json:
                schema:
                  $ref: '#/components/schemas/TicketsResponse'
        parameters:
        - {name: sort, in: query, schema: {type: string}}
        requestBody:
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/TicketFilter'
        """, Tree.map(Tree.map(spec, "paths"), "/api/v2/tickets").get("get"));
    assertTree("{type: object, properties: {status: {type: string}}}",
        Tree.map(Tree.map(Tree.map(spec, "components"), "schemas"), "TicketFilter"));
    assertTrue(!spec.containsKey("x-overlay"), "x-overlay is documentation, not merged");
    assertEquals("applied 1 overlays", merge.log().get(1));
  }

  @Test
  void overlayReplacesMatchingParameterAndNullRemovesKey() {
    write(dir, "_root.yaml", ROOT);
    write(dir, "a.yaml", """
        paths:
          /api/v2/tickets:
            get:
              operationId: ListTickets
              deprecated: true
              parameters:
              - {name: sort, in: query, schema: {type: string}}
              - {name: sort, in: header, schema: {type: string}}
              responses: {'200': {description: ok}}
        """);
    write(dir, "overlays/fix.yaml", """
        paths:
          /api/v2/tickets:
            get:
              deprecated: null
              parameters:
              - {name: sort, in: query, schema: {type: string, default: id}}
              - {name: page, in: query, schema: {type: integer}}
        """);

    Map<String, Object> spec = noRules().merge(dir);

    assertTree("""
        operationId: ListTickets
        parameters:
        - {name: sort, in: query, schema: {type: string, default: id}}
        - {name: sort, in: header, schema: {type: string}}
        - {name: page, in: query, schema: {type: integer}}
        responses: {'200': {description: ok}}
        """, Tree.map(Tree.map(spec, "paths"), "/api/v2/tickets").get("get"));
  }

  @Test
  void overlayRefToUndefinedComponentNamesTheOverlay() {
    write(dir, "_root.yaml", ROOT);
    write(dir, "tickets.yaml", TICKETS);
    write(dir, "overlays/fix.yaml", """
        paths:
          /api/v2/tickets:
            get:
              requestBody:
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/Nowhere'
        """);

    SpecBuildException e = mergeFails();

    assertEquals(1, e.problems().size(), e.getMessage());
    assertContainsAll(e.getMessage(), "overlays/fix.yaml: $ref '#/components/schemas/Nowhere'", "resolves nowhere");
  }

  @Test
  void yaml12BareEqualsAndUnquotedTimestampLoadAsStrings() {
    write(dir, "_root.yaml", ROOT);
    write(dir, "search.yaml", """
        paths:
          /api/v2/search:
            get:
              operationId: Search
              parameters:
              - name: operator
                in: query
                schema: {type: string}
                example: =
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          created_at:
                            type: string
                            format: date-time
                            example: 2015-09-30T21:44:03Z
        """);

    Map<String, Object> spec = noRules().merge(dir);

    Map<String, Object> get = Tree.map(Tree.map(Tree.map(spec, "paths"), "/api/v2/search"), "get");
    Object operator = Tree.asMap(Tree.list(get, "parameters").get(0)).get("example");
    assertInstanceOf(String.class, operator);
    assertEquals("=", operator);
    Object createdAt = Tree.map(Tree.map(Tree.map(Tree.map(Tree.map(Tree.map(Tree.map(get, "responses"), "200"),
        "content"), "application/json"), "schema"), "properties"), "created_at").get("example");
    assertInstanceOf(String.class, createdAt);
    assertEquals("2015-09-30T21:44:03Z", createdAt);
  }

  @Test
  void directoryWithoutAreaFilesIsRejected() {
    write(dir, "_root.yaml", ROOT);

    SpecBuildException e = mergeFails();

    assertEquals(dir + ": has no area files (*.yaml).", e.getMessage());
  }

  @Test
  void aPropertyNamedExampleIsASchemaAndItsRefIsChecked() {
    write(dir, "_root.yaml", ROOT);
    write(dir, "macros.yaml", """
        openapi: 3.0.3
        info: {title: Macros, version: '1'}
        paths: {}
        components:
          schemas:
            Macro:
              type: object
              properties:
                example: {$ref: '#/components/schemas/Missing'}
                value: {$ref: '#/components/schemas/AlsoMissing'}
        """);

    SpecBuildException e = assertThrows(SpecBuildException.class, () -> new SpecMerge().merge(dir));

    assertEquals(2, e.problems().size(), e.getMessage());
    assertTrue(e.getMessage().contains("'#/components/schemas/Missing'"), e.getMessage());
    assertTrue(e.getMessage().contains("'#/components/schemas/AlsoMissing'"), e.getMessage());
  }

  @Test
  void anEmptyTopLevelKeyInAnOverlayIsRefusedInsteadOfDeletingTheSection() {
    write(dir, "_root.yaml", ROOT);
    write(dir, "tickets.yaml", """
        openapi: 3.0.3
        info: {title: Tickets, version: '1'}
        paths:
          /t: {get: {operationId: T, responses: {'200': {description: ok}}}}
        """);
    write(dir, "overlays/empty.yaml", "x-overlay: nothing left\npaths:\n");

    SpecBuildException e = assertThrows(SpecBuildException.class, () -> new SpecMerge().merge(dir));

    assertEquals("overlays/empty.yaml: top-level 'paths' is empty; give it content or delete it.", e.getMessage());
  }
}
