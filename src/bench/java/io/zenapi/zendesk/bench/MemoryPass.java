package io.zenapi.zendesk.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Child JVM of the benchmark (run with -Xmx64m): {@code MemoryPass <contender> <origin>} reads 1,000,000 tickets
 * and reports the largest live heap: the heap in use right after a full collection, asked for every 500 ms.
 */
public final class MemoryPass {
  private MemoryPass() {}

  /** Entry point. */
  public static void main(String[] args) throws Exception {
    Watchdog.start(600, "the memory pass");
    AtomicLong maxLive = new AtomicLong();
    Thread sampler = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        try {
          Thread.sleep(500);
        } catch (InterruptedException e) {
          return;
        }
        maxLive.accumulateAndGet(liveAfterFullGc(), Math::max);
      }
    }, "heap-sampler");
    sampler.setDaemon(true);
    sampler.start();
    long t0 = System.nanoTime();
    long count;
    String name;
    try (Contender contender = BenchChild.create(args[0], args[1])) {
      name = contender.name();
      count = contender.readAll();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    sampler.interrupt();
    System.out.printf(Locale.ROOT, "%-42s completed %,d tickets in %.1f s (%,.0f tickets/s) under -Xmx%d MB; largest"
            + " live heap after a full GC: %.1f MB%n", name, count, seconds, count / seconds,
        Runtime.getRuntime().maxMemory() / (1024 * 1024), maxLive.get() / (1024.0 * 1024));
    System.exit(count == 1_000_000 ? 0 : 2);
  }

  /** Heap in use right after a full collection (asked for every 500 ms while the pass runs). */
  private static long liveAfterFullGc() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
