package io.zenapi.zendesk.specbuild.diff;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.zenapi.zendesk.specbuild.diff.Change.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.openapitools.openapidiff.core.model.ChangedMediaType;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedParameter;
import org.openapitools.openapidiff.core.model.ChangedParameters;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.model.Endpoint;

/**
 * Reads what openapi-diff found between two {@link DiffInput}s and says what each finding means for code that
 * calls the generated client. openapi-diff decides what changed; this class only knows how the generator turns
 * spec elements into Java (see {@link JavaNames}) and so which changes break a caller. Its rules:
 * <ul>
 *   <li>the generated methods take the required path and query parameters positionally and every optional query
 *       parameter through the operation's params builder: a new optional parameter is a new builder method
 *       (compatible; the first one also brings the params class, and the method without it stays), while a new
 *       required parameter, a removed one, or one turning required or optional changes the arguments
 *       (breaking);</li>
 *   <li>the pagination parameters ({@code page[size]}, {@code per_page}, cursors) are the pagination engine's and
 *       in no signature: adding one is compatible, removing one changes what the engine can do;</li>
 *   <li>a renamed operationId renames the method; a changed first tag moves it to another interface;</li>
 *   <li>a removed or retyped field removes or retypes a getter and setter; a new field is compatible;</li>
 *   <li>enums are open strings here, so a new value is compatible and a removed one only stops being sent;</li>
 *   <li>a field turning required compiles, but requests without it are then rejected.</li>
 * </ul>
 * A field whose type is another model is not descended into: that model's changes are listed under it, once.
 */
public final class JavaCallerClassifier {
  private final List<Change> changes = new ArrayList<>();
  private final JavaNames before;
  private final JavaNames after;

  private JavaCallerClassifier(ChangedOpenApi diff) {
    this.before = new JavaNames(diff.getOldSpecOpenApi());
    this.after = new JavaNames(diff.getNewSpecOpenApi());
  }

  /** The changes of {@code diff}, in the order operations and models appear. */
  public static List<Change> classify(ChangedOpenApi diff) {
    JavaCallerClassifier c = new JavaCallerClassifier(diff);
    c.run(diff);
    return List.copyOf(c.changes);
  }

  private void run(ChangedOpenApi diff) {
    Map<String, Endpoint> addedById = new LinkedHashMap<>();
    for (Endpoint e : diff.getNewEndpoints()) {
      if (DiffInput.modelOf(e.getPathUrl()) == null && e.getOperation().getOperationId() != null) {
        addedById.put(e.getOperation().getOperationId(), e);
      }
    }
    for (Endpoint e : diff.getMissingEndpoints()) {
      String model = DiffInput.modelOf(e.getPathUrl());
      if (model != null) {
        add(Severity.BREAKING, Kind.SCHEMA_REMOVED, "schema " + model, model,
            "the model class " + model + " is removed");
        continue;
      }
      Endpoint moved = addedById.remove(e.getOperation().getOperationId());
      if (moved != null) {
        moved(e, moved);
      } else {
        add(Severity.BREAKING, Kind.OPERATION_REMOVED, label(e), before.qualifiedMethod(e.getOperation()),
            "the operation is removed, and with it the method " + before.qualifiedMethod(e.getOperation()) + "()");
      }
    }
    for (Endpoint e : diff.getNewEndpoints()) {
      String model = DiffInput.modelOf(e.getPathUrl());
      if (model != null) {
        add(Severity.COMPATIBLE, Kind.SCHEMA_ADDED, "schema " + model, model, "new model class " + model);
      } else if (addedById.containsValue(e)) {
        add(Severity.COMPATIBLE, Kind.OPERATION_ADDED, label(e), after.qualifiedMethod(e.getOperation()),
            "new method " + after.qualifiedMethod(e.getOperation()) + "()");
      }
    }
    signatures(diff.getOldSpecOpenApi(), diff.getNewSpecOpenApi());
    for (ChangedOperation op : diff.getChangedOperations()) {
      String model = DiffInput.modelOf(op.getPathUrl());
      if (model != null) {
        ChangedMediaType body = successBody(op);
        if (body != null) {
          schema(body.getSchema(), body.getSchema() == null ? null : body.getSchema().getOldSchema(),
              body.getSchema() == null ? null : body.getSchema().getNewSchema(), "schema " + model, model, true);
        }
      } else {
        operation(op);
      }
    }
  }

