package io.zenapi.zendesk.jobs;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.zenapi.zendesk.ZendeskClient;
import io.zenapi.zendesk.auth.Credentials;
import io.zenapi.zendesk.errors.JobFailedException;
import io.zenapi.zendesk.errors.JobTimeoutException;
import io.zenapi.zendesk.generated.model.JobStatusObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

// Covers Jobs.awaitAll over many jobs: show_many batching (<= 100 ids, <= 3 requests a round), only unfinished ids, order, waits.
class JobsAwaitAllTest {
  private static final String SHOW_MANY = "/api/v2/job_statuses/show_many";
  private static final String AUTH = "Basic " + Base64.getEncoder()
      .encodeToString("agent@example.com:pw".getBytes(StandardCharsets.UTF_8));
  private static final JobFarm FARM = new JobFarm();
  private static WireMockServer server;

  private MutableClock clock;
  private RecordingSleeper sleeper;
  private ZendeskClient client;
  /** How many requests the server had seen when each wait began: the boundaries of the polling rounds. */
  private final List<Integer> roundEnds = Collections.synchronizedList(new ArrayList<>());

  /**
   * Plays Zendesk's job statuses: each job ends after a set number of polls; before that it is queued (first poll)
   * or working. Answers show_many (statuses in reverse order of the ids asked, as Zendesk does not promise one) and
   * the single-job endpoint, and records the ids of every request.
   */
  static final class JobFarm implements ResponseDefinitionTransformerV2 {
    private final Map<String, Integer> pollsNeeded = new HashMap<>();
    private final Map<String, String> endState = new HashMap<>();
    private final Map<String, Integer> polls = new HashMap<>();
    private final List<List<String>> asked = new ArrayList<>();

    synchronized void reset(Map<String, Integer> needed, Map<String, String> ends) {
      pollsNeeded.clear();
      pollsNeeded.putAll(needed);
      endState.clear();
      endState.putAll(ends);
      polls.clear();
      asked.clear();
    }

    synchronized List<List<String>> asked() {
      return List.copyOf(asked);
    }

    synchronized int requestCount() {
      return asked.size();
    }

    synchronized int pollsOf(String id) {
      return polls.getOrDefault(id, 0);
    }

    @Override
    public synchronized ResponseDefinition transform(ServeEvent event) {
      LoggedRequest r = event.getRequest();
      boolean many = r.getUrl().startsWith(SHOW_MANY);
      List<String> ids = many ? Arrays.asList(r.queryParameter("ids").firstValue().split(",", -1))
          : List.of(r.getUrl().substring("/api/v2/job_statuses/".length()));
      asked.add(ids);
      List<String> statuses = new ArrayList<>();
      for (String id : ids) {
        Integer needed = pollsNeeded.get(id);
        if (needed == null) {
          continue; // Zendesk leaves out ids it does not know
        }
        int n = polls.merge(id, 1, Integer::sum);
        String state = n >= needed ? endState.getOrDefault(id, "completed") : n == 1 ? "queued" : "working";
        statuses.add("{\"id\":\"" + id + "\",\"job_type\":\"bulk_update\",\"status\":\"" + state + "\",\"progress\":"
            + Math.min(n, needed) + ",\"total\":" + needed + ",\"results\":"
            + ("completed".equals(state) ? "[{\"id\":" + (1000 + n) + ",\"status\":\"Updated\"}]"
            : "failed".equals(state) ? "[{\"id\":1,\"error\":\"TicketUpdateFailed\"}]" : "null") + "}");
      }
      Collections.reverse(statuses);
      String body = many ? "{\"job_statuses\":[" + String.join(",", statuses) + "]}"
          : "{\"job_status\":" + (statuses.isEmpty() ? "null" : statuses.get(0)) + "}";
      return new ResponseDefinitionBuilder().withStatus(200)
          .withHeader("Content-Type", "application/json").withBody(body).build();
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }

    @Override
    public String getName() {
      return "job-farm";
    }
  }

