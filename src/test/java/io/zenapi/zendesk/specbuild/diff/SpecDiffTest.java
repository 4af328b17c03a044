package io.zenapi.zendesk.specbuild.diff;

import static io.zenapi.zendesk.specbuild.TestSpecs.write;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zenapi.zendesk.specbuild.SpecBuildException;
import io.zenapi.zendesk.specbuild.SpecImporter;
import io.zenapi.zendesk.specbuild.SpecMerge;
import io.zenapi.zendesk.specbuild.SpecTool;
import io.zenapi.zendesk.specbuild.diff.Change.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// make spec-diff on synthetic spec pairs: each upstream change is classified for a Java caller.
class SpecDiffTest {
  @TempDir Path dir;
  private Path committed;

  /** GET one ticket: a path parameter and a model returned. */
  static final String SHOW_TICKET = """
          get:
            operationId: ShowTicket
            tags: [Tickets]
            parameters:
            - {name: ticket_id, in: path, required: true, schema: {type: integer}}
            responses:
              '200':
                description: ok
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/TicketResponse'}
      """;

  /** PUT one ticket: a JSON body. */
  static final String UPDATE_TICKET = """
          put:
            operationId: UpdateTicket
            tags: [Tickets]
            parameters:
            - {name: ticket_id, in: path, required: true, schema: {type: integer}}
            requestBody:
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/TicketResponse'}
            responses:
              '200':
                description: ok
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/TicketResponse'}
      """;

  /** The committed upstream: two ticket operations, one update with a body, models with an enum and an id. */
  static final String BASE = """
      openapi: 3.0.3
      info: {title: Support API, version: '2'}
      servers:
      - url: https://example.zendesk.com
      paths:
        /api/v2/tickets:
          get:
            operationId: ListTickets
            tags: [Tickets]
            parameters:
            - {name: sort_by, in: query, schema: {type: string}}
            - {name: sort_order, in: query, schema: {type: string}}
            responses:
              '200':
                description: ok
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/TicketsResponse'}
        /api/v2/tickets/{ticket_id}:
      """ + SHOW_TICKET + UPDATE_TICKET + """
      components:
        schemas:
          Ticket:
            type: object
            description: 'See [Tickets](/api-reference/ticketing/tickets/tickets/).'
            properties:
              id: {type: integer}
              status: {type: string, enum: [new, open, solved]}
              subject: {type: string}
          TicketResponse:
            type: object
            properties:
              ticket: {$ref: '#/components/schemas/Ticket'}
          TicketsResponse:
            type: object
            properties:
              tickets:
                type: array
                items: {$ref: '#/components/schemas/Ticket'}
      """;

  @BeforeEach
  void importBase() {
    committed = dir.resolve("openapi");
    new SpecImporter().importSpec(write(dir, "base.yaml", BASE), committed);
  }

  private SpecDiffReport diff(String newSpec) {
    Path file = write(dir, "new.yaml", newSpec);
    return SpecDiff.run(committed, file, dir.resolve("out")).report();
  }

  /** The diff between two specs, neither of them the committed base. */
  private SpecDiffReport diffBetween(String committedSpec, String newSpec) {
    Path other = dir.resolve("other-openapi");
    new SpecImporter().importSpec(write(dir, "other-base.yaml", committedSpec), other);
    return SpecDiff.run(other, write(dir, "new.yaml", newSpec), dir.resolve("out")).report();
  }

  private static String replace(String text, String from, String to) {
    assertTrue(text.contains(from), "test fixture lacks: " + from);
    return text.replace(from, to);
  }

  private static Change only(SpecDiffReport r, Kind kind) {
    List<Change> of = r.of(kind);
    assertEquals(1, of.size(), () -> kind + " in " + r.changes());
    return of.get(0);
  }

  @Test
  void theSameSpecReportsNoChange() {
    SpecDiffReport r = diff(BASE);
    assertEquals(List.of(), r.changes());
    assertEquals(0, r.changedOperations());
    assertTrue(r.summary().contains("operations 3 → 3 (0 added, 0 removed, 0 renamed, 0 changed)"), r.summary());
    assertTrue(r.summary().contains("0 breaking, 0 behaviour, 0 compatible"), r.summary());
  }