  private void moved(Endpoint from, Endpoint to) {
    Operation o = from.getOperation();
    Operation n = to.getOperation();
    String what = "moved from " + label(from) + " to " + label(to);
    if (before.signature(o).equals(after.signature(n))) {
      add(Severity.COMPATIBLE, Kind.OPERATION_MOVED, label(to), after.qualifiedMethod(n),
          what + "; the Java method keeps its name and arguments");
    } else {
      add(Severity.BREAKING, Kind.OPERATION_MOVED, label(to), after.qualifiedMethod(n),
          what + "; the Java method changes from " + before.signature(o) + " to " + after.signature(n));
    }
  }

  /**
   * What openapi-diff does not compare because it does not matter over HTTP, but does in Java: the first tag (the
   * interface a method is in) and the order of the arguments.
   */
  private void signatures(OpenAPI oldSpec, OpenAPI newSpec) {
    if (oldSpec.getPaths() == null || newSpec.getPaths() == null) {
      return;
    }
    oldSpec.getPaths().forEach((path, item) -> {
      PathItem next = newSpec.getPaths().get(path);
      if (DiffInput.modelOf(path) != null || next == null) {
        return;
      }
      item.readOperationsMap().forEach((method, o) -> {
        Operation n = next.readOperationsMap().get(method);
        if (n == null) {
          return;
        }
        String where = where(method, path);
        String java = after.qualifiedMethod(n);
        if (!before.api(o).equals(after.api(n))) {
          add(Severity.BREAKING, Kind.OPERATION_MOVED, where, java, "first tag changed: the method moves from "
              + before.api(o) + " to " + after.api(n));
        }
        List<String> oldArgs = List.copyOf(before.arguments(o).keySet());
        List<String> newArgs = List.copyOf(after.arguments(n).keySet());
        List<String> oldForm = oldArgs.stream().filter(a -> a.startsWith("form:")).toList();
        List<String> newForm = newArgs.stream().filter(a -> a.startsWith("form:")).toList();
        if (!new HashSet<>(oldForm).equals(new HashSet<>(newForm))) {
          // form fields are separate arguments (openapi-diff sees them as one body schema)
          add(Severity.BREAKING, Kind.REQUEST_BODY_CHANGED, where, java, "the form fields change: " + oldForm + " → "
              + newForm);
        }
        // same arguments in a new order (declared differently, or moved by a required flag): a call may still
        // compile with two same-typed arguments swapped, which is worse than a compile error
        if (!oldArgs.equals(newArgs) && new HashSet<>(oldArgs).equals(new HashSet<>(newArgs))) {
          add(Severity.BREAKING, Kind.ARGUMENTS_REORDERED, where, java, "the arguments change order: " + oldArgs
              + " → " + newArgs);
        }
      });
    });
  }

  private void operation(ChangedOperation op) {
    Operation o = op.getOldOperation();
    Operation n = op.getNewOperation();
    String where = where(op.getHttpMethod(), op.getPathUrl());
    String java = after.qualifiedMethod(n);
    if (!before.method(o).equals(after.method(n))) {
      add(Severity.BREAKING, Kind.OPERATION_RENAMED, where, java, "operationId " + o.getOperationId() + " → "
          + n.getOperationId() + ": the method " + before.method(o) + "() is renamed " + after.method(n) + "()");
    }
    if (op.isDeprecated()) {
      add(Severity.COMPATIBLE, Kind.OPERATION_DEPRECATED, where, java, "the operation is now deprecated");
    }
    parameters(op.getParameters(), where, java);
    requestBody(op, where, java);
    response(op, where, java);
  }

