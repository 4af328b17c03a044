package io.zenapi.zendesk.jobs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.zenapi.zendesk.ZendeskClient;
import io.zenapi.zendesk.auth.Credentials;
import io.zenapi.zendesk.errors.JobFailedException;
import io.zenapi.zendesk.errors.JobTimeoutException;
import io.zenapi.zendesk.errors.NotFoundException;
import io.zenapi.zendesk.generated.model.JobResult;
import io.zenapi.zendesk.generated.model.JobStatusObject;
import io.zenapi.zendesk.transport.RetryPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

// Covers Jobs.await / awaitAsync for one job over WireMock: states, failures, timeout, transient errors, waits, bad input.
class JobsAwaitTest {
  private static final String JOB = "8b726e606741012ffc2d782bcb7848fe";
  private static final String JOB_PATH = "/api/v2/job_statuses/" + JOB;
  private static final String AUTH = "Basic " + Base64.getEncoder()
      .encodeToString("agent@example.com:pw".getBytes(StandardCharsets.UTF_8));
  private static WireMockServer server;

  private MutableClock clock;
  private RecordingSleeper sleeper;
  private ZendeskClient client;

  @BeforeAll
  static void start() {
    server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @BeforeEach
  void setUp() {
    server.resetAll();
    clock = new MutableClock(Instant.parse("2025-03-01T12:00:00Z"));
    sleeper = new RecordingSleeper(clock);
    client = newClient(RetryPolicy.defaults());
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  private ZendeskClient newClient(RetryPolicy retry) {
    return ZendeskClient.builder()
        .baseUrl(server.baseUrl())
        .credentials(Credentials.basic("agent@example.com", "pw"))
        .retryPolicy(retry)
        .sleeper(sleeper)
        .clock(clock)
        .logger(line -> { })
        .build();
  }

  // ---- stubs and assertions ----------------------------------------------------------------------------------

  private static String status(String state, long progress, String results) {
    return "{\"job_status\":{\"id\":\"" + JOB + "\",\"job_type\":\"bulk_update\",\"status\":\"" + state
        + "\",\"progress\":" + progress + ",\"total\":3,\"url\":\"https://acme.zendesk.com/api/v2/job_statuses/"
        + JOB + ".json\",\"message\":" + ("failed".equals(state) ? "\"Failed: 1 of 3 items\"" : "null")
        + ",\"results\":" + results + "}}";
  }

  private static ResponseDefinitionBuilder json(int code, String body) {
    return aResponse().withStatus(code).withHeader("Content-Type", "application/json; charset=utf-8").withBody(body);
  }

  /** GET {path} answers each response in turn; the last one repeats. */
  private static void stubPolls(String path, ResponseDefinitionBuilder... responses) {
    for (int i = 0; i < responses.length; i++) {
      var stub = get(urlPathEqualTo(path)).inScenario("job").whenScenarioStateIs(i == 0 ? STARTED : "poll-" + i)
          .willReturn(responses[i]);
      if (i < responses.length - 1) {
        stub = stub.willSetStateTo("poll-" + (i + 1));
      }
      server.stubFor(stub);
    }
  }

  /** Every request the server saw, oldest first. */
  private static List<LoggedRequest> requests() {
    return server.findAll(anyRequestedFor(anyUrl()));
  }

  /** Exactly {@code n} requests, each GET {@link #JOB_PATH} without a query or body, with the client's credentials. */
  private static void assertPolls(int n) {
    List<LoggedRequest> all = requests();
    assertEquals(n, all.size(), "requests: " + all.stream().map(LoggedRequest::getUrl).toList());
    for (LoggedRequest r : all) {
      assertEquals("GET", r.getMethod().value());
      assertEquals(JOB_PATH, r.getUrl(), "no query string");
      assertEquals(AUTH, r.getHeader("Authorization"));
      assertEquals(0, r.getBody().length);
    }
  }

  /** A status as a bulk call returns it (its fields are read-only: only the generated constructor sets them). */
  private static JobStatusObject statusOf(String id, String state, Long progress, Object results) {
    return new JobStatusObject(id, "bulk_update", null, progress, results, state, 3L, null);
  }

  private static List<Duration> millis(long... ms) {
    return Arrays.stream(ms).mapToObj(Duration::ofMillis).toList();
  }

  private static WaitPolicy policy(long initialMs, double multiplier, long maxMs, long timeoutMs) {
    return WaitPolicy.builder().initialDelay(Duration.ofMillis(initialMs)).multiplier(multiplier)
        .maxDelay(Duration.ofMillis(maxMs)).timeout(Duration.ofMillis(timeoutMs)).build();
  }

  // ---- 1. the happy path ---------------------------------------------------------------------------------------

  @Test
  void queuedWorkingCompletedReturnsTheFinalStatusAfterThreePolls() {
    stubPolls(JOB_PATH,
        json(200, status("queued", 0, "null")),
        json(200, status("working", 1, "null")),
        json(200, status("completed", 3, "[{\"id\":101,\"action\":\"update\",\"success\":true,\"status\":\"Updated\"},"
            + "{\"id\":102,\"action\":\"update\",\"success\":true,\"status\":\"Updated\"},"
            + "{\"id\":103,\"action\":\"update\",\"success\":true,\"status\":\"Updated\"}]")));

    JobStatusObject done = client.jobs().await(JOB, policy(1000, 1.5, 10_000, 60_000));

    assertEquals(JOB, done.getId());
    assertEquals("completed", done.getStatus());
    assertEquals(3L, done.getProgress());
    List<?> results = assertInstanceOf(List.class, done.getResults());
    assertEquals(3, results.size());
    assertEquals(Map.of("id", 101L, "action", "update", "success", true, "status", "Updated"), results.get(0));
    assertPolls(3);
    // the first poll is immediate; then initialDelay, initialDelay × 1.5
    assertEquals(millis(1000, 1500), sleeper.waits());
  }

  @Test
  void waitsGrowByTheMultiplierUntilTheCap() {
    stubPolls(JOB_PATH,
        json(200, status("queued", 0, "null")),
        json(200, status("working", 0, "null")),
        json(200, status("working", 1, "null")),
        json(200, status("working", 1, "null")),
        json(200, status("working", 2, "null")),
        json(200, status("working", 2, "null")),
        json(200, status("completed", 3, "[]")));

    JobStatusObject done = client.jobs().await(JOB, policy(500, 2.0, 3000, 60_000));

    assertEquals("completed", done.getStatus());
    assertPolls(7);
    assertEquals(millis(500, 1000, 2000, 3000, 3000, 3000), sleeper.waits());
    assertEquals(Instant.parse("2025-03-01T12:00:12.500Z"), clock.instant());
  }

  @Test
  void theDefaultPolicyStartsAtOneSecondGrowingByHalfUpToTenSeconds() {
    ResponseDefinitionBuilder[] responses = new ResponseDefinitionBuilder[9];
    Arrays.fill(responses, json(200, status("working", 1, "null")));
    responses[8] = json(200, status("completed", 3, "[]"));
    stubPolls(JOB_PATH, responses);

    assertEquals("completed", client.jobs().await(JOB).getStatus());

    assertPolls(9);
    assertEquals(millis(1000, 1500, 2250, 3375, 5062, 7593, 10_000, 10_000), sleeper.waits());
  }

  // ---- 2. failed and killed ------------------------------------------------------------------------------------

  @Test
  void aFailedJobThrowsJobFailedExceptionWithTheStatusAndTheFailedItems() {
    stubPolls(JOB_PATH,
        json(200, status("working", 1, "null")),
        json(200, status("failed", 3, "[{\"id\":101,\"action\":\"update\",\"success\":true,\"status\":\"Updated\"},"
            + "{\"id\":102,\"action\":\"update\",\"error\":\"TicketUpdateFailed\","
            + "\"details\":\"Status: closed prevents ticket update\"},"
            + "{\"index\":2,\"status\":\"Failed\",\"details\":\"Requester is invalid\"}]")));

    JobFailedException e = assertThrows(JobFailedException.class,
        () -> client.jobs().await(JOB, policy(1000, 2.0, 10_000, 60_000)));

    assertEquals(JOB, e.status().getId());
    assertEquals("failed", e.status().getStatus());
    assertEquals("Failed: 1 of 3 items", e.status().getMessage());
    assertEquals(List.of(e.status()), e.failedJobs());
    assertEquals(List.of(e.status()), e.allJobs());
    assertEquals(List.of(
        Map.of("id", 102L, "action", "update", "error", "TicketUpdateFailed",
            "details", "Status: closed prevents ticket update"),
        Map.of("index", 2L, "status", "Failed", "details", "Requester is invalid")), e.itemErrors());
    List<JobResult> failed = e.failedItems();
    assertEquals(2, failed.size());
    assertEquals(102L, failed.get(0).getId());
    assertEquals("TicketUpdateFailed", failed.get(0).getError());
    assertEquals("Status: closed prevents ticket update", failed.get(0).getDetails());
    assertEquals(2L, failed.get(1).getIndex());
    assertEquals("Failed", failed.get(1).getStatus());
    List<JobResult> all = JobResults.of(e.status());
    assertEquals(3, all.size());
    assertEquals(List.of(101L), all.stream().filter(r -> !JobResults.isFailure(r)).map(JobResult::getId).toList());
    assertTrue(e.getMessage().contains(JOB) && e.getMessage().contains("failed"), e.getMessage());
    assertPolls(2);
    assertEquals(millis(1000), sleeper.waits());
  }

  @Test
  void aPermanentDeletionsSuccessObjectReadsAsOneResultAndKeepsUnknownMembers() {
    stubPolls(JOB_PATH, json(200, status("completed", 1, "{\"success\":true,\"deleted\":42}")));

    JobStatusObject done = client.jobs().await(JOB, policy(1000, 2.0, 10_000, 60_000));

    List<JobResult> results = JobResults.of(done);
    assertEquals(1, results.size());
    assertEquals(Boolean.TRUE, results.get(0).getSuccess());
    assertEquals(42L, results.get(0).additionalProperty("deleted", Long.class).orElseThrow());
    assertEquals(List.of(), JobResults.failed(done));
  }

  @Test
  void aKilledJobThrowsJobFailedExceptionToo() {
    stubPolls(JOB_PATH,
        json(200, status("queued", 0, "null")),
        json(200, status("working", 1, "null")),
        json(200, status("killed", 1, "null")));

    JobFailedException e = assertThrows(JobFailedException.class,
        () -> client.jobs().await(JOB, policy(200, 3.0, 1000, 60_000)));

    assertEquals("killed", e.status().getStatus());
    assertEquals(1L, e.status().getProgress());
    assertEquals(List.of(), e.itemErrors());
    assertEquals(List.of(), e.failedItems());
    assertPolls(3);
    assertEquals(millis(200, 600), sleeper.waits());
  }

  // ---- 3. timeout ----------------------------------------------------------------------------------------------

  @Test
  void aJobThatNeverEndsTimesOutWithTheLastStatusSeen() {
    stubPolls(JOB_PATH,
        json(200, status("queued", 0, "null")),
        json(200, status("working", 1, "null")),
        json(200, status("working", 2, "null")),
        json(200, status("working", 3, "null")),
        json(200, status("working", 4, "null")),
        json(200, status("working", 5, "null")));

    JobTimeoutException e = assertThrows(JobTimeoutException.class,
        () -> client.jobs().await(JOB, policy(1000, 2.0, 4000, 10_000)));

    // polls at t = 0, 1, 3, 7 and 10 s: the last wait is cut to what is left of the timeout
    assertEquals(millis(1000, 2000, 4000, 3000), sleeper.waits());
    assertTrue(sleeper.total().compareTo(Duration.ofSeconds(10)) <= 0, "waited " + sleeper.total());
    assertPolls(5);
    assertEquals("working", e.lastStatus().getStatus());
    assertEquals(4L, e.lastStatus().getProgress(), "the status of the 5th (last) poll");
    assertEquals(List.of(e.lastStatus()), e.lastStatuses());
  }

  @Test
  void aTimeoutShorterThanTheFirstDelayWaitsOnlyTheTimeout() {
    stubPolls(JOB_PATH, json(200, status("queued", 0, "null")));

    JobTimeoutException e = assertThrows(JobTimeoutException.class,
        () -> client.jobs().await(JOB, policy(5000, 2.0, 10_000, 1500)));

    assertEquals(millis(1500), sleeper.waits());
    assertPolls(2);
    assertEquals("queued", e.lastStatus().getStatus());
  }

  // ---- 5. transient errors and 404 -----------------------------------------------------------------------------

  @Test
  void transientErrorsWhilePollingAreNotJobFailures() {
    client.close();
    client = newClient(RetryPolicy.none());
    stubPolls(JOB_PATH,
        json(200, status("queued", 0, "null")),
        json(503, "{\"error\":\"ServiceUnavailable\"}"),
        aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
        aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<html>maintenance</html>"),
        json(200, status("working", 2, "null")),
        json(200, status("completed", 3, "[]")));

    JobStatusObject done = client.jobs().await(JOB, policy(1000, 2.0, 5000, 60_000));

    assertEquals("completed", done.getStatus());
    assertPolls(6);
    // retries are off, so every wait is the poller's own
    assertEquals(millis(1000, 2000, 4000, 5000, 5000), sleeper.waits());
  }

  @Test
  void withRetriesOnA503IsRetriedByTheTransportAndThePollerNeverSeesIt() {
    client.close();
    client = newClient(RetryPolicy.builder().initialBackoff(Duration.ofMillis(100)).jitter(0).build());
    stubPolls(JOB_PATH,
        json(200, status("working", 1, "null")),
        json(503, "{\"error\":\"ServiceUnavailable\"}"),
        json(503, "{\"error\":\"ServiceUnavailable\"}"),
        json(200, status("completed", 3, "[]")));

    assertEquals("completed", client.jobs().await(JOB, policy(1000, 2.0, 5000, 60_000)).getStatus());

    assertPolls(4);
    // the poller's 1 s, then the transport's backoff 100 ms and 200 ms inside the second poll
    assertEquals(millis(1000, 100, 200), sleeper.waits());
  }

  @Test
  void transientErrorsDoNotResetTheTimeout() {
    client.close();
    client = newClient(RetryPolicy.none());
    stubPolls(JOB_PATH,
        json(200, status("working", 1, "null")),
        json(503, "{\"error\":\"ServiceUnavailable\"}"));

    JobTimeoutException e = assertThrows(JobTimeoutException.class,
        () -> client.jobs().await(JOB, policy(1000, 1.0, 1000, 3000)));

    assertPolls(4);
    assertEquals(millis(1000, 1000, 1000), sleeper.waits());
    assertEquals(1L, e.lastStatus().getProgress(), "the last status actually seen, before the 503s");
  }

  @Test
  void aNotFoundWhilePollingPropagates() {
    stubPolls(JOB_PATH,
        json(200, status("working", 1, "null")),
        json(404, "{\"error\":\"RecordNotFound\",\"description\":\"Not found\"}"));

    NotFoundException e = assertThrows(NotFoundException.class,
        () -> client.jobs().await(JOB, policy(1000, 2.0, 5000, 60_000)));

    assertEquals(404, e.status());
    assertEquals("RecordNotFound", e.error().orElseThrow());
    assertPolls(2);
    assertEquals(millis(1000), sleeper.waits());
  }

  // ---- 6. async and await(JobStatusObject) ---------------------------------------------------------------------

  @Test
  void awaitAsyncCompletesWithTheFinalStatus() throws Exception {
    stubPolls(JOB_PATH,
        json(200, status("queued", 0, "null")),
        json(200, status("working", 1, "null")),
        json(200, status("completed", 3, "[{\"id\":7,\"status\":\"Updated\"}]")));

    CompletableFuture<JobStatusObject> f = client.jobs().awaitAsync(JOB, policy(1000, 2.0, 5000, 60_000));
    JobStatusObject done = f.get(10, TimeUnit.SECONDS);

    assertEquals("completed", done.getStatus());
    assertEquals(List.of(Map.of("id", 7L, "status", "Updated")), done.getResults());
    assertPolls(3);
    assertEquals(millis(1000, 2000), sleeper.waits());
    assertTrue(sleeper.threads().stream().allMatch(t -> t.startsWith("zendesk-client-")), sleeper.threads().toString());
  }

  @Test
  void awaitAsyncCompletesExceptionallyWhenTheJobFails() {
    stubPolls(JOB_PATH, json(200, status("failed", 0, "null")));

    CompletableFuture<JobStatusObject> f = client.jobs().awaitAsync(JOB, policy(1000, 2.0, 5000, 60_000));

    ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
    assertInstanceOf(JobFailedException.class, e.getCause());
    assertPolls(1);
    assertEquals(List.of(), sleeper.waits());
  }

  @Test
  void awaitingTheStatusOfABulkCallWaitsBeforeTheFirstPoll() {
    stubPolls(JOB_PATH,
        json(200, status("working", 1, "null")),
        json(200, status("completed", 3, "[]")));
    List<Integer> requestsBeforeEachWait = new ArrayList<>();
    sleeper.beforeEachWait(d -> requestsBeforeEachWait.add(requests().size()));
    JobStatusObject fromBulkCall = statusOf(JOB, "queued", 0L, null);

    JobStatusObject done = client.jobs().await(fromBulkCall, policy(2000, 1.5, 10_000, 60_000));

    assertEquals("completed", done.getStatus());
    assertPolls(2);
    assertEquals(millis(2000, 3000), sleeper.waits());
    assertEquals(List.of(0, 1), requestsBeforeEachWait, "a wait comes before the first poll");
  }

  @Test
  void awaitingAStatusThatHasAlreadyEndedSendsNothing() {
    JobStatusObject fromBulkCall = statusOf(JOB, "completed", 3L, List.of());

    assertSame(fromBulkCall, client.jobs().await(fromBulkCall, policy(2000, 1.5, 10_000, 60_000)));

    assertPolls(0);
    assertEquals(List.of(), sleeper.waits());
  }

  // ---- 7. bad input --------------------------------------------------------------------------------------------

  @Test
  void badInputIsRejectedBeforeAnyRequest() {
    Jobs jobs = client.jobs();
    WaitPolicy p = policy(1000, 2.0, 5000, 60_000);
    List<Executable> bad = List.of(
        () -> jobs.await((String) null),
        () -> jobs.await(""),
        () -> jobs.await("   "),
        () -> jobs.await("", p),
        () -> jobs.await(JOB, null),
        () -> jobs.await((JobStatusObject) null),
        () -> jobs.await(new JobStatusObject()),
        () -> jobs.await(statusOf(" ", "queued", 0L, null)),
        () -> jobs.await(statusOf(JOB, "queued", 0L, null), null),
        () -> jobs.awaitAll(null),
        () -> jobs.awaitAll(List.of()),
        () -> jobs.awaitAll(List.of(), p),
        () -> jobs.awaitAll(List.of(JOB, " "), p),
        () -> jobs.awaitAll(Arrays.asList(JOB, null), p),
        () -> jobs.awaitAll(List.of(JOB, "other"), null),
        () -> jobs.awaitAsync(""),
        () -> jobs.awaitAsync(null, p),
        () -> jobs.awaitAsync(JOB, null),
        () -> jobs.awaitAllAsync(List.of(), p),
        () -> jobs.awaitAllAsync(null, p),
        () -> jobs.awaitAllAsync(List.of(JOB, ""), p),
        () -> jobs.awaitAllAsync(List.of(JOB, "other"), null));
    for (int i = 0; i < bad.size(); i++) {
      int n = i;
      assertThrows(IllegalArgumentException.class, bad.get(i), () -> "case " + n + " was accepted");
    }
    assertPolls(0);
    assertEquals(List.of(), sleeper.waits());
  }
}
