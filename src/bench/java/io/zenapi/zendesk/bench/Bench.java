package io.zenapi.zendesk.bench;

import io.zenapi.zendesk.ZendeskClient;
import io.zenapi.zendesk.auth.Credentials;
import io.zenapi.zendesk.jobs.WaitPolicy;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code make bench}. Three parts, each bounded:
 * <ol>
 *   <li>Pagination: 100,000 tickets, 100 a page, read in alternating passes by the floor (OkHttp + Gson), this
 *       client's {@code paginate()} and the cloudbees client; median tickets/s and bytes allocated per ticket (all
 *       threads of this JVM; the server has its own JVM).</li>
 *   <li>Memory: 1,000,000 tickets through {@code paginate()} in a child JVM with {@code -Xmx64m}.</li>
 *   <li>Jobs: 250 jobs that complete after a random 1 to 5 polls, awaited with {@code awaitAll}.</li>
 * </ol>
 * System properties: {@code bench.tickets} (100000), {@code bench.warmup} (2), {@code bench.passes} (5).
 */
public final class Bench {
  private Bench() {}

  /** Entry point. */
  public static void main(String[] args) throws Exception {
    long tickets = Long.getLong("bench.tickets", 100_000);
    int warmup = Integer.getInteger("bench.warmup", 2);
    int passes = Integer.getInteger("bench.passes", 5);
    System.out.printf("Machine: %d cores, Java %s, %s; loopback only, shared machine: expect noise%n",
        Runtime.getRuntime().availableProcessors(), Runtime.version(), System.getProperty("os.name"));

    try (Server server = Server.start(tickets)) {
      pagination(server.origin(), tickets, warmup, passes);
      jobs(server.origin());
    }
    memoryPass();
  }

