package io.zenapi.zendesk.specbuild.rules;

import io.zenapi.zendesk.specbuild.Operation;
import io.zenapi.zendesk.specbuild.RefChecker;
import io.zenapi.zendesk.specbuild.Tree;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides how each operation is called from Java, for the project's api template: required path parameters (in
 * the order they appear in the path), then required query parameters, then one immutable params object holding
 * every optional query parameter, then the body. No optional parameter is ever a positional argument, so an
 * optional parameter Zendesk adds upstream is a new builder method, not a new argument.
 *
 * <p>Marks it leaves in the spec (read by {@code generated-config/templates/libraries/retrofit2/api.mustache}):
 * <ul>
 *   <li>parameters are inlined into each operation (path-level ones too, except sorting and paging ones on a write),
 *       path parameters first in path order;</li>
 *   <li>{@value #PAGINATION} on the optional query parameters the pagination engine sets itself
 *       ({@code page}, {@code page[size]}, {@code page[after]}, {@code page[before]}, {@code per_page},
 *       {@code cursor}): they are kept off the params object;</li>
 *   <li>{@value #PARAMS_CLASS} on an operation with at least one other optional query parameter: the name of its
 *       params class ({@code listTickets} → {@code ListTicketsParams});</li>
 *   <li>{@value #LEADING_ARGS} when a required path or query parameter comes before the params object, and
 *       {@value #BODY_AFTER_ARGS} when anything comes before the body: where the template writes commas;</li>
 *   <li>{@value #BINARY_BODY} on an operation whose body is the caller's bytes: no fixed {@code Content-Type};</li>
 *   <li>{@value #CONSTANTS} on a string parameter with known values: a Java constant name and string literal for
 *       each.</li>
 * </ul>
 */
public final class CallShape implements NormalisationRule {
  /** Marks a query parameter that the pagination engine sets; it is kept off the params object. */
  public static final String PAGINATION = "x-pagination-param";
  /** The params class of an operation that has optional query parameters. */
  public static final String PARAMS_CLASS = "x-params-class";
  /** Set when required path or query arguments come before the params object. */
  public static final String LEADING_ARGS = "x-leading-args";
  /** Set when any argument comes before the body (or the first form field). */
  public static final String BODY_AFTER_ARGS = "x-body-after-args";
  /** Constants for known values, on a parameter: a list of {@code {name, value, literal}}. */
  public static final String CONSTANTS = OpenEnums.CONSTANTS;
  /** Set when the body is the caller's bytes (an upload): sent with the caller's content type, not a fixed one. */
  public static final String BINARY_BODY = "x-binary-body";

  /** The query parameters that order a list. */
  static final Set<String> SORTING_PARAMETERS = Set.of("sort", "sort_by", "sort_order");

  /** The query parameters that belong to the pagination engine. */
  public static final Set<String> PAGINATION_PARAMETERS =
      Set.of("page", "page[size]", "page[after]", "page[before]", "per_page", "cursor");

  @Override
  public int apply(Map<String, Object> spec) {
    int changes = 0;
    Set<Map<String, Object>> emptied = new HashSet<>();
    for (Operation op : Operation.all(spec)) {
      String before = shape(op);
      List<Object> params = effectiveParameters(spec, op);
      boolean leading = false;
      boolean optional = false;
      for (Object p : params) {
        Map<String, Object> param = Tree.asMap(p);
        boolean required = Boolean.TRUE.equals(param.get("required")) || "path".equals(param.get("in"));
        if (!"query".equals(param.get("in")) && !"path".equals(param.get("in"))) {
          continue;
        }
        if (required) {
          leading = true;
        } else if (PAGINATION_PARAMETERS.contains(String.valueOf(param.get("name")))) {
          param.put(PAGINATION, true);
        } else {
          optional = true;
          addConstants(param);
        }
      }
      if (params.isEmpty()) {
        op.op().remove("parameters");
      } else {
        op.op().put("parameters", params);
      }
      putFlag(op.op(), PARAMS_CLASS, optional ? paramsClass(op.id()) : null);
      putFlag(op.op(), LEADING_ARGS, leading ? Boolean.TRUE : null);
      putFlag(op.op(), BODY_AFTER_ARGS, leading || optional ? Boolean.TRUE : null);
      putFlag(op.op(), BINARY_BODY, binaryBody(op) ? Boolean.TRUE : null);
      emptied.add(op.pathItem());
      String after = shape(op);
      if (!before.equals(after)) {
        changes++;
      }
    }
    // every operation now carries its path-level parameters itself
    emptied.forEach(item -> item.remove("parameters"));
    return changes;
  }

  /** What this rule decides for an operation, to count the operations it changed. */
  private static String shape(Operation op) {
    return String.valueOf(op.op().get("parameters")) + op.op().get(PARAMS_CLASS) + op.op().get(LEADING_ARGS)
        + op.op().get(BODY_AFTER_ARGS) + op.op().get(BINARY_BODY);
  }

  private static boolean binaryBody(Operation op) {
    Map<String, Object> content = Tree.map(Tree.map(op.op(), "requestBody"), "content");
    if (content == null) {
      return false;
    }
    for (Object media : content.values()) {
      Map<String, Object> schema = Tree.map(Tree.asMap(media), "schema");
      if (schema != null && "binary".equals(schema.get("format"))) {
        return true;
      }
    }
    return false;
  }

  /** {@code listTickets} or {@code ListTickets} → {@code ListTicketsParams}. */
  public static String paramsClass(String operationId) {
    return Character.toUpperCase(operationId.charAt(0)) + operationId.substring(1) + "Params";
  }

  /**
   * The operation's parameters, each an own copy (references resolved): path-level ones that the operation does
   * not override, then its own; path parameters moved first, in the order they appear in the path.
   */
  private static List<Object> effectiveParameters(Map<String, Object> spec, Operation op) {
    Map<String, Map<String, Object>> byKey = new LinkedHashMap<>();
    List<Object> shared = Tree.list(op.pathItem(), "parameters");
    for (List<Object> list : java.util.Arrays.asList(shared, Tree.list(op.op(), "parameters"))) {
      if (list != null) {
        for (Object p : list) {
          Map<String, Object> param = Tree.copyMap(RefChecker.deref(spec, Tree.asMap(p)));
          if (param != null && !(list == shared && listOnly(op, param))) {
            byKey.put(param.get("in") + ":" + param.get("name"), param);
          }
        }
      }
    }
    List<Map<String, Object>> ordered = new ArrayList<>(byKey.values());
    String path = op.path();
    ordered.sort(Comparator.comparingInt(p -> "path".equals(p.get("in"))
        ? Math.max(0, path.indexOf("{" + p.get("name") + "}")) : Integer.MAX_VALUE));
    return new ArrayList<>(ordered);
  }

  /**
   * A path-level sorting or paging parameter does not reach a write: upstream declares {@code sort_order} for all of
   * {@code /api/v2/skips}, so "record a skip" (a POST) took a sort order.
   */
  private static boolean listOnly(Operation op, Map<String, Object> param) {
    String name = String.valueOf(param.get("name"));
    return !op.method().equals("get") && "query".equals(param.get("in"))
        && (PAGINATION_PARAMETERS.contains(name) || SORTING_PARAMETERS.contains(name));
  }

  /** Java constants for a string parameter's known values, prefixed with its name ({@code SORT_ORDER_ASC}). */
  private static void addConstants(Map<String, Object> param) {
    Map<String, Object> schema = Tree.asMap(param.get("schema"));
    List<Object> known = Tree.list(schema, OpenEnums.KNOWN_VALUES);
    if (known != null && "string".equals(schema.get("type"))) {
      param.put(CONSTANTS, OpenEnums.constants(known, OpenEnums.constantName(String.valueOf(param.get("name")))));
    }
  }

  private static void putFlag(Map<String, Object> op, String key, Object value) {
    if (value == null) {
      op.remove(key);
    } else {
      op.put(key, value);
    }
  }
}