  @Test
  void aRemovedOperationBreaksItsMethod() {
    SpecDiffReport r = diff(replace(BASE, UPDATE_TICKET, ""));
    Change c = only(r, Kind.OPERATION_REMOVED);
    assertEquals(Severity.BREAKING, c.severity());
    assertEquals("PUT /api/v2/tickets/{ticket_id}", c.where());
    assertEquals("TicketsApi.updateTicket", c.java());
    assertEquals(1, r.count(Severity.BREAKING), r.changes()::toString);
  }

  @Test
  void aRenamedOperationIdRenamesTheMethodAndIsNotAnAddPlusRemove() {
    SpecDiffReport r = diff(replace(BASE, "operationId: ShowTicket", "operationId: GetTicket"));
    Change c = only(r, Kind.OPERATION_RENAMED);
    assertEquals(Severity.BREAKING, c.severity());
    assertEquals("TicketsApi.getTicket", c.java());
    assertTrue(c.what().contains("showTicket() is renamed getTicket()"), c.what());
    assertEquals(0, r.count(Kind.OPERATION_REMOVED) + r.count(Kind.OPERATION_ADDED));
  }

  @Test
  void aFieldTypeChangeBreaksTheGetterOnceUnderItsModel() {
    SpecDiffReport r = diff(replace(BASE, "id: {type: integer}", "id: {type: string}"));
    Change c = only(r, Kind.FIELD_RETYPED);
    assertEquals(Severity.BREAKING, c.severity());
    assertEquals("schema Ticket", c.where());
    assertEquals("Ticket.id", c.java());
    // integers are 64-bit after normalisation: the caller's Long becomes a String
    assertTrue(c.what().endsWith("Long → String"), c.what());
    // listed once, under Ticket, not again under every operation and model that contains a Ticket
    assertEquals(1, r.changes().size(), r.changes()::toString);
  }

  @Test
  void aNewEnumValueIsCompatibleBecauseEnumsAreOpenStrings() {
    SpecDiffReport r = diff(replace(BASE, "enum: [new, open, solved]", "enum: [new, open, pending, solved]"));
    Change c = only(r, Kind.ENUM_VALUE_ADDED);
    assertEquals(Severity.COMPATIBLE, c.severity());
    assertEquals("Ticket.status", c.java());
    assertTrue(c.what().contains("`pending`"), c.what());
    assertEquals(0, r.count(Severity.BREAKING));
  }

  @Test
  void aRemovedEnumValueCompilesButBehavesDifferently() {
    SpecDiffReport r = diff(replace(BASE, "enum: [new, open, solved]", "enum: [new, open]"));
    Change c = only(r, Kind.ENUM_VALUE_REMOVED);
    assertEquals(Severity.BEHAVIOUR, c.severity());
    assertTrue(c.what().contains("`solved`"), c.what());
  }

  @Test
  void aNewOptionalParameterIsANewBuilderMethodAndCompatible() {
    SpecDiffReport r = diff(replace(BASE, "- {name: sort_order, in: query, schema: {type: string}}",
        "- {name: sort_order, in: query, schema: {type: string}}\n      - {name: include, in: query, schema: {type: string}}"));
    Change c = only(r, Kind.PARAMETER_ADDED);
    assertEquals(Severity.COMPATIBLE, c.severity());
    assertEquals("GET /api/v2/tickets", c.where());
    assertEquals("TicketsApi.listTickets", c.java());
    assertTrue(c.what().startsWith("new optional query parameter `include` (String): a new method of the params"
        + " builder"), c.what());
    assertEquals(0, r.count(Severity.BREAKING), "calls compile as before");
  }

  @Test
  void theFirstOptionalParameterBringsAParamsClassAndKeepsTheMethodWithoutIt() {
    SpecDiffReport r = diff(replace(BASE, "operationId: ShowTicket\n      tags: [Tickets]\n      parameters:\n",
        "operationId: ShowTicket\n      tags: [Tickets]\n      parameters:\n"
            + "      - {name: include, in: query, schema: {type: string}}\n"));
    Change c = only(r, Kind.PARAMETER_ADDED);
    assertEquals(Severity.COMPATIBLE, c.severity());
    assertEquals("TicketsApi.showTicket", c.java());
    assertEquals(0, r.count(Severity.BREAKING));
  }

