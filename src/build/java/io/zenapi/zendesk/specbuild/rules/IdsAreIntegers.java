package io.zenapi.zendesk.specbuild.rules;

import io.zenapi.zendesk.specbuild.Operation;
import io.zenapi.zendesk.specbuild.Tree;
import java.util.List;
import java.util.Map;

/**
 * An id declared as {@code type: number} is an integer: Zendesk ids are 64-bit integers, but upstream types a few as
 * numbers (the suspended-ticket path {@code id}, {@code ticket_form_id} of workspaces), which the generator makes
 * {@code BigDecimal} while the model of the same thing has a {@code Long} id. Applies to parameters and properties
 * named {@code id} or ending in {@code _id}; {@link IntegersAre64Bit} then makes them {@code Long}.
 */
public final class IdsAreIntegers implements NormalisationRule {
  @Override
  public int apply(Map<String, Object> spec) {
    int[] changes = {0};
    for (Operation op : Operation.all(spec)) {
      for (List<Object> params : java.util.Arrays.asList(Tree.list(op.pathItem(), "parameters"),
          Tree.list(op.op(), "parameters"))) {
        if (params != null) {
          for (Object p : params) {
            Map<String, Object> param = Tree.asMap(p);
            if (param != null && isId(Tree.string(param, "name"))) {
              changes[0] += integer(Tree.map(param, "schema"));
            }
          }
        }
      }
    }
    Map<String, Object> shared = Tree.map(Tree.map(spec, "components"), "parameters");
    if (shared != null) {
      for (Object p : shared.values()) {
        Map<String, Object> param = Tree.asMap(p);
        if (param != null && isId(Tree.string(param, "name"))) {
          changes[0] += integer(Tree.map(param, "schema"));
        }
      }
    }
    Schemas.forEach(spec, schema -> {
      Map<String, Object> properties = Tree.map(schema, "properties");
      if (properties != null) {
        properties.forEach((name, property) -> {
          if (isId(name)) {
            changes[0] += integer(Tree.asMap(property));
          }
        });
      }
    });
    return changes[0];
  }

  private static boolean isId(String name) {
    return name != null && (name.equals("id") || name.endsWith("_id"));
  }

  private static int integer(Map<String, Object> schema) {
    if (schema == null || !"number".equals(schema.get("type"))) {
      return 0;
    }
    schema.put("type", "integer");
    schema.remove("format");
    return 1;
  }
}
