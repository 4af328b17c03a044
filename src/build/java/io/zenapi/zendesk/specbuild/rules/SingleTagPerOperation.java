package io.zenapi.zendesk.specbuild.rules;

import io.zenapi.zendesk.specbuild.Operation;
import io.zenapi.zendesk.specbuild.Tree;
import java.util.List;
import java.util.Map;

/**
 * An operation keeps only its first tag. The generator makes one interface per tag, so an operation with two
 * tags became two methods in two interfaces; the first tag is the area the operation belongs to.
 */
public final class SingleTagPerOperation implements NormalisationRule {
  @Override
  public int apply(Map<String, Object> spec) {
    int changes = 0;
    for (Operation op : Operation.all(spec)) {
      List<Object> tags = Tree.list(op.op(), "tags");
      if (tags != null && tags.size() > 1) {
        Object first = tags.get(0);
        tags.clear();
        tags.add(first);
        changes++;
      }
    }
    return changes;
  }
}
