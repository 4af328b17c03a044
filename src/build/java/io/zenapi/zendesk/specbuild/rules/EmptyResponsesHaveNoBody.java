package io.zenapi.zendesk.specbuild.rules;

import io.zenapi.zendesk.specbuild.Operation;
import io.zenapi.zendesk.specbuild.Tree;
import java.util.Map;

/**
 * A success response that upstream documents as an empty JSON string ({@code type: string}, example {@code ""},
 * "Empty response") has no body: the generated method returns {@code Call<Void>}, not a {@code String} that reads as
 * JSON. Seventeen operations were like this (reorder, make private, restore, logout many, ...).
 */
public final class EmptyResponsesHaveNoBody implements NormalisationRule {
  @Override
  public int apply(Map<String, Object> spec) {
    int changes = 0;
    for (Operation op : Operation.all(spec)) {
      Map<String, Object> responses = Tree.map(op.op(), "responses");
      if (responses == null) {
        continue;
      }
      for (Map.Entry<String, Object> r : responses.entrySet()) {
        Map<String, Object> response = Tree.asMap(r.getValue());
        Map<String, Object> content = Tree.map(response, "content");
        if (!r.getKey().startsWith("2") || content == null) {
          continue;
        }
        Map<String, Object> json = Tree.map(content, "application/json");
        Map<String, Object> schema = Tree.map(json, "schema");
        if (content.size() == 1 && schema != null && "string".equals(schema.get("type"))
            && "".equals(schema.getOrDefault("example", json.get("example")))) {
          response.remove("content");
          changes++;
        }
      }
    }
    return changes;
  }
}
