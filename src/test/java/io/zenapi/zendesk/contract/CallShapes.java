package io.zenapi.zendesk.contract;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import retrofit2.http.Query;

/**
 * How every operation is called, checked against the spec: each optional query parameter must be a setter of the
 * operation's params object (or left to the pagination engine), and each public method's arguments must be the
 * path parameters in path order, the required query parameters, the params object, then the body.
 *
 * @param optional optional query parameters in the spec
 * @param inParams of those, the ones set through a params builder
 * @param engine of those, the ones the pagination engine sets
 * @param positionalOptional {@code operationId: parameter} for each optional parameter that is neither
 * @param outOfOrder {@code operationId: actual vs expected} for each method whose arguments break the rule
 */
record CallShapes(int optional, int inParams, int engine, List<String> positionalOptional, List<String> outOfOrder) {

  static CallShapes of(MergedSpec spec, GeneratedApis apis) {
    int optional = 0;
    int inParams = 0;
    int engine = 0;
    List<String> positional = new ArrayList<>();
    List<String> outOfOrder = new ArrayList<>();
    for (MergedSpec.Op op : spec.operations()) {
      GeneratedApis.Generated g = apis.generated(op.id());
      if (g == null) {
        continue; // reported by everyOperationIsOneGeneratedMethod
      }
      GeneratedApis.Shape shape = GeneratedApis.shape(g);
      Set<String> viaSetter = new HashSet<>();
      Annotation[][] annotations = g.declaration().getParameterAnnotations();
      for (int i : shape.setters().keySet()) {
        viaSetter.add(annotations[i][0] instanceof Query q ? q.value() : queryMapName(op));
      }
      for (JsonElement e : op.node().has("parameters") ? op.node().getAsJsonArray("parameters")
          : new com.google.gson.JsonArray()) {
        JsonObject p = e.getAsJsonObject();
        boolean required = p.has("required") && p.get("required").getAsBoolean();
        if (!"query".equals(p.get("in").getAsString()) || required) {
          continue;
        }
        String name = p.get("name").getAsString();
        optional++;
        if (viaSetter.contains(name)) {
          inParams++;
        } else if (GeneratedApis.PAGINATION.contains(name)) {
          engine++;
        } else {
          positional.add(op.id() + ": " + name);
        }
      }
      List<Type> actual = Arrays.asList(g.method().getGenericParameterTypes());
      if (!actual.equals(shape.expectedTypes())) {
        outOfOrder.add(op.id() + ": " + actual + " vs " + shape.expectedTypes());
      }
    }
    return new CallShapes(optional, inParams, engine, positional, outOfOrder);
  }

  private static String queryMapName(MergedSpec.Op op) {
    for (JsonElement e : op.node().getAsJsonArray("parameters")) {
      if (e.getAsJsonObject().has("x-query-map")) {
        return e.getAsJsonObject().get("name").getAsString();
      }
    }
    return "?";
  }
}