  @Test
  void aNewRequiredParameterBreaksEveryCall() {
    SpecDiffReport r = diff(replace(BASE, "- {name: sort_order, in: query, schema: {type: string}}",
        "- {name: sort_order, in: query, schema: {type: string}}\n      - {name: query, in: query, required: true,"
            + " schema: {type: string}}"));
    Change c = only(r, Kind.PARAMETER_ADDED);
    assertEquals(Severity.BREAKING, c.severity());
    assertTrue(c.what().startsWith("new required query parameter `query` (String): the method gains an argument"),
        c.what());
  }

  @Test
  void aNewPaginationParameterIsTheEnginesAndCompatible() {
    SpecDiffReport r = diff(replace(BASE, "- {name: sort_order, in: query, schema: {type: string}}",
        "- {name: sort_order, in: query, schema: {type: string}}\n      - {name: per_page, in: query,"
            + " schema: {type: integer}}"));
    assertEquals(Severity.COMPATIBLE, only(r, Kind.PARAMETER_ADDED).severity());
    assertEquals(0, r.count(Severity.BREAKING));
  }

  @Test
  void swappedOptionalParametersChangeNothingForJavaButSwappedRequiredOnesReorderTheArguments() {
    String swapped = replace(BASE, """
            - {name: sort_by, in: query, schema: {type: string}}
            - {name: sort_order, in: query, schema: {type: string}}
      """, """
            - {name: sort_order, in: query, schema: {type: string}}
            - {name: sort_by, in: query, schema: {type: string}}
      """);
    assertEquals(0, diff(swapped).count(Severity.BREAKING), "builder methods have no order");

    String required = replace(BASE, """
            - {name: sort_by, in: query, schema: {type: string}}
            - {name: sort_order, in: query, schema: {type: string}}
      """, """
            - {name: sort_by, in: query, required: true, schema: {type: string}}
            - {name: sort_order, in: query, required: true, schema: {type: string}}
      """);
    String requiredSwapped = replace(required, """
            - {name: sort_by, in: query, required: true, schema: {type: string}}
            - {name: sort_order, in: query, required: true, schema: {type: string}}
      """, """
            - {name: sort_order, in: query, required: true, schema: {type: string}}
            - {name: sort_by, in: query, required: true, schema: {type: string}}
      """);
    SpecDiffReport r = diffBetween(required, requiredSwapped);
    Change c = only(r, Kind.ARGUMENTS_REORDERED);
    assertEquals(Severity.BREAKING, c.severity());
    assertTrue(c.what().contains("[query:sort_by, query:sort_order] → [query:sort_order, query:sort_by]"), c.what());
  }

  @Test
  void aParameterTurningRequiredMovesOutOfTheBuilderAndBreaks() {
    SpecDiffReport r = diff(replace(BASE, "- {name: sort_order, in: query, schema: {type: string}}",
        "- {name: sort_order, in: query, required: true, schema: {type: string}}"));
    Change c = only(r, Kind.PARAMETER_REQUIRED_CHANGED);
    assertEquals(Severity.BREAKING, c.severity());
    assertTrue(c.what().contains("moves from the params builder to a positional argument"), c.what());
  }

  @Test
  void aNewFieldAndANewOperationAreCompatible() {
    String next = replace(BASE, "subject: {type: string}", "subject: {type: string}\n        via: {type: string}");
    next = replace(next, "  /api/v2/tickets/{ticket_id}:\n", """
          /api/v2/tickets/count:
            get:
              operationId: CountTickets
              tags: [Tickets]
              responses:
                '200': {description: ok}
          /api/v2/tickets/{ticket_id}:
        """);
    SpecDiffReport r = diff(next);
    assertEquals("Ticket.via", only(r, Kind.FIELD_ADDED).java());
    assertEquals("TicketsApi.countTickets", only(r, Kind.OPERATION_ADDED).java());
    assertEquals(0, r.count(Severity.BREAKING), r.changes()::toString);
  }

  @Test
  void aRemovedFieldAndARetypedResponseBreak() {
    String next = replace(BASE, "        subject: {type: string}\n", "");
    next = replace(next, SHOW_TICKET, SHOW_TICKET.replace("TicketResponse'}", "TicketsResponse'}"));
    SpecDiffReport r = diff(next);
    assertEquals("Ticket.subject", only(r, Kind.FIELD_REMOVED).java());
    Change response = only(r, Kind.RESPONSE_CHANGED);
    assertTrue(response.what().endsWith("Call<TicketResponse> → Call<TicketsResponse>"), response.what());
  }

