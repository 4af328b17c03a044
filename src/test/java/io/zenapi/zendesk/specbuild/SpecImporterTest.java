package io.zenapi.zendesk.specbuild;

import static io.zenapi.zendesk.specbuild.TestSpecs.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// SpecImporter: splitting an upstream spec into area files, deterministically, and merging them back losslessly.
class SpecImporterTest {
  @TempDir Path tmp;

  private static final String UPSTREAM = """
      openapi: 3.0.3
      info:
        title: Support API
        version: '2.0'
      servers:
      - url: https://{subdomain}.zendesk.com
        variables:
          subdomain: {default: example}
      security:
      - basicAuth: []
      tags:
      - {name: Tickets, description: Ticket operations.}
      - {name: Ticket Skips, description: Skipped tickets.}
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
                    schema: {$ref: '#/components/schemas/TicketsResponse'}
        /api/v2/tickets/{ticket_id}:
          parameters:
          - $ref: '#/components/parameters/TicketId'
          get:
            operationId: ShowTicket
            tags: [Tickets]
            responses:
              '200':
                description: ok
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        ticket: {$ref: '#/components/schemas/Ticket'}
          put:
            operationId: SkipTicket
            tags: [Ticket Skips]
            responses:
              '200': {description: ok}
        /api/v2/skips:
          get:
            operationId: ListTicketSkips
            tags: [Ticket Skips]
            responses:
              '200':
                description: ok
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/SkipsResponse'}
        /api/v2/tickets/{ticket_id}/skips:
          parameters:
          - $ref: '#/components/parameters/TicketId'
          get:
            operationId: ListSkipsOfTicket
            tags: [Ticket Skips, Tickets]
            responses:
              '200':
                description: ok
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/SkipsResponse'}
      components:
        securitySchemes:
          basicAuth: {type: http, scheme: basic}
        parameters:
          TicketId:
            name: ticket_id
            in: path
            required: true
            schema: {type: integer}
        schemas:
          TicketsResponse:
            type: object
            properties:
              tickets: {type: array, items: {$ref: '#/components/schemas/Ticket'}}
          Ticket:
            type: object
            properties:
              id: {type: integer}
              created_at: {type: string, example: 2015-09-30T21:44:03Z}
              operator: {type: string, example: =}
              requester: {$ref: '#/components/schemas/User'}
          SkipsResponse:
            type: object
            properties:
              skips: {type: array, items: {$ref: '#/components/schemas/Skip'}}
          Skip:
            type: object
            properties:
              ticket: {$ref: '#/components/schemas/Ticket'}
              user: {$ref: '#/components/schemas/User'}
          User:
            type: object
            properties:
              id: {type: integer}
          Unused:
            type: string
      """;

  private Path upstream(String text) {
    return write(tmp, "upstream/oas.yaml", text);
  }

