package io.zenapi.zendesk.bench;

import io.zenapi.zendesk.ZendeskClient;
import io.zenapi.zendesk.auth.Credentials;
import io.zenapi.zendesk.jobs.WaitPolicy;
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
 * {@code make bench}. Three parts, each bounded by a watchdog:
 * <ol>
 *   <li>Pagination: 100,000 tickets (about 40 fields, custom fields of every shape, non-ASCII text, 64-bit ids),
 *       100 a page, read by each contender in its own JVM ({@link BenchChild}), contenders alternating over
 *       {@code bench.rounds} rounds: the limit (bytes read and discarded), the floor (the OkHttp + Gson loop a user
 *       writes, into a POJO with string timestamps), the same loop with Jackson, this client's {@code paginate()}
 *       with and without read-ahead, and the cloudbees client. Median tickets/s and bytes allocated per ticket
 *       (every live thread of the contender's JVM); the server has its own JVM.</li>
 *   <li>Jobs: 250 jobs that complete after a random 1 to 5 polls, awaited with {@code awaitAll}.</li>
 *   <li>Memory: 1,000,000 tickets under {@code -Xmx64m}, through {@code paginate()} and through the floor.</li>
 * </ol>
 * The child JVMs get the benchmark's own class path ({@code bench.classpath}: the project's classes and its
 * runtime and test dependencies, without the build tools' provided-scope ones). System properties:
 * {@code bench.tickets} (100000), {@code bench.rounds} (3), {@code bench.warmup} (3), {@code bench.passes} (3),
 * {@code bench.parts} ({@code pagination,jobs,memory}).
 */
public final class Bench {
  static final List<String> CONTENDERS = List.of("bytes", "gson", "jackson", "this", "this-no-read-ahead",
      "cloudbees");

  private Bench() {}

  /** Entry point. */
  public static void main(String[] args) throws Exception {
    Watchdog.start(Long.getLong("bench.timeoutSeconds", 1800), "the benchmark");
    long tickets = Long.getLong("bench.tickets", 100_000);
    int rounds = Integer.getInteger("bench.rounds", 3);
    int warmup = Integer.getInteger("bench.warmup", 3);
    int passes = Integer.getInteger("bench.passes", 3);
    System.out.printf("Machine: %d cores, Java %s, %s; loopback only, shared machine: expect noise%n",
        Runtime.getRuntime().availableProcessors(), Runtime.version(), System.getProperty("os.name"));

    String parts = System.getProperty("bench.parts", "pagination,jobs,memory");
    try (Server server = Server.start(tickets)) {
      if (parts.contains("pagination")) {
        pagination(server.origin(), tickets, rounds, warmup, passes);
      }
      if (parts.contains("jobs")) {
        jobs(server.origin());
      }
    }
    if (parts.contains("memory")) {
      memoryPass();
    }
  }

  private static void pagination(String origin, long tickets, int rounds, int warmup, int passes) throws Exception {
    System.out.printf("%nPagination: %,d tickets, 100 a page; each contender in its own JVM (%d warm-up + %d measured"
        + " passes), %d rounds, alternating%n", tickets, warmup, passes, rounds);
    double[][] rates = new double[CONTENDERS.size()][rounds];
    double[][] bytes = new double[CONTENDERS.size()][rounds];
    String[] names = new String[CONTENDERS.size()];
    for (int round = 0; round < rounds; round++) {
      for (int k = 0; k < CONTENDERS.size(); k++) {
        int c = Math.floorMod(k + round, CONTENDERS.size()); // rotate who goes first
        Result result = child(CONTENDERS.get(c), origin, tickets, warmup, passes);
        rates[c][round] = result.rate();
        bytes[c][round] = result.bytes();
        names[c] = result.name();
        System.out.print(".");
      }
    }
    System.out.println();
    int floor = CONTENDERS.indexOf("gson");
    double floorRate = BenchChild.median(rates[floor]);
    double floorBytes = BenchChild.median(bytes[floor]);
    System.out.printf("%-42s %12s %14s %12s %12s %22s%n", "contender", "tickets/s", "bytes/ticket", "time/floor",
        "bytes/floor", "spread (tickets/s)");
    for (int c = 0; c < CONTENDERS.size(); c++) {
      double rate = BenchChild.median(rates[c]);
      double b = BenchChild.median(bytes[c]);
      System.out.printf(Locale.ROOT, "%-42s %,12.0f %,14.0f %12.2f %12.2f %22s%n", names[c], rate,
          b, floorRate / rate, b / floorBytes, range(rates[c]));
    }
    int ours = CONTENDERS.indexOf("this");
    double rate = BenchChild.median(rates[ours]);
    System.out.printf(Locale.ROOT, "paginate(): %.2fx the floor's time (target <= 0.80), %.2fx its bytes per ticket"
            + " (target <= 1.00), %.2fx the cloudbees client's throughput (target >= 1.50)%n",
        floorRate / rate, BenchChild.median(bytes[ours]) / floorBytes,
        rate / BenchChild.median(rates[CONTENDERS.indexOf("cloudbees")]));
  }

  /** What one contender's JVM reported. */
  private record Result(double rate, double bytes, String name) {}

  /** Runs one contender in a fresh JVM; returns its tickets/s, bytes/ticket and name. */
  private static Result child(String contender, String origin, long tickets, int warmup, int passes)
      throws Exception {
    Process p = new ProcessBuilder(java(), "-Xmx1g", "-cp", childClassPath(), BenchChild.class.getName(), contender,
        origin, Long.toString(tickets), Integer.toString(warmup), Integer.toString(passes))
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (!p.waitFor(10, java.util.concurrent.TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException("contender " + contender + " did not finish");
    }
    for (String line : out.split("\n")) {
      if (line.startsWith("RESULT ")) {
        String[] f = line.split(" ", 4);
        return new Result(Double.parseDouble(f[1]), Double.parseDouble(f[2]), f[3]);
      }
    }
    throw new IllegalStateException("contender " + contender + " exited " + p.exitValue() + " without a result:\n"
        + out);
  }

  /**
   * The class path of the child JVMs: {@code bench.classes} plus the dependency list in {@code bench.classpathFile}
   * (written by the bench profile's maven-dependency-plugin, provided scope excluded), else this JVM's.
   */
  static String childClassPath() {
    String file = System.getProperty("bench.classpathFile");
    if (file == null) {
      return System.getProperty("java.class.path");
    }
    try {
      return System.getProperty("bench.classes") + java.io.File.pathSeparator + Files.readString(Path.of(file)).trim();
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot read the bench class path from " + file, e);
    }
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
    System.out.printf("%nMemory: 1,000,000 tickets in a JVM with -Xmx64m%n");
    try (Server big = Server.start(1_000_000)) {
      for (String contender : List.of("this", "gson")) {
        Process child = new ProcessBuilder(java(), "-Xmx64m", "-cp", childClassPath(), MemoryPass.class.getName(),
            contender, big.origin()).inheritIO().start();
        if (!child.waitFor(10, java.util.concurrent.TimeUnit.MINUTES)) {
          child.destroyForcibly();
          throw new IllegalStateException("the -Xmx64m pass of " + contender + " did not finish");
        }
        if (child.exitValue() != 0) {
          throw new IllegalStateException("the -Xmx64m pass of " + contender + " failed with exit code "
              + child.exitValue());
        }
      }
    }
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
      Process p = new ProcessBuilder(java(), "-Xmx1g", "-Dsun.net.httpserver.nodelay=true", "-cp", childClassPath(),
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
