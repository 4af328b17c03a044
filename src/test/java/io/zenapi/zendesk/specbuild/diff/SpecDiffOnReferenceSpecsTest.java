package io.zenapi.zendesk.specbuild.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zenapi.zendesk.specbuild.diff.Change.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// make spec-diff on the real specs in src/test/resources/reference (verbatim upstream copies): the upstream spec
// the committed one was imported from (no change), and the older per-area fragments (their real differences).
class SpecDiffOnReferenceSpecsTest {
  private static final Path REFERENCE =
      Path.of(System.getProperty("zendesk.reference", "src/test/resources/reference"));
  private static final Path COMMITTED = Path.of("openapi");

  @TempDir Path out;

  private static Path reference(String name) {
    Path p = REFERENCE.resolve(name);
    assertTrue(Files.exists(p), p.toAbsolutePath() + " is missing: the reference specs are expected in"
        + " src/test/resources/reference (or -Dzendesk.reference=...)");
    return p;
  }

  @Test
  void theUpstreamSpecTheCommittedOneCameFromChangesNothing() {
    SpecDiffReport r = SpecDiff.run(COMMITTED, reference("zendesk-support-oas.yaml"), out).report();
    assertEquals(List.of(), r.changes());
    assertEquals(0, r.changedOperations());
    assertEquals(List.of(), r.warnings());
    // 605 imported operations and the 11 of the hand-maintained Webhooks area, which the import keeps
    assertEquals(new SpecDiffReport.Counts(616, r.before().models()), r.after());
  }

  @Test
  void theOlderPerAreaFragmentsShowTheirRealDifferences() {
    SpecDiffReport r = SpecDiff.run(COMMITTED, reference("per-area"), out).report();
    assertEquals(616, r.before().operations());
    // 495 operations in the fragments, 3 of which reference components defined nowhere and are left out, and the
    // 11 of the hand-maintained Webhooks area
    assertEquals(503, r.after().operations());
    assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("4 items reference components that neither")),
        r.notes()::toString);
    // the fragments' own defects, each seen as a Java caller would meet it
    assertTrue(r.of(Kind.OPERATION_MOVED).stream().anyMatch(c -> c.java().equals("DefaultApi.listTags")
        && c.what().endsWith("from TagsApi to DefaultApi")), "untagged ListTags");
    assertTrue(r.of(Kind.PARAMETER_ADDED).stream().anyMatch(c -> c.java().equals("GroupsApi.countGroups")
        && c.what().startsWith("new required path parameter `user_id`")), "stray path-level user_id");
    assertTrue(r.of(Kind.FIELD_RETYPED).stream().anyMatch(c -> c.java().equals("CountResponse.count.refreshed_at")
        && c.what().endsWith("OffsetDateTime → String")), "refreshed_at without format");
    assertTrue(r.of(Kind.OPERATION_REMOVED).size() > 100, "the newer API's operations are missing");
    // the older cut has no multipart-or-JSON bodies and no model field with a default
    assertEquals(List.of("JsonOnlyRequestBodies", "DefaultsAreDocumentation"), r.rulesThatStoppedMatching());
    assertTrue(r.warnings().stream().anyMatch(w -> w.startsWith("overlays/request-bodies-tags.yaml: targets path"
        + " /api/v2/users/{user_id}/tags")), r.warnings()::toString);
    assertTrue(r.count(Severity.BREAKING) > 0);
  }
}
