package io.zenapi.zendesk.bench;

import io.zenapi.zendesk.ZendeskClient;
import io.zenapi.zendesk.auth.Credentials;
import io.zenapi.zendesk.generated.api.TicketsApi;
import io.zenapi.zendesk.generated.model.TicketObject;
import io.zenapi.zendesk.generated.model.TicketsResponse;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;

/** Child JVM of the benchmark (run with -Xmx64m): reads 1,000,000 tickets and reports the largest live heap. */
public final class MemoryPass {
  private MemoryPass() {}

  /** Entry point: {@code MemoryPass <origin>}. */
  public static void main(String[] args) {
    long t0 = System.nanoTime();
    long count = 0;
    long maxLive = 0;
    try (ZendeskClient client = ZendeskClient.builder().baseUrl(args[0]).credentials(Credentials.basic("a", "p"))
        .build()) {
      TicketsApi api = client.api(TicketsApi.class);
      for (TicketObject t : client.paginate(api.listTickets(), TicketsResponse::getTickets)) {
        count += t.getId() > 0 ? 1 : 0;
        if (count % 10_000 == 0) {
          maxLive = Math.max(maxLive, liveAfterLastGc());
        }
      }
    }
    System.gc();
    maxLive = Math.max(maxLive, liveAfterLastGc());
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf(Locale.ROOT, "completed: %,d tickets in %.1f s (%,.0f tickets/s) under -Xmx%d MB; largest"
            + " live heap after GC: %.1f MB%n", count, seconds, count / seconds,
        Runtime.getRuntime().maxMemory() / (1024 * 1024), maxLive / (1024.0 * 1024));
    if (count != 1_000_000) {
      System.exit(2);
    }
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