  @BeforeAll
  static void start() {
    server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1")
        .extensions(FARM));
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @BeforeEach
  void setUp() {
    server.resetAll();
    server.stubFor(get(urlPathMatching("/api/v2/job_statuses/.+"))
        .willReturn(WireMock.aResponse().withTransformers("job-farm")));
    clock = new MutableClock(Instant.parse("2025-03-01T12:00:00Z"));
    sleeper = new RecordingSleeper(clock);
    sleeper.beforeEachWait(d -> roundEnds.add(FARM.requestCount()));
    client = ZendeskClient.builder()
        .baseUrl(server.baseUrl())
        .credentials(Credentials.basic("agent@example.com", "pw"))
        .sleeper(sleeper)
        .clock(clock)
        .logger(line -> { })
        .build();
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  private static WaitPolicy policy(long initialMs, double multiplier, long maxMs, long timeoutMs) {
    return WaitPolicy.builder().initialDelay(Duration.ofMillis(initialMs)).multiplier(multiplier)
        .maxDelay(Duration.ofMillis(maxMs)).timeout(Duration.ofMillis(timeoutMs)).build();
  }

  /** {@code n} distinct job ids, shuffled so that the order given is not sorted. */
  private static List<String> jobIds(int n, Random random) {
    List<String> ids = new ArrayList<>(IntStream.range(0, n)
        .mapToObj(i -> String.format("%032x", 0xabc0000L + i * 7919L)).toList());
    Collections.shuffle(ids, random);
    return ids;
  }

  /** The requests of each polling round, split at the waits. */
  private List<List<List<String>>> rounds() {
    List<List<String>> all = FARM.asked();
    List<List<List<String>>> rounds = new ArrayList<>();
    int from = 0;
    List<Integer> ends = new ArrayList<>(roundEnds);
    ends.add(all.size());
    for (int end : ends) {
      rounds.add(all.subList(from, end));
      from = end;
    }
    return rounds;
  }

  /** Each server request is a GET of show_many with ids (and nothing else) and the client's credentials. */
  private static void assertAllRequestsAreShowMany(int expected) {
    List<LoggedRequest> all = server.findAll(anyRequestedFor(anyUrl()));
    assertEquals(expected, all.size());
    for (LoggedRequest r : all) {
      assertEquals("GET", r.getMethod().value());
      assertEquals(SHOW_MANY, r.getUrl().substring(0, r.getUrl().indexOf('?')));
      assertEquals(Set.of("ids"), r.getQueryParams().keySet());
      assertEquals(AUTH, r.getHeader("Authorization"));
    }
  }

  // ---- 4. 250 jobs ---------------------------------------------------------------------------------------------

  @Test
  void twoHundredFiftyJobsArePolledInBatchesOfAtMostOneHundredUnfinishedIds() {
    Random random = new Random(20250301L);
    List<String> ids = jobIds(250, random);
    Map<String, Integer> needed = new LinkedHashMap<>();
    ids.forEach(id -> needed.put(id, 1 + random.nextInt(5)));
    assertEquals(Set.of(1, 2, 3, 4, 5), Set.copyOf(needed.values()), "the seed gives every poll count");
    FARM.reset(needed, Map.of());

    List<JobStatusObject> done = client.jobs().awaitAll(ids, policy(1000, 2.0, 3000, 600_000));

    // the result: every job completed, in the order given
    assertEquals(ids, done.stream().map(JobStatusObject::getId).toList());
    assertTrue(done.stream().allMatch(s -> "completed".equals(s.getStatus())));
    for (JobStatusObject s : done) {
      assertEquals(needed.get(s.getId()).longValue(), s.getProgress(), "the status of the job's last poll");
      assertEquals(needed.get(s.getId()), FARM.pollsOf(s.getId()), "polled until it ended, then no more");
    }

    // the rounds: round r asks, in at most 3 requests of at most 100 ids, about exactly the jobs unfinished so far
    List<List<List<String>>> rounds = rounds();
    assertEquals(5, rounds.size(), "the slowest job needs 5 polls");
    int requests = 0;
    for (int r = 0; r < rounds.size(); r++) {
      int round = r + 1;
      List<String> unfinished = ids.stream().filter(id -> needed.get(id) >= round).toList();
      List<List<String>> batches = rounds.get(r);
      assertEquals((unfinished.size() + 99) / 100, batches.size(), "round " + round + " requests");
      assertTrue(batches.size() <= 3, "round " + round);
      batches.forEach(b -> assertTrue(b.size() <= 100 && !b.isEmpty(), "round " + round + ": " + b.size() + " ids"));
      List<String> askedInRound = batches.stream().flatMap(List::stream).toList();
      assertEquals(askedInRound.size(), new HashSet<>(askedInRound).size(), "round " + round + ": an id twice");
      assertEquals(Set.copyOf(unfinished), Set.copyOf(askedInRound), "round " + round + ": only unfinished jobs");
      requests += batches.size();
    }
    assertEquals(3, rounds.get(0).size());
    assertAllRequestsAreShowMany(requests);

    assertEquals(List.of(Duration.ofMillis(1000), Duration.ofMillis(2000), Duration.ofMillis(3000),
        Duration.ofMillis(3000)), sleeper.waits());
  }

  @Test
  void theIdsOfABatchTravelAsOneCommaSeparatedQueryParameter() {
    FARM.reset(Map.of("a1", 1, "b2", 2, "c3", 2), Map.of());

    List<JobStatusObject> done = client.jobs().awaitAll(List.of("c3", "a1", "b2"), policy(1000, 2.0, 3000, 60_000));

    assertEquals(List.of("c3", "a1", "b2"), done.stream().map(JobStatusObject::getId).toList());
    List<LoggedRequest> all = server.findAll(anyRequestedFor(anyUrl()));
    assertEquals(2, all.size());
    assertEquals("c3,a1,b2", all.get(0).queryParameter("ids").firstValue());
    assertEquals("c3,b2", all.get(1).queryParameter("ids").firstValue());
    assertEquals(List.of(Duration.ofMillis(1000)), sleeper.waits());
    assertAllRequestsAreShowMany(2);
  }

  @Test
  void duplicatesAreAskedAndReturnedOnce() {
    FARM.reset(Map.of("a1", 1, "b2", 1), Map.of());

    List<JobStatusObject> done = client.jobs().awaitAll(List.of("b2", "a1", "b2"), policy(1000, 2.0, 3000, 60_000));

    assertEquals(List.of("b2", "a1"), done.stream().map(JobStatusObject::getId).toList());
    assertEquals(List.of(List.of("b2", "a1")), FARM.asked());
    assertAllRequestsAreShowMany(1);
  }

  @Test
  void aFailedJobAmongManyIsReportedAfterAllHaveEnded() {
    Random random = new Random(7L);
    List<String> ids = jobIds(150, random);
    Map<String, Integer> needed = new LinkedHashMap<>();
    ids.forEach(id -> needed.put(id, 1 + random.nextInt(3)));
    String failing = ids.get(40);
    needed.put(failing, 1);
    FARM.reset(needed, Map.of(failing, "failed"));

    JobFailedException e = assertThrows(JobFailedException.class,
        () -> client.jobs().awaitAll(ids, policy(500, 2.0, 3000, 60_000)));

    assertEquals(failing, e.status().getId());
    assertEquals(1, e.failedJobs().size());
    assertEquals(ids, e.allJobs().stream().map(JobStatusObject::getId).toList());
    assertEquals(149, e.allJobs().stream().filter(s -> "completed".equals(s.getStatus())).count());
    assertEquals(List.of(Map.of("id", 1L, "error", "TicketUpdateFailed")), e.itemErrors());
    assertEquals(1, FARM.pollsOf(failing), "a failed job is not polled again");
    ids.forEach(id -> assertEquals(needed.get(id), FARM.pollsOf(id), id));
    assertEquals(List.of(Duration.ofMillis(500), Duration.ofMillis(1000)), sleeper.waits());
  }

  @Test
  void aTimeoutCarriesTheLastStatusOfEachUnfinishedJob() {
    List<String> ids = jobIds(120, new Random(3L));
    Map<String, Integer> needed = new LinkedHashMap<>();
    ids.forEach(id -> needed.put(id, 2));
    Set<String> stuck = Set.of(ids.get(5), ids.get(110));
    stuck.forEach(id -> needed.put(id, 1_000));
    FARM.reset(needed, Map.of());

    JobTimeoutException e = assertThrows(JobTimeoutException.class,
        () -> client.jobs().awaitAll(ids, policy(1000, 2.0, 4000, 10_000)));

    assertEquals(List.of(ids.get(5), ids.get(110)), e.lastStatuses().stream().map(JobStatusObject::getId).toList());
    assertTrue(e.lastStatuses().stream().allMatch(s -> "working".equals(s.getStatus()) && s.getProgress() == 5L));
    assertEquals(List.of(Duration.ofMillis(1000), Duration.ofMillis(2000), Duration.ofMillis(4000),
        Duration.ofMillis(3000)), sleeper.waits());
    assertTrue(sleeper.total().compareTo(Duration.ofSeconds(10)) <= 0);
    // rounds 1 and 2: 100 + 20 ids; later rounds only the stuck two, in one request
    assertEquals(List.of(100, 20, 100, 20, 2, 2, 2), FARM.asked().stream().map(List::size).toList());
  }

  @Test
  void awaitAllAsyncCompletesWithEveryStatus() throws Exception {
    FARM.reset(Map.of("a1", 2, "b2", 3), Map.of());

    CompletableFuture<List<JobStatusObject>> f = client.jobs().awaitAllAsync(List.of("a1", "b2"),
        policy(1000, 2.0, 3000, 60_000));

    List<JobStatusObject> done = f.get(10, TimeUnit.SECONDS);
    assertEquals(List.of("a1", "b2"), done.stream().map(JobStatusObject::getId).toList());
    assertFalse(done.stream().anyMatch(s -> !"completed".equals(s.getStatus())));
    assertEquals(List.of(List.of("a1", "b2"), List.of("a1", "b2"), List.of("b2")),
        FARM.asked().stream().map(l -> l.stream().sorted().collect(Collectors.toList())).toList());
  }

  @Test
  void awaitAllAsyncWorksOnACopyOfTheIdsGiven() throws Exception {
    FARM.reset(Map.of("a1", 1, "b2", 2), Map.of());
    List<String> ids = new ArrayList<>(List.of("a1", "b2"));

    CompletableFuture<List<JobStatusObject>> f = client.jobs().awaitAllAsync(ids, policy(1000, 2.0, 3000, 60_000));
    ids.clear();

    assertEquals(List.of("a1", "b2"), f.get(10, TimeUnit.SECONDS).stream().map(JobStatusObject::getId).toList());
  }
}