  private static Map<String, String> filesIn(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        out.put(dir.relativize(p).toString(), Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static Map<String, Object> read(Path dir, String file) {
    return YamlFiles.read(dir.resolve(file));
  }

  /** "schemas/Ticket"-style keys of the components a document defines. */
  private static List<String> componentKeys(Map<String, Object> doc) {
    List<String> out = new ArrayList<>();
    Map<String, Object> components = Tree.map(doc, "components");
    if (components != null) {
      components.forEach((type, entries) -> Tree.asMap(entries).keySet().forEach(n -> out.add(type + "/" + n)));
    }
    return out;
  }

  private static Set<String> operations(Map<String, Object> spec) {
    return Operation.all(spec).stream().map(o -> o.label() + " " + o.id()).collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void oneFilePerAreaAndEachComponentDefinedOnce() throws IOException {
    Path dir = tmp.resolve("openapi");

    SpecImporter.Result result = new SpecImporter().importSpec(upstream(UPSTREAM), dir);

    assertEquals(new SpecImporter.Result(3, 5), result);
    Map<String, String> files = filesIn(dir);
    assertEquals(Set.of("_root.yaml", "common.yaml", "ticket-skips.yaml", "tickets.yaml"), files.keySet());
    files.forEach((name, text) -> assertTrue(
        text.startsWith("# Imported from Zendesk's upstream spec by 'make import-spec'. Do not edit by hand"), name));

    // each component lives in exactly one file
    List<String> all = new ArrayList<>();
    files.keySet().forEach(f -> all.addAll(componentKeys(read(dir, f))));
    assertEquals(all.size(), new TreeSet<>(all).size(), "defined more than once: " + all);
    assertEquals(new TreeSet<>(componentKeys(YamlFiles.parse(UPSTREAM, "upstream"))), new TreeSet<>(all));

    // ... in the area whose operations reference it, else where its referrers live, else common; ties go to
    // the alphabetically first area (ticket-skips < tickets)
    assertEquals(List.of("securitySchemes/basicAuth"), componentKeys(read(dir, "_root.yaml")));
    assertEquals(List.of("schemas/Ticket", "schemas/TicketsResponse", "schemas/User"),
        componentKeys(read(dir, "tickets.yaml")));
    assertEquals(List.of("schemas/Skip", "schemas/SkipsResponse", "parameters/TicketId"),
        componentKeys(read(dir, "ticket-skips.yaml")));
    assertEquals(List.of("schemas/Unused"), componentKeys(read(dir, "common.yaml")));

    Map<String, Object> tickets = read(dir, "tickets.yaml");
    assertEquals(List.of("openapi", "info", "tags", "paths", "components"), List.copyOf(tickets.keySet()));
    assertEquals(Map.of("title", "Support API: Tickets", "version", "2.0"), tickets.get("info"));
    assertEquals(List.of(Map.of("name", "Tickets", "description", "Ticket operations.")), tickets.get("tags"));
    assertEquals(List.of("/api/v2/tickets", "/api/v2/tickets/{ticket_id}"),
        List.copyOf(Tree.map(tickets, "paths").keySet()));
    assertEquals(List.of("parameters", "get"),
        List.copyOf(Tree.map(Tree.map(tickets, "paths"), "/api/v2/tickets/{ticket_id}").keySet()));

    Map<String, Object> skips = read(dir, "ticket-skips.yaml");
    assertEquals(List.of(Map.of("name", "Ticket Skips", "description", "Skipped tickets."),
        Map.of("name", "Tickets", "description", "Ticket operations.")), skips.get("tags"));
    assertEquals(List.of("/api/v2/tickets/{ticket_id}", "/api/v2/skips", "/api/v2/tickets/{ticket_id}/skips"),
        List.copyOf(Tree.map(skips, "paths").keySet()));
    // a path split across areas repeats its path-level fields in each
    assertEquals(List.of("parameters", "put"),
        List.copyOf(Tree.map(Tree.map(skips, "paths"), "/api/v2/tickets/{ticket_id}").keySet()));
  }

  @Test
  void rootFileHoldsInfoServersSecurityAndSecuritySchemes() throws IOException {
    Path dir = tmp.resolve("openapi");
    new SpecImporter().importSpec(upstream(UPSTREAM), dir);

    assertEquals("""
        # Imported from Zendesk's upstream spec by 'make import-spec'. Do not edit by hand: fixes belong in
        # openapi/overlays/ or in a normalisation rule, so that the next import keeps them.
        openapi: 3.0.3
        info:
          title: Support API
          version: '2.0'
        servers:
        - url: https://{subdomain}.zendesk.com
          variables:
            subdomain:
              default: example
        security:
        - basicAuth: []
        components:
          securitySchemes:
            basicAuth:
              type: http
              scheme: basic
        """, Files.readString(dir.resolve("_root.yaml")));
    assertEquals("""
        # Imported from Zendesk's upstream spec by 'make import-spec'. Do not edit by hand: fixes belong in
        # openapi/overlays/ or in a normalisation rule, so that the next import keeps them.
        openapi: 3.0.3
        info:
          title: 'Support API: Common components'
          version: '2.0'
        components:
          schemas:
            Unused:
              type: string
        """, Files.readString(dir.resolve("common.yaml")));
  }

  @Test
  void importingTwiceWritesByteIdenticalFiles() throws IOException {
    Path dir = tmp.resolve("openapi");
    Path up = upstream(UPSTREAM);

    new SpecImporter().importSpec(up, dir);
    Map<String, String> first = filesIn(dir);
    new SpecImporter().importSpec(up, dir);
    Map<String, String> second = filesIn(dir);

    assertEquals(first, second);
    assertEquals(4, second.size());
  }

  @Test
  void mergingTheImportReproducesTheUpstreamSpec() {
    Path dir = tmp.resolve("openapi");
    new SpecImporter().importSpec(upstream(UPSTREAM), dir);
    Map<String, Object> up = YamlFiles.parse(UPSTREAM, "upstream");

    Map<String, Object> merged = new SpecMerge(List.of()).merge(dir);

    assertEquals(operations(up), operations(merged));
    assertEquals(5, operations(merged).size());
    assertEquals(new TreeSet<>(componentKeys(up)), new TreeSet<>(componentKeys(merged)));
    // not just the same names: the same definitions, paths and top-level fields
    assertEquals(up.get("components"), merged.get("components"));
    assertEquals(up.get("paths"), merged.get("paths"));
    for (String key : List.of("openapi", "info", "servers", "security")) {
      assertEquals(up.get(key), merged.get(key), key);
    }
    // the tags of both areas, each once (in area-file order, not upstream order)
    assertEquals(Set.copyOf(Tree.list(up, "tags")), Set.copyOf(Tree.list(merged, "tags")));
    assertEquals(2, Tree.list(merged, "tags").size());
    // YAML 1.2 survives the round trip: still strings, not a date and not a crash
    Map<String, Object> ticket = Tree.map(Tree.map(Tree.map(Tree.map(merged, "components"), "schemas"), "Ticket"),
        "properties");
    assertInstanceOf(String.class, Tree.map(ticket, "created_at").get("example"));
    assertEquals("2015-09-30T21:44:03Z", Tree.map(ticket, "created_at").get("example"));
    assertEquals("=", Tree.map(ticket, "operator").get("example"));
  }

  @Test
  void aHandMaintainedAreaSurvivesAnImportAndUpstreamGainingItIsAnError() throws IOException {
    Path dir = tmp.resolve("openapi");
    String webhooks = SpecImporter.HAND_MAINTAINED + ": upstream has no Webhooks API.\nopenapi: 3.0.3\npaths: {}\n";
    write(dir, "webhooks.yaml", webhooks);

    new SpecImporter().importSpec(upstream(UPSTREAM), dir);
    new SpecImporter().importSpec(upstream(UPSTREAM), dir);

    assertEquals(webhooks, Files.readString(dir.resolve("webhooks.yaml")), "kept, unchanged, by both imports");
    write(dir, "tickets.yaml", SpecImporter.HAND_MAINTAINED + ": a clash.\nopenapi: 3.0.3\npaths: {}\n");
    SpecBuildException e = assertThrows(SpecBuildException.class,
        () -> new SpecImporter().importSpec(upstream(UPSTREAM), dir));
    assertTrue(e.getMessage().contains("tickets.yaml is hand-maintained, and upstream now has this area too"),
        e.getMessage());
  }

  @Test
  void reimportDeletesVanishedAreasAndLeavesOverlaysAlone() throws IOException {
    Path dir = tmp.resolve("openapi");
    new SpecImporter().importSpec(upstream(UPSTREAM), dir);
    String overlay = "x-overlay: keep me\npaths: {}\n";
    write(dir, "overlays/fix.yaml", overlay);
    write(dir, "overlays/old-area.yaml", overlay);
    assertTrue(Files.exists(dir.resolve("ticket-skips.yaml")));

    // upstream dropped the Ticket Skips operations (and the schemas only they used)
    Map<String, Object> v2 = YamlFiles.parse(UPSTREAM, "upstream");
    Map<String, Object> paths = Tree.map(v2, "paths");
    paths.remove("/api/v2/skips");
    paths.remove("/api/v2/tickets/{ticket_id}/skips");
    Tree.map(paths, "/api/v2/tickets/{ticket_id}").remove("put");
    Tree.map(Tree.map(v2, "components"), "schemas").remove("SkipsResponse");
    Tree.map(Tree.map(v2, "components"), "schemas").remove("Skip");
    SpecImporter.Result result = new SpecImporter().importSpec(write(tmp, "upstream/v2.yaml",
        YamlFiles.render(v2)), dir);

    assertEquals(new SpecImporter.Result(2, 2), result);
    Map<String, String> files = filesIn(dir);
    assertEquals(Set.of("_root.yaml", "common.yaml", "tickets.yaml", "overlays/fix.yaml", "overlays/old-area.yaml"),
        files.keySet());
    assertFalse(Files.exists(dir.resolve("ticket-skips.yaml")));
    assertEquals(overlay, files.get("overlays/fix.yaml"));
    assertEquals(overlay, files.get("overlays/old-area.yaml"));
    // TicketId lost its tie-winning area and moved to the one that still uses it
    assertEquals(List.of("schemas/Ticket", "schemas/TicketsResponse", "schemas/User", "parameters/TicketId"),
        componentKeys(read(dir, "tickets.yaml")));
  }

  @Test
  void areaNamesAreSlugsOfTheFirstTag() {
    assertEquals("ticket-skips", SpecImporter.slug("Ticket Skips"));
    assertEquals("assignee-field-assignable-groups", SpecImporter.slug("AssigneeFieldAssignableGroups"));
    assertEquals("oauth-tokens", SpecImporter.slug("OAuth Tokens"));
    assertEquals("sla-policies", SpecImporter.slug("SLA Policies"));
    assertEquals("ticket-import-beta", SpecImporter.slug(" Ticket Import (beta) "));
  }

  @Test
  void untaggedOperationsGoToUntaggedYaml() throws IOException {
    Path dir = tmp.resolve("openapi");
    new SpecImporter().importSpec(upstream("""
        openapi: 3.0.3
        info: {title: Support API, version: '2.0'}
        paths:
          /api/v2/ping:
            get:
              operationId: Ping
              responses: {'204': {description: pong}}
        """), dir);

    assertEquals(Set.of("_root.yaml", "untagged.yaml"), filesIn(dir).keySet());
    assertEquals(Set.of("GET /api/v2/ping Ping"), operations(read(dir, "untagged.yaml")));
    assertEquals("Support API: untagged", Tree.string(Tree.map(read(dir, "untagged.yaml"), "info"), "title"));
  }

  @Test
  void upstreamWithoutOperationsIsRejected() {
    Path up = upstream("openapi: 3.0.3\ninfo: {title: X, version: '1'}\npaths: {}\n");

    SpecBuildException e = assertThrows(SpecBuildException.class,
        () -> new SpecImporter().importSpec(up, tmp.resolve("openapi")));

    assertEquals(up + ": defines no operations; is it an OpenAPI document?", e.getMessage());
    assertFalse(Files.exists(tmp.resolve("openapi")));
  }

  @Test
  void aSharedComponentGoesToTheAreaWithMostReferencingOperations() throws IOException {
    Path dir = tmp.resolve("openapi");
    new SpecImporter().importSpec(upstream("""
        openapi: 3.0.3
        info: {title: Up, version: '1'}
        paths:
          /a: {get: {operationId: A, tags: [Tickets], responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Ticket'}}}}}}}
          /b: {get: {operationId: B, tags: [Tickets], responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Ticket'}}}}}}}
          /c: {get: {operationId: C, tags: [Tickets], responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Ticket'}}}}}}}
          /d: {get: {operationId: D, tags: [Bookmarks], responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Ticket'}}}}}}}
        components:
          schemas:
            Ticket: {type: object}
        """), dir);

    assertTrue(Files.readString(dir.resolve("tickets.yaml")).contains("    Ticket:"));
    assertFalse(Files.readString(dir.resolve("bookmarks.yaml")).contains("    Ticket:"));
  }
}
