package io.zenapi.zendesk.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.zenapi.zendesk.ZendeskClient;
import io.zenapi.zendesk.errors.MalformedResponseException;
import io.zenapi.zendesk.internal.Exchange;
import io.zenapi.zendesk.internal.Json;
import io.zenapi.zendesk.transport.Harness;
import io.zenapi.zendesk.transport.RetryPolicy;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import retrofit2.Call;

/** Mutated 2xx spec examples (type flips, missing/extra fields, huge numbers, deep nesting, unknown values) via client.execute: parsed or MalformedResponseException, nothing else. */
class MutatedExamplesTest {
  static final long SEED = 20_260_427L;
  static final int RANDOM_PER_OPERATION = 3;
  private static final List<SpecOperations.Op> OPS = SpecOperations.withSuccessExamples();
  private static final Map<Mutator.Kind, int[]> COUNTS = Collections.synchronizedMap(new EnumMap<>(Mutator.Kind.class));
  private static final List<String> PROBLEMS = Collections.synchronizedList(new ArrayList<>());
  private static final AtomicInteger BASELINE_MALFORMED = new AtomicInteger();
  private static final AtomicInteger NO_BODY_TYPE = new AtomicInteger();
  private static Harness h;
  private static ZendeskClient client;
  private static long started;

  @BeforeAll
  static void start() {
    h = Harness.start();
    client = h.client(b -> b.retryPolicy(RetryPolicy.none()).logger(line -> { }));
    started = System.nanoTime();
  }

  @AfterAll
  static void stop() {
    long ms = (System.nanoTime() - started) / 1_000_000;
    if (h != null) {
      h.stop();
    }
    ReliabilityTable table = new ReliabilityTable("mutated spec examples", "mutation", "served", "parsed",
        "MalformedResponseException", "anything else");
    int total = 0;
    for (Mutator.Kind k : Mutator.Kind.values()) {
      int[] c = COUNTS.getOrDefault(k, new int[4]);
      total += c[0];
      table.add(k.label + (k.mustParse ? " (must parse)" : ""), Integer.toString(c[0]), Integer.toString(c[1]),
          Integer.toString(c[2]), Integer.toString(c[3]));
    }
    table.print(OPS.size() + " operations with a 2xx example (" + NO_BODY_TYPE.get() + " declare no body type, "
        + BASELINE_MALFORMED.get() + " do not parse their own example), " + total + " mutations, seed " + SEED
        + ", " + ms + " ms" + (PROBLEMS.isEmpty() ? "" : ", " + PROBLEMS.size() + " PROBLEMS"));
    PROBLEMS.forEach(p -> System.out.println("[reliability]   problem: " + p));
  }

  @TestFactory
  Stream<DynamicTest> everyOperationMutated() {
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < OPS.size(); i++) {
      SpecOperations.Op op = OPS.get(i);
      int index = i;
      tests.add(DynamicTest.dynamicTest(op.label(), () -> assertTimeoutPreemptively(Duration.ofSeconds(20),
          () -> mutateOperation(op, index))));
    }
    return tests.stream();
  }

  private static void mutateOperation(SpecOperations.Op op, int index) throws Throwable {
    Call<?> probe = call(op);
    Type type = Exchange.responseType(probe.request());
    if (type == Void.class) {
      NO_BODY_TYPE.incrementAndGet();
    }
    Outcome baseline = serve(op, op.example().toString(), type);
    if (baseline.escaped != null) {
      fail(op, "the unmutated example", baseline);
    }
    if (baseline.malformed != null) {
      BASELINE_MALFORMED.incrementAndGet();
    }
    Random random = new Random(SEED ^ op.id().hashCode());
    List<Mutator.Kind> kinds = new ArrayList<>();
    for (int j = 0; j < RANDOM_PER_OPERATION; j++) {
      kinds.add(Mutator.RANDOM_KINDS.get((RANDOM_PER_OPERATION * index + j) % Mutator.RANDOM_KINDS.size()));
    }
    kinds.add(Mutator.Kind.TYPED_FLIP);
    if (index % 5 == 0) {
      kinds.add(Mutator.Kind.DEEP_BEYOND_LIMIT); // every fifth operation: enough to show no StackOverflowError
    }
    List<String> failures = new ArrayList<>();
    for (Mutator.Kind kind : kinds) {
      Mutator.Mutation m = Mutator.mutate(kind, op.example(), type, random);
      Outcome o = serve(op, m.json(), type);
      int[] c = COUNTS.computeIfAbsent(m.kind(), k -> new int[4]);
      synchronized (c) {
        c[0]++;
        c[o.escaped != null ? 3 : o.malformed != null ? 2 : 1]++;
      }
      String what = m.kind().label + " at " + m.where();
      if (o.escaped != null) {
        failures.add(what + ": escaped " + FaultMatrixTest.trace(o.escaped));
      } else if (o.malformed != null && o.malformed.getMessage().contains(Mutator.MARK)) {
        failures.add(what + ": the message quotes the body: " + o.malformed.getMessage());
      } else if (o.malformed != null && m.kind().mustParse && baseline.malformed == null) {
        failures.add(what + ": must parse, got " + o.malformed.getMessage());
      } else if (o.malformed == null && m.keptString() != null && o.value != null
          && !Json.GSON.toJson(o.value).contains(m.keptString())) {
        failures.add(what + ": the unknown value was not kept");
      }
    }
    if (!failures.isEmpty()) {
      failures.forEach(f -> PROBLEMS.add(op.id() + ": " + f.lines().findFirst().orElse("")));
      throw new AssertionError(op.label() + ":\n" + String.join("\n", failures));
    }
  }

  private static void fail(SpecOperations.Op op, String what, Outcome o) {
    PROBLEMS.add(op.id() + ": " + what + " escaped " + o.escaped);
    throw new AssertionError(op.label() + ": " + what + ": escaped " + FaultMatrixTest.trace(o.escaped));
  }

  private record Outcome(Object value, MalformedResponseException malformed, Throwable escaped) {}

  private static Outcome serve(SpecOperations.Op op, String body, Type type) throws Throwable {
    h.server.resetAll();
    h.server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(op.status())
        .withHeader("Content-Type", "application/json; charset=utf-8").withBody(body)));
    Call<?> call = call(op);
    try {
      Object value = client.execute(call);
      assertEquals(1, h.server.getAllServeEvents().size(), "one request");
      return new Outcome(value, null, null);
    } catch (MalformedResponseException e) {
      return new Outcome(null, e, null);
    } catch (RuntimeException | StackOverflowError e) {
      return new Outcome(null, null, e);
    }
  }

  private static Call<?> call(SpecOperations.Op op) throws Throwable {
    return SpecOperations.call(client.api(op.generated().api()), op, Json.GSON);
  }
}
