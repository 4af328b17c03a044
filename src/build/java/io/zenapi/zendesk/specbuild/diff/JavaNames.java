package io.zenapi.zendesk.specbuild.diff;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.zenapi.zendesk.specbuild.rules.CallShape;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Java names and types that openapi-generator (retrofit2 library, settings in {@code generated-config/})
 * gives to spec elements: what a caller's code is written against. A contract test checks them against the
 * generated classes, so a generator upgrade that changes its naming shows up there.
 */
public final class JavaNames {
  private static final String SCHEMA_REF = "#/components/schemas/";
  private static final List<String> FORMS = List.of("multipart/form-data", "application/x-www-form-urlencoded");

  private final OpenAPI spec;

  /** The names in {@code spec}, whose component schemas resolve references. */
  public JavaNames(OpenAPI spec) {
    this.spec = spec;
  }

  /** The generated interface of an operation: its first tag, camel-cased, plus {@code Api}. */
  public String api(Operation op) {
    List<String> tags = op.getTags();
    String tag = tags == null || tags.isEmpty() ? "Default" : tags.get(0);
    StringBuilder out = new StringBuilder();
    for (String word : tag.split("[^A-Za-z0-9]+")) {
      if (!word.isEmpty()) {
        // the generator camel-cases an all-capitals word: "SLA Policies" -> SlaPoliciesApi
        String rest = word.substring(1);
        out.append(Character.toUpperCase(word.charAt(0)))
            .append(word.equals(word.toUpperCase(Locale.ROOT)) ? rest.toLowerCase(Locale.ROOT) : rest);
      }
    }
    return out + "Api";
  }

  /** The generated method of an operation: its operationId with a lower-case first letter. */
  public String method(Operation op) {
    String id = op.getOperationId();
    return id == null || id.isEmpty() ? "?" : Character.toLowerCase(id.charAt(0)) + id.substring(1);
  }

  /** {@code Interface.method} of an operation. */
  public String qualifiedMethod(Operation op) {
    return api(op) + "." + method(op);
  }

  /**
   * The Java type a schema becomes. A reference is its model class; an inline object with properties is a
   * generated inline model, written {@code {inline object}} (its name depends on where it sits, so inline
   * objects are compared field by field instead).
   */
  public String type(Schema<?> schema) {
    if (schema == null) {
      return "Void";
    }
    if (schema.get$ref() != null) {
      String ref = schema.get$ref();
      if (!ref.startsWith(SCHEMA_REF)) {
        return ref;
      }
      String name = ref.substring(SCHEMA_REF.length());
      Schema<?> target = spec.getComponents() == null || spec.getComponents().getSchemas() == null ? null
          : spec.getComponents().getSchemas().get(name);
      // the generator makes no class for a component without properties (a string, a list, a map, a bare
      // object): it "unaliases" it to the type it stands for
      return target != null && isAlias(target) ? type(target) : name;
    }
    String format = schema.getFormat() == null ? "" : schema.getFormat();
    String type = schema.getType();
    if (type == null && schema.getProperties() == null && schema.getItems() != null) {
      type = "array";
    }
    if (type == null) {
      type = "object";
    }
    switch (type) {
      case "string":
        switch (format) {
          case "date-time": return "OffsetDateTime";
          case "date": return "LocalDate";
          case "binary": return "RequestBody";
          case "byte": return "byte[]";
          case "uuid": return "UUID";
          default: return "String";
        }
      case "integer":
        return format.equals("int64") ? "Long" : "Integer";
      case "number":
        return format.equals("float") ? "Float" : format.equals("double") ? "Double" : "BigDecimal";
      case "boolean":
        return "Boolean";
      case "array":
        return (Boolean.TRUE.equals(schema.getUniqueItems()) ? "Set<" : "List<") + type(schema.getItems()) + ">";
      default:
        if (schema.getProperties() != null && !schema.getProperties().isEmpty() || isComposed(schema)) {
          return "{inline object}";
        }
        Object additional = schema.getAdditionalProperties();
        if (additional instanceof Schema<?> valueSchema) {
          return "Map<String, " + type(valueSchema) + ">";
        }
        return Boolean.TRUE.equals(additional) ? "Map<String, Object>" : "Object";
    }
  }

  /** The Java type of an argument: a map-valued query parameter is sent as a {@code @QueryMap Map<String, Object>}. */
  public String type(Parameter p) {
    String type = type(p.getSchema());
    return p.getIn().equals("query") && type.startsWith("Map<") ? "Map<String, Object>" : type;
  }

  /** The generated method's return type: {@code Call<X>}; a binary download is an OkHttp {@code ResponseBody}. */
  public String returnType(Operation op) {
    String type = type(returnSchema(op));
    return "Call<" + (type.equals("RequestBody") ? "ResponseBody" : type) + ">";
  }

  private static boolean isAlias(Schema<?> s) {
    return (s.getProperties() == null || s.getProperties().isEmpty()) && !isComposed(s) && s.get$ref() == null;
  }

