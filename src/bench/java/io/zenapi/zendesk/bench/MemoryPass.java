package io.zenapi.zendesk.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Child JVM of the benchmark (run with -Xmx64m): {@code MemoryPass <contender> <origin>} reads 1,000,000 tickets
 * and reports the largest live heap after a collection, sampled every 20 ms.
 */
public final class MemoryPass {
  private MemoryPass() {}

  /** Entry point. */
  public static void main(String[] args) throws Exception {
    Watchdog.start(600, "the memory pass");
    AtomicLong maxLive = new AtomicLong();
    Thread sampler = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        maxLive.accumulateAndGet(liveAfterLastGc(), Math::max);
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          return;
        }
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
    maxLive.accumulateAndGet(liveAfterLastGc(), Math::max);
    System.out.printf(Locale.ROOT, "%-42s completed %,d tickets in %.1f s (%,.0f tickets/s) under -Xmx%d MB; largest"
            + " live heap after GC: %.1f MB%n", name, count, seconds, count / seconds,
        Runtime.getRuntime().maxMemory() / (1024 * 1024), maxLive.get() / (1024.0 * 1024));
    System.exit(count == 1_000_000 ? 0 : 2);
  }

  /** Heap in use right after the last collection, summed over heap pools. */
  private static long liveAfterLastGc() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
        sum += pool.getCollectionUsage().getUsed();
      }
    }
    return sum;
  }
}
