package io.zenapi.zendesk.specbuild.diff;

import io.zenapi.zendesk.specbuild.Operation;
import io.zenapi.zendesk.specbuild.RefChecker;
import io.zenapi.zendesk.specbuild.Tree;
import io.zenapi.zendesk.specbuild.rules.OpenEnums;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns a merged, normalised spec into what openapi-diff compares, so that its findings line up with the Java
 * client:
 * <ul>
 *   <li>each component schema also appears as a synthetic operation {@code GET /x-java-model/<Name>} returning
 *       it: openapi-diff compares operations, and this makes it compare every model class by name, once;</li>
 *   <li>enums come back from {@code x-known-values} (the {@code OpenEnums} rule moved them there), so that added
 *       and removed values are seen;</li>
 *   <li>parameter, request-body and response references are inlined and path-level parameters are folded into
 *       each operation, as the generator does, so that each operation carries its whole Java signature.</li>
 * </ul>
 * The input spec is not changed.
 */
public final class DiffInput {
  /** The path prefix of the synthetic model operations. */
  public static final String MODEL_PATH = "/x-java-model/";

  private DiffInput() {}

  /** A prepared copy of {@code spec}. */
  public static Map<String, Object> of(Map<String, Object> spec) {
    Map<String, Object> copy = Tree.copyMap(spec);
    restoreEnums(copy);
    for (Operation op : Operation.all(copy)) {
      foldParameters(copy, op);
      inline(copy, op.op(), "requestBody");
      Map<String, Object> responses = Tree.map(op.op(), "responses");
      if (responses != null) {
        for (String code : List.copyOf(responses.keySet())) {
          inline(copy, responses, code);
        }
      }
    }
    Operation.all(copy).forEach(op -> op.pathItem().remove("parameters"));
    addModelOperations(copy);
    return copy;
  }

  private static void restoreEnums(Object node) {
    if (node instanceof Map<?, ?> m) {
      Map<String, Object> map = Tree.asMap(m);
      if (map.get(OpenEnums.KNOWN_VALUES) instanceof List<?> values && !map.containsKey("enum")) {
        map.put("enum", new ArrayList<>(values));
      }
      map.values().forEach(DiffInput::restoreEnums);
    } else if (node instanceof List<?> l) {
      l.forEach(DiffInput::restoreEnums);
    }
  }

  /** As the generator sees them: the path-level parameters the operation does not override, then its own. */
  private static void foldParameters(Map<String, Object> spec, Operation op) {
    List<Object> own = new ArrayList<>();
    List<Object> declared = Tree.list(op.op(), "parameters");
    if (declared != null) {
      declared.forEach(p -> own.add(resolved(spec, p)));
    }
    List<Object> folded = new ArrayList<>();
    List<Object> shared = Tree.list(op.pathItem(), "parameters");
    if (shared != null) {
      for (Object p : shared) {
        Map<String, Object> param = Tree.asMap(resolved(spec, p));
        boolean overridden = own.stream().map(Tree::asMap).anyMatch(o -> o != null && param != null
            && Objects.equals(o.get("name"), param.get("name")) && Objects.equals(o.get("in"), param.get("in")));
        if (!overridden) {
          folded.add(param);
        }
      }
    }
    folded.addAll(own);
    if (!folded.isEmpty()) {
      op.op().put("parameters", folded);
    }
  }

  private static void inline(Map<String, Object> spec, Map<String, Object> parent, String key) {
    if (parent.containsKey(key)) {
      parent.put(key, resolved(spec, parent.get(key)));
    }
  }

  private static Object resolved(Map<String, Object> spec, Object node) {
    Map<String, Object> map = Tree.asMap(node);
    if (map != null && map.get("$ref") instanceof String ref && !ref.startsWith("#/components/schemas/")) {
      Map<String, Object> target = RefChecker.resolve(spec, ref);
      return target == null ? node : resolved(spec, Tree.copy(target));
    }
    return node;
  }

  private static void addModelOperations(Map<String, Object> spec) {
    Map<String, Object> schemas = Tree.map(Tree.map(spec, "components"), "schemas");
    if (schemas == null) {
      return;
    }
    Map<String, Object> paths = Tree.child(spec, "paths");
    for (String name : schemas.keySet()) {
      Map<String, Object> response = Tree.of("description", "model " + name, "content",
          Tree.of("application/json", Tree.of("schema", Tree.of("$ref", "#/components/schemas/" + name))));
      Map<String, Object> responses = new LinkedHashMap<>();
      responses.put("200", response);
      paths.put(MODEL_PATH + name, Tree.of("get",
          Tree.of("operationId", "xJavaModel" + name, "tags", List.of("x-java-model"), "responses", responses)));
    }
  }

  /** The model name of a synthetic model operation's path, or null for a real operation. */
  public static String modelOf(String path) {
    return path != null && path.startsWith(MODEL_PATH) ? path.substring(MODEL_PATH.length()) : null;
  }
}