  @Test
  void aPathMoveThatKeepsTheOperationIdKeepsTheJavaMethod() {
    SpecDiffReport r = diff(replace(BASE, "  /api/v2/tickets:\n", "  /api/v2/tickets/list:\n"));
    Change c = only(r, Kind.OPERATION_MOVED);
    assertEquals(Severity.COMPATIBLE, c.severity());
    assertTrue(c.what().contains("the Java method keeps its name and arguments"), c.what());
  }

  @Test
  void aNewFirstTagMovesTheMethodToAnotherInterface() {
    SpecDiffReport r = diff(replace(BASE, "operationId: ShowTicket\n      tags: [Tickets]",
        "operationId: ShowTicket\n      tags: [Ticket Views]"));
    Change c = only(r, Kind.OPERATION_MOVED);
    assertEquals(Severity.BREAKING, c.severity());
    assertTrue(c.what().endsWith("from TicketsApi to TicketViewsApi"), c.what());
  }

  @Test
  void aRuleThatStopsMatchingIsReported() {
    // the only enum goes: OpenEnums has nothing left to open
    SpecDiffReport r = diff(replace(BASE, ", enum: [new, open, solved]", ""));
    assertEquals(List.of("OpenEnums"), r.rulesThatStoppedMatching());
    assertTrue(r.summary().contains("rules that stopped matching: OpenEnums"), r.summary());
    assertTrue(r.markdown().contains("| OpenEnums | 1 | 0 | **matches nothing in the new spec** |"), r.markdown());
  }

  @Test
  void anOverlayForAVanishedOperationIsReportedNotFatal() {
    write(committed, "overlays/show.yaml", """
        x-overlay: documents ShowTicket
        paths:
          /api/v2/tickets/{ticket_id}:
            get:
              description: Shows one ticket.
        """);
    String next = replace(BASE, SHOW_TICKET, "");
    SpecDiffReport r = diff(next);
    assertTrue(r.warnings().stream().anyMatch(w -> w.startsWith("overlays/show.yaml: targets GET /api/v2/tickets/"
        + "{ticket_id}, which no area file defines") && w.endsWith("(left out)")), r.warnings()::toString);
    assertEquals("TicketsApi.showTicket", only(r, Kind.OPERATION_REMOVED).java());
    // the build itself stays strict about the same overlay
    Path strict = dir.resolve("strict");
    new SpecImporter().importSpec(write(dir, "next.yaml", next), strict);
    write(strict, "overlays/show.yaml", "paths:\n  /api/v2/tickets/{ticket_id}:\n    get:\n      description: x\n");
    assertThrows(SpecBuildException.class, () -> new SpecMerge().merge(strict));
  }

  @Test
  void theCommandFailsOnBreakingChangesUnlessAllowedAndAlwaysWritesTheReport() throws Exception {
    Path file = write(dir, "renamed.yaml", replace(BASE, "operationId: ShowTicket", "operationId: GetTicket"));
    Path out = dir.resolve("cmd");
    SpecBuildException e = assertThrows(SpecBuildException.class, () -> SpecTool.main(
        new String[] {"diff", committed.toString(), file.toString(), out.toString(), "0"}));
    assertTrue(e.getMessage().contains("1 changes break Java callers"), e.getMessage());
    assertTrue(e.getMessage().contains("ALLOW_BREAKING=1"), e.getMessage());
    assertTrue(Files.readString(out.resolve("report.md")).contains("showTicket() is renamed getTicket()"));
    assertDoesNotThrow(() -> SpecTool.main(
        new String[] {"diff", committed.toString(), file.toString(), out.toString(), "1"}));
  }

  @Test
  void aMissingNewSpecIsNamed() {
    SpecBuildException e = assertThrows(SpecBuildException.class,
        () -> SpecDiff.run(committed, dir.resolve("nope.yaml"), dir.resolve("out")));
    assertTrue(e.getMessage().contains("nope.yaml: does not exist"), e.getMessage());
  }
}
