package io.zenapi.zendesk.specbuild.rules;

import io.zenapi.zendesk.specbuild.Operation;
import java.util.Map;

/**
 * Marks DELETE operations that send a body with {@code x-delete-with-body}. Retrofit's {@code @DELETE} refuses
 * a {@code @Body} at the first call; the project's api template turns the mark into
 * {@code @HTTP(method = "DELETE", hasBody = true)}.
 */
public final class DeleteWithBody implements NormalisationRule {
  /** The vendor extension the api template reads. */
  public static final String MARK = "x-delete-with-body";

  @Override
  public int apply(Map<String, Object> spec) {
    int changes = 0;
    for (Operation op : Operation.all(spec)) {
      if (op.method().equals("delete") && op.op().containsKey("requestBody") && !op.op().containsKey(MARK)) {
        op.op().put(MARK, true);
        changes++;
      }
    }
    return changes;
  }
}
