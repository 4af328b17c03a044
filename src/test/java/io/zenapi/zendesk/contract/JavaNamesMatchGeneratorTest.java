package io.zenapi.zendesk.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.zenapi.zendesk.specbuild.JsonFiles;
import io.zenapi.zendesk.specbuild.YamlFiles;
import io.zenapi.zendesk.specbuild.diff.DiffInput;
import io.zenapi.zendesk.specbuild.diff.JavaNames;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// The spec diff's model of the generator (JavaNames) against the classes the generator really wrote: interface,
// method name, argument types in order and return type, for every operation. A generator upgrade that changes its
// naming or argument order fails here instead of making the spec diff quietly wrong.
class JavaNamesMatchGeneratorTest {
  @TempDir Path dir;

  @Test
  void everyOperationsPredictedSignatureIsTheGeneratedOne() throws Exception {
    Path merged = Path.of(System.getProperty("zendesk.mergedSpec", "target/openapi/zendesk-support.json"));
    Path prepared = dir.resolve("prepared.json");
    JsonFiles.write(DiffInput.of(YamlFiles.read(merged)), prepared);
    OpenAPI spec = new OpenAPIV3Parser().read(prepared.toString());
    JavaNames names = new JavaNames(spec);

    List<String> mismatches = new ArrayList<>();
    int checked = 0;
    for (var path : spec.getPaths().entrySet()) {
      if (DiffInput.modelOf(path.getKey()) != null) {
        continue;
      }
      for (var e : path.getValue().readOperationsMap().entrySet()) {
        Operation op = e.getValue();
        String label = e.getKey() + " " + path.getKey() + " " + names.qualifiedMethod(op);
        Method m = generated(names, op);
        if (m == null) {
          mismatches.add(label + ": no such generated method");
          continue;
        }
        String predicted = names.returnType(op) + "(" + String.join(", ", names.arguments(op).values()) + ")";
        String actual = actual(m);
        if (!matches(predicted, actual)) {
          mismatches.add(label + ":\n    predicted " + predicted + "\n    generated " + actual);
        }
        checked++;
      }
    }
    assertEquals(List.of(), mismatches, mismatches.size() + " of " + checked + " differ");
    assertTrue(checked >= 600, "checked " + checked);
  }

  private static Method generated(JavaNames names, Operation op) {
    try {
      Class<?> api = Class.forName("io.zenapi.zendesk.generated.api." + names.api(op));
      // the method with every argument: the overload without the params object is a default method
      return Arrays.stream(api.getMethods()).filter(m -> m.getName().equals(names.method(op)))
          .filter(m -> java.lang.reflect.Modifier.isAbstract(m.getModifiers())).findFirst().orElse(null);
    } catch (ClassNotFoundException e) {
      return null;
    }
  }

  private static String actual(Method m) {
    return render(m.getGenericReturnType()) + "(" + Arrays.stream(m.getGenericParameterTypes())
        .map(JavaNamesMatchGeneratorTest::render).collect(Collectors.joining(", ")) + ")";
  }

  private static String render(Type t) {
    if (t instanceof ParameterizedType p) {
      return ((Class<?>) p.getRawType()).getSimpleName() + "<" + Arrays.stream(p.getActualTypeArguments())
          .map(JavaNamesMatchGeneratorTest::render).collect(Collectors.joining(", ")) + ">";
    }
    if (t instanceof Class<?> c) {
      // a params class is nested in its interface: TicketsApi.ListTicketsParams
      return c.getDeclaringClass() == null || !c.getPackageName().startsWith("io.zenapi") ? c.getSimpleName()
          : c.getDeclaringClass().getSimpleName() + "." + c.getSimpleName();
    }
    return t.getTypeName();
  }

  /** An inline object's class name depends on where it sits; any generated model class stands for it. */
  private static boolean matches(String predicted, String actual) {
    String pattern = java.util.regex.Pattern.quote(predicted).replace("{inline object}", "\\E[A-Z][A-Za-z0-9]*\\Q");
    return actual.matches(pattern);
  }
}
