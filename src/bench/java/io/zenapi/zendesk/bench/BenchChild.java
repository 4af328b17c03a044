package io.zenapi.zendesk.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;

/**
 * One contender in its own JVM: {@code BenchChild <contender> <origin> <tickets> <warmup> <passes>}. Runs the warm-up
 * passes, then the measured ones, and prints {@code RESULT <tickets/s> <bytes/ticket> <name>} (medians). A watchdog ends
 * the JVM if it runs past {@code bench.childTimeoutSeconds} (300).
 */
public final class BenchChild {
  private BenchChild() {}

  /** Entry point. */
  public static void main(String[] args) throws Exception {
    Watchdog.start(Long.getLong("bench.childTimeoutSeconds", 300), "contender " + args[0]);
    String origin = args[1];
    long tickets = Long.parseLong(args[2]);
    int warmup = Integer.parseInt(args[3]);
    int passes = Integer.parseInt(args[4]);
    double[] rates = new double[passes];
    double[] bytes = new double[passes];
    String name;
    try (Contender contender = create(args[0], origin)) {
      name = contender.name();
      for (int pass = -warmup; pass < passes; pass++) {
        System.gc();
        long allocated = allocatedBytes();
        long t0 = System.nanoTime();
        long n = contender.readAll();
        double seconds = (System.nanoTime() - t0) / 1e9;
        long used = allocatedBytes() - allocated;
        if (n != tickets) {
          throw new IllegalStateException(contender.name() + " read " + n + " tickets, expected " + tickets);
        }
        if (pass >= 0) {
          rates[pass] = n / seconds;
          bytes[pass] = (double) used / n;
        }
      }
    }
    System.out.printf(Locale.ROOT, "RESULT %.1f %.1f %s%n", median(rates), median(bytes), name);
    System.exit(0); // OkHttp's and the cloudbees client's pools must not keep the JVM
  }

  static Contender create(String name, String origin) {
    return switch (name) {
      case "bytes" -> new BytesFloor(origin);
      case "gson" -> new GsonFloor(origin);
      case "jackson" -> new JacksonFloor(origin);
      case "this" -> new ThisClient(origin, true);
      case "this-no-read-ahead" -> new ThisClient(origin, false);
      case "cloudbees" -> new Cloudbees(origin);
      default -> throw new IllegalArgumentException("no contender " + name);
    };
  }

  /** Bytes allocated so far by every live thread of this JVM (the caller's and OkHttp's). */
  static long allocatedBytes() {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long[] ids = threads.getAllThreadIds();
    return Arrays.stream(threads.getThreadAllocatedBytes(ids)).filter(b -> b > 0).sum();
  }

  static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }
}
