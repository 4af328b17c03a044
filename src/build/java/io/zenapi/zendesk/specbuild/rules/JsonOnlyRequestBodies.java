package io.zenapi.zendesk.specbuild.rules;

import io.zenapi.zendesk.specbuild.Operation;
import io.zenapi.zendesk.specbuild.Tree;
import java.util.Map;

/**
 * A request body offered as JSON and as something else (multipart form data) keeps only JSON. Offered both,
 * the generator imports a model for the multipart variant that it never writes: a compile error. The client
 * speaks JSON; binary uploads, which offer no JSON, are left alone.
 */
public final class JsonOnlyRequestBodies implements NormalisationRule {
  static final String JSON = "application/json";

  @Override
  public int apply(Map<String, Object> spec) {
    int changes = 0;
    for (Operation op : Operation.all(spec)) {
      Map<String, Object> content = Tree.map(Tree.map(op.op(), "requestBody"), "content");
      if (content != null && content.containsKey(JSON) && content.size() > 1) {
        content.keySet().removeIf(type -> !type.equals(JSON));
        changes++;
      }
    }
    return changes;
  }
}