  private void parameters(ChangedParameters params, String where, String java) {
    if (params == null) {
      return;
    }
    for (Parameter p : params.getIncreased()) {
      if (JavaNames.inParamsObject(p)) {
        add(Severity.COMPATIBLE, Kind.PARAMETER_ADDED, where, java, "new optional query parameter `" + p.getName()
            + "` (" + after.type(p) + "): a new method of the params builder; calls without it compile as before");
      } else if (JavaNames.setByPaginationEngine(p)) {
        add(Severity.COMPATIBLE, Kind.PARAMETER_ADDED, where, java, "new pagination parameter `" + p.getName()
            + "`: the pagination engine's, in no signature");
      } else {
        add(Severity.BREAKING, Kind.PARAMETER_ADDED, where, java, "new " + requiredness(p) + " " + p.getIn()
            + " parameter `" + p.getName() + "` (" + after.type(p) + "): the method gains an argument,"
            + " so every call must change");
      }
    }
    for (Parameter p : params.getMissing()) {
      if (JavaNames.setByPaginationEngine(p)) {
        add(Severity.BEHAVIOUR, Kind.PARAMETER_REMOVED, where, java, "pagination parameter `" + p.getName()
            + "` is removed: the pagination engine can no longer set it (page size or cursor)");
      } else {
        add(Severity.BREAKING, Kind.PARAMETER_REMOVED, where, java, p.getIn() + " parameter `" + p.getName() + "` ("
            + before.type(p) + ") is removed: " + (JavaNames.inParamsObject(p)
            ? "its params builder method goes" : "the method loses an argument"));
      }
    }
    for (ChangedParameter c : params.getChanged()) {
      Parameter o = c.getOldParameter();
      Parameter n = c.getNewParameter();
      String oldType = before.type(o);
      String newType = after.type(n);
      String name = java + "(" + c.getName() + ")";
      if (!oldType.equals(newType)) {
        add(Severity.BREAKING, Kind.PARAMETER_RETYPED, where, name, "parameter `" + c.getName() + "` changes type: "
            + oldType + " → " + newType);
      } else {
        schema(c.getSchema(), o.getSchema(), n.getSchema(), where, name, true);
      }
      if (c.isChangeRequired()) {
        add(Severity.BREAKING, Kind.PARAMETER_REQUIRED_CHANGED, where, name, "parameter `" + c.getName() + "` is now "
            + (Boolean.TRUE.equals(n.getRequired())
                ? "required: it moves from the params builder to a positional argument"
                : "optional: it moves from a positional argument to the params builder"));
      }
    }
  }

  private void requestBody(ChangedOperation op, String where, String java) {
    Schema<?> o = before.bodySchema(op.getOldOperation());
    Schema<?> n = after.bodySchema(op.getNewOperation());
    if (o == null && n == null) {
      return;
    }
    if (o == null || n == null) {
      add(Severity.BREAKING, Kind.REQUEST_BODY_CHANGED, where, java, o == null
          ? "a request body (" + after.type(n) + ") is added: the method gains an argument"
          : "the request body (" + before.type(o) + ") is removed: the method loses an argument");
      return;
    }
    String oldType = before.type(o);
    String newType = after.type(n);
    if (!oldType.equals(newType)) {
      add(Severity.BREAKING, Kind.REQUEST_BODY_CHANGED, where, java, "the body argument changes type: " + oldType
          + " → " + newType);
    } else if (o.get$ref() == null && op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
      // an inline body has no model of its own to list its changes under: they are listed here
      for (ChangedMediaType m : op.getRequestBody().getContent().getChanged().values()) {
        schema(m.getSchema(), o, n, where, java + "(body)", true);
      }
    }
  }

  private void response(ChangedOperation op, String where, String java) {
    Schema<?> o = before.returnSchema(op.getOldOperation());
    Schema<?> n = after.returnSchema(op.getNewOperation());
    String oldType = before.returnType(op.getOldOperation());
    String newType = after.returnType(op.getNewOperation());
    if (!oldType.equals(newType)) {
      add(Severity.BREAKING, Kind.RESPONSE_CHANGED, where, java, "the return type changes: " + oldType + " → "
          + newType);
    } else if (o != null && o.get$ref() == null) {
      ChangedMediaType body = successBody(op);
      if (body != null) {
        schema(body.getSchema(), o, n, where, java + "(response)", true);
      }
    }
  }