  private static void pagination(String origin, long tickets, int warmup, int passes) throws Exception {
    System.out.printf("%nPagination: %,d tickets, 100 a page, %d warm-up + %d measured passes each, alternating%n",
        tickets, warmup, passes);
    List<Contender> contenders = List.of(new Floor(origin), new ThisClient(origin), new Cloudbees(origin));
    double[][] rates = new double[contenders.size()][passes];
    double[][] bytes = new double[contenders.size()][passes];
    for (int pass = -warmup; pass < passes; pass++) {
      for (int k = 0; k < contenders.size(); k++) {
        int c = Math.floorMod(k + pass, contenders.size()); // rotate who goes first
        Contender contender = contenders.get(c);
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
          rates[c][pass] = n / seconds;
          bytes[c][pass] = (double) used / n;
        }
      }
      System.out.print(pass < 0 ? "w" : ".");
    }
    System.out.println();
    for (Contender c : contenders) {
      c.close();
    }
    double floorRate = median(rates[0]);
    double floorBytes = median(bytes[0]);
    System.out.printf("%-38s %12s %14s %12s %12s%n", "contender", "tickets/s", "bytes/ticket", "time/floor",
        "bytes/floor");
    for (int c = 0; c < contenders.size(); c++) {
      double rate = median(rates[c]);
      double b = median(bytes[c]);
      System.out.printf(Locale.ROOT, "%-38s %,12.0f %,14.0f %12.2f %12.2f%n", contenders.get(c).name(), rate, b,
          floorRate / rate, b / floorBytes);
    }
    double ours = median(rates[1]);
    System.out.printf(Locale.ROOT, "paginate(): %.2fx the floor's throughput (target >= 0.90), %.2fx cloudbees'"
            + " (target >= 1.25), %.2fx the floor's bytes per ticket (target <= 1.20)%n",
        ours / floorRate, ours / median(rates[2]), median(bytes[1]) / floorBytes);
    System.out.printf(Locale.ROOT, "spread (min-max tickets/s): floor %s, paginate() %s, cloudbees %s%n",
        range(rates[0]), range(rates[1]), range(rates[2]));
  }

  private static void jobs(String origin) throws Exception {
    System.out.printf("%nJobs: 250 jobs completing after a random 1-5 polls, awaitAll%n");
    List<String> log = new CopyOnWriteArrayList<>();
    AtomicInteger rounds = new AtomicInteger(1);
    List<Integer> perRound = new CopyOnWriteArrayList<>();
    perRound.add(0);
    try (ZendeskClient client = ZendeskClient.builder().baseUrl(origin).credentials(Credentials.basic("a", "p"))
        .logger(line -> {
          if (line.contains("/api/v2/job_statuses")) {
            perRound.set(perRound.size() - 1, perRound.get(perRound.size() - 1) + 1);
          }
          log.add(line);
        })
        .sleeper(d -> {
          rounds.incrementAndGet();
          perRound.add(0);
          Thread.sleep(d.toMillis());
        }).build()) {
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 250; i++) {
        ids.add("bench-job-" + i);
      }
      long t0 = System.nanoTime();
      client.jobs().awaitAll(ids, WaitPolicy.builder().initialDelay(Duration.ofMillis(100)).multiplier(1.5)
          .maxDelay(Duration.ofSeconds(1)).timeout(Duration.ofMinutes(2)).build());
      double seconds = (System.nanoTime() - t0) / 1e9;
      int requests = perRound.stream().mapToInt(Integer::intValue).sum();
      System.out.printf(Locale.ROOT, "250 jobs completed: %d requests in %d polling rounds (at most %d a round,"
              + " target <= 3), %.2f s wall time; one request per job per round would have been %d%n",
          requests, rounds.get(), perRound.stream().mapToInt(Integer::intValue).max().orElse(0), seconds,
          expectedNaive());
    }
  }

  /** Requests a per-job poller (GET job_statuses/{id} per job per round) would make on the same server. */
  private static int expectedNaive() {
    int total = 0;
    for (int i = 0; i < 250; i++) {
      total += 1 + new java.util.Random(("bench-job-" + i).hashCode()).nextInt(5);
    }
    return total;
  }

  private static void memoryPass() throws Exception {
    System.out.printf("%nMemory: 1,000,000 tickets through paginate() in a JVM with -Xmx64m%n");
    try (Server big = Server.start(1_000_000)) {
      Process child = new ProcessBuilder(java(), "-Xmx64m", "-cp", System.getProperty("java.class.path"),
          MemoryPass.class.getName(), big.origin()).inheritIO().start();
      int code = child.waitFor();
      if (code != 0) {
        throw new IllegalStateException("the -Xmx64m pass failed with exit code " + code);
      }
    }
  }

  static long allocatedBytes() {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long[] ids = threads.getAllThreadIds();
    return Arrays.stream(threads.getThreadAllocatedBytes(ids)).filter(b -> b > 0).sum();
  }

  private static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  private static String range(double[] values) {
    return String.format(Locale.ROOT, "%,.0f-%,.0f", Arrays.stream(values).min().orElse(0),
        Arrays.stream(values).max().orElse(0));
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** A {@link BenchServer} in its own JVM. */
  record Server(Process process, String origin) implements AutoCloseable {
    static Server start(long tickets) throws Exception {
      Path portFile = Files.createTempFile("bench-port", ".txt");
      Files.delete(portFile);
      Process p = new ProcessBuilder(java(), "-Xmx1g", "-Dsun.net.httpserver.nodelay=true", "-cp", System.getProperty("java.class.path"),
          BenchServer.class.getName(), Long.toString(tickets), portFile.toString()).inheritIO().start();
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!Files.exists(portFile) || Files.readString(portFile).isBlank()) {
        if (System.nanoTime() > deadline || !p.isAlive()) {
          p.destroyForcibly();
          throw new IllegalStateException("the benchmark server did not start");
        }
        Thread.sleep(50);
      }
      String port = Files.readString(portFile).trim();
      Files.delete(portFile);
      return new Server(p, "http://127.0.0.1:" + port);
    }

    @Override
    public void close() throws InterruptedException {
      process.destroy();
      process.waitFor();
    }
  }
}