  private static boolean isComposed(Schema<?> s) {
    return s.getAllOf() != null || s.getOneOf() != null || s.getAnyOf() != null;
  }

  /** The JSON schema of the request body, or null when there is none. */
  public Schema<?> bodySchema(Operation op) {
    RequestBody body = op.getRequestBody();
    return body == null || form(op) != null ? null : firstSchema(body.getContent());
  }

  /** The schema of a form body (multipart or URL-encoded), whose fields are separate arguments; or null. */
  public Schema<?> form(Operation op) {
    RequestBody body = op.getRequestBody();
    if (body == null || body.getContent() == null) {
      return null;
    }
    for (String type : FORMS) {
      MediaType media = body.getContent().get(type);
      if (media != null && media.getSchema() != null) {
        return resolve(media.getSchema());
      }
    }
    return null;
  }

  private Schema<?> resolve(Schema<?> schema) {
    if (schema.get$ref() != null && schema.get$ref().startsWith(SCHEMA_REF) && spec.getComponents() != null) {
      Schema<?> target = spec.getComponents().getSchemas().get(schema.get$ref().substring(SCHEMA_REF.length()));
      return target == null ? schema : target;
    }
    return schema;
  }

  /** The schema of the response the generated method returns: the first 2xx response, or null (Void). */
  public Schema<?> returnSchema(Operation op) {
    String status = returnStatus(op);
    return status == null ? null : firstSchema(op.getResponses().get(status).getContent());
  }

  /** The status code of the response the generated method returns, or null. */
  public String returnStatus(Operation op) {
    if (op.getResponses() == null) {
      return null;
    }
    return new TreeMap<>(op.getResponses()).keySet().stream().filter(k -> k.startsWith("2")).findFirst()
        .orElse(null);
  }

  private static Schema<?> firstSchema(Content content) {
    if (content == null || content.isEmpty()) {
      return null;
    }
    MediaType json = content.get("application/json");
    MediaType any = json != null ? json : content.values().iterator().next();
    return any.getSchema();
  }

  /**
   * The generated method's arguments, in order, as {@code in:name} ({@code params} for the params object,
   * {@code body} for a JSON body, {@code form:x} for each field of a form body) with their Java types. The project's
   * call shape ({@link CallShape}): path parameters in the order the path names them, required query parameters,
   * the params object when the operation has optional query parameters other than the pagination engine's, then
   * the form fields or the body.
   */
  public Map<String, String> arguments(Operation op) {
    Map<String, String> out = new LinkedHashMap<>();
    List<Parameter> params = op.getParameters() == null ? List.of() : op.getParameters();
    String path = pathOf(op);
    params.stream().filter(p -> "path".equals(p.getIn()))
        .sorted(Comparator.comparingInt(p -> path == null ? 0 : path.indexOf("{" + p.getName() + "}")))
        .forEach(p -> out.put("path:" + p.getName(), type(p)));
    params.stream().filter(p -> "query".equals(p.getIn()) && Boolean.TRUE.equals(p.getRequired()))
        .forEach(p -> out.put("query:" + p.getName(), type(p)));
    if (params.stream().anyMatch(JavaNames::inParamsObject)) {
      out.put("params", paramsClass(op));
    }
    Schema<?> form = form(op);
    if (form != null && form.getProperties() != null) {
      form.getProperties().forEach((name, field) -> {
        String type = type(field);
        out.put("form:" + name, type.equals("RequestBody") ? "Part" : type);
      });
    } else if (op.getRequestBody() != null) {
      out.put("body", type(bodySchema(op)));
    }
    return out;
  }

  /** Whether a parameter is set through the operation's params object: optional, in the query, not the engine's. */
  public static boolean inParamsObject(Parameter p) {
    return "query".equals(p.getIn()) && !Boolean.TRUE.equals(p.getRequired())
        && !CallShape.PAGINATION_PARAMETERS.contains(p.getName());
  }

  /** Whether the pagination engine sets a parameter (it is in no generated signature). */
  public static boolean setByPaginationEngine(Parameter p) {
    return "query".equals(p.getIn()) && !Boolean.TRUE.equals(p.getRequired())
        && CallShape.PAGINATION_PARAMETERS.contains(p.getName());
  }

  /** The name of an operation's params class, e.g. {@code TicketsApi.ListTicketsParams}. */
  public String paramsClass(Operation op) {
    return api(op) + "." + CallShape.paramsClass(op.getOperationId());
  }

  /** The path template an operation sits at, or null. */
  private String pathOf(Operation op) {
    if (spec.getPaths() == null) {
      return null;
    }
    for (var e : spec.getPaths().entrySet()) {
      if (e.getValue().readOperations().stream().anyMatch(o -> o == op)) {
        return e.getKey();
      }
    }
    return null;
  }

  /** The whole Java signature: {@code Call<R> Api.method(A, B)}. */
  public String signature(Operation op) {
    return returnType(op) + " " + qualifiedMethod(op) + "(" + String.join(", ", arguments(op).values()) + ")";
  }
}