  /**
   * One schema pair. {@code top} is true where the pair is the thing being described (a model, an inline body, a
   * parameter) rather than a field inside it; a field that is a reference to a model is left to that model.
   */
  private void schema(ChangedSchema c, Schema<?> rawOld, Schema<?> rawNew, String where, String java, boolean top) {
    if (c == null) {
      return;
    }
    if (!top && (retyped(rawOld, rawNew, where, java) || rawOld != null && rawOld.get$ref() != null)) {
      return;
    }
    Schema<?> o = c.getOldSchema();
    Schema<?> n = c.getNewSchema();
    if (c.isChangedType()) {
      // openapi-diff says type or format changed; it matters only when the Java type does
      retyped(o, n, where, java);
      return;
    }
    if (c.getEnumeration() != null) {
      for (Object v : c.getEnumeration().getIncreased()) {
        add(Severity.COMPATIBLE, Kind.ENUM_VALUE_ADDED, where, java, "new value `" + v + "` (enums are open"
            + " strings here, so it arrives as is)");
      }
      for (Object v : c.getEnumeration().getMissing()) {
        add(Severity.BEHAVIOUR, Kind.ENUM_VALUE_REMOVED, where, java, "value `" + v + "` is no longer documented:"
            + " code comparing with it compiles, but Zendesk may stop sending or accepting it");
      }
    }
    if (c.getRequired() != null) {
      for (String f : c.getRequired().getIncreased()) {
        add(Severity.BEHAVIOUR, Kind.FIELD_REQUIRED_CHANGED, where, java + "." + f, "`" + f + "` is now required:"
            + " a request that leaves it out is rejected");
      }
      for (String f : c.getRequired().getMissing()) {
        add(Severity.COMPATIBLE, Kind.FIELD_REQUIRED_CHANGED, where, java + "." + f, "`" + f
            + "` is no longer required: a response may leave it out (null)");
      }
    }
    for (var e : c.getIncreasedProperties().entrySet()) {
      add(Severity.COMPATIBLE, Kind.FIELD_ADDED, where, java + "." + e.getKey(), "new field `" + e.getKey() + "` ("
          + after.type(e.getValue()) + ")");
    }
    for (var e : c.getMissingProperties().entrySet()) {
      add(Severity.BREAKING, Kind.FIELD_REMOVED, where, java + "." + e.getKey(), "field `" + e.getKey() + "` ("
          + before.type(e.getValue()) + ") is removed, and with it its getter and setter");
    }
    for (var e : c.getChangedProperties().entrySet()) {
      schema(e.getValue(), property(o, e.getKey()), property(n, e.getKey()), where, java + "." + e.getKey(), false);
    }
    if (c.getItems() != null) {
      schema(c.getItems(), o == null ? null : o.getItems(), n == null ? null : n.getItems(), where, java + "[]",
          false);
    }
    if (c.getAddProp() != null) {
      schema(c.getAddProp(), additional(o), additional(n), where, java + "{}", false);
    }
  }

  /** Reports a field whose Java type changed; returns whether it did. */
  private boolean retyped(Schema<?> o, Schema<?> n, String where, String java) {
    String oldType = before.type(o);
    String newType = after.type(n);
    if (oldType.equals(newType)) {
      return false;
    }
    add(Severity.BREAKING, Kind.FIELD_RETYPED, where, java, "`" + java + "` changes type: " + oldType + " → "
        + newType);
    return true;
  }

  private static Schema<?> property(Schema<?> s, String name) {
    return s == null || s.getProperties() == null ? null : s.getProperties().get(name);
  }

  private static Schema<?> additional(Schema<?> s) {
    return s != null && s.getAdditionalProperties() instanceof Schema<?> a ? a : null;
  }

  private ChangedMediaType successBody(ChangedOperation op) {
    if (op.getApiResponses() == null) {
      return null;
    }
    String status = after.returnStatus(op.getNewOperation());
    var response = status == null ? null : op.getApiResponses().getChanged().get(status);
    if (response == null || response.getContent() == null) {
      return null;
    }
    Map<String, ChangedMediaType> changed = response.getContent().getChanged();
    ChangedMediaType json = changed.get("application/json");
    return json != null ? json : changed.values().stream().findFirst().orElse(null);
  }

  private static String requiredness(Parameter p) {
    return Boolean.TRUE.equals(p.getRequired()) ? "required" : "optional";
  }

  private static String label(Endpoint e) {
    return where(e.getMethod(), e.getPathUrl());
  }

  /** An operation as the report names it: {@code GET /api/v2/tickets}. */
  private static String where(PathItem.HttpMethod method, String path) {
    return method + " " + path;
  }


  private void add(Severity severity, Kind kind, String where, String java, String what) {
    changes.add(new Change(severity, kind, where, java, Objects.requireNonNull(what)));
  }
}
