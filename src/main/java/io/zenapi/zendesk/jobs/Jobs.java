package io.zenapi.zendesk.jobs;

import io.zenapi.zendesk.ZendeskLogger;
import java.lang.System.Logger.Level;
import io.zenapi.zendesk.errors.JobFailedException;
import io.zenapi.zendesk.errors.JobTimeoutException;
import io.zenapi.zendesk.errors.MalformedResponseException;
import io.zenapi.zendesk.errors.ZendeskApiException;
import io.zenapi.zendesk.errors.ZendeskException;
import io.zenapi.zendesk.errors.ZendeskTransportException;
import io.zenapi.zendesk.generated.api.JobStatusesApi;
import io.zenapi.zendesk.generated.model.JobStatusObject;
import io.zenapi.zendesk.generated.model.JobStatusResponse;
import io.zenapi.zendesk.generated.model.JobStatusesResponse;
import io.zenapi.zendesk.internal.Exchange;
import io.zenapi.zendesk.transport.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Waits for background jobs ({@code job_status}) to end, polling {@code GET /api/v2/job_statuses/{id}} (one job)
 * or {@code GET /api/v2/job_statuses/show_many} (many jobs, up to 100 ids a request) with a growing delay.
 *
 * <ul>
 *   <li>{@code completed}: the final status is returned, with its {@code results}.</li>
 *   <li>{@code failed} or {@code killed}: {@link JobFailedException}, with the status and per-item errors.</li>
 *   <li>the policy's timeout passes: {@link JobTimeoutException}, with the last status seen.</li>
 * </ul>
 * A transient error while polling (a connection failure, 5xx, 429, a garbled body), once the transport's own
 * retries are spent, is not a job failure: polling goes on until the timeout. Thread-safe.
 */
public final class Jobs {
  /** The most ids {@code show_many} takes in one request. */
  public static final int SHOW_MANY_LIMIT = 100;

  private final Exchange exchange;
  private final JobStatusesApi api;
  private final Sleeper sleeper;
  private final Clock clock;
  private final Executor executor;
  private final ZendeskLogger log;

  /**
   * Made by the client: {@code client.jobs()}.
   *
   * @param exchange runs the polling calls
   * @param api the generated job status API
   * @param sleeper waits between polls
   * @param clock measures the timeout
   * @param executor runs the asynchronous waits
   * @param log receives a line about each transient polling failure
   */
  public Jobs(Exchange exchange, JobStatusesApi api, Sleeper sleeper, Clock clock, Executor executor,
      Consumer<String> log) {
    this(exchange, api, sleeper, clock, executor, ZendeskLogger.lines(log));
  }

  /**
   * Made by the client: {@code client.jobs()}.
   *
   * @param exchange runs the polling calls
   * @param api the generated job status API
   * @param sleeper waits between polls
   * @param clock measures the timeout
   * @param executor runs the asynchronous waits
   * @param log receives a line about each transient polling failure, each line at its level
   */
  public Jobs(Exchange exchange, JobStatusesApi api, Sleeper sleeper, Clock clock, Executor executor,
      ZendeskLogger log) {
    this.exchange = exchange;
    this.api = api;
    this.sleeper = sleeper;
    this.clock = clock;
    this.executor = executor;
    this.log = log;
  }

  /**
   * {@link #await(String, WaitPolicy)} with the default policy.
   *
   * @param jobId the job's id
   * @return the final status of the completed job
   * @throws IllegalArgumentException when the id is blank
   * @throws JobFailedException when the job fails or is killed
   * @throws JobTimeoutException when the timeout passes first
   */
  public JobStatusObject await(String jobId) {
    return await(jobId, WaitPolicy.defaults());
  }

  /**
   * Waits for the job a bulk call returned (polling starts after the policy's first delay).
   *
   * @param status the job status the bulk call returned
   * @return the final status of the completed job
   * @throws IllegalArgumentException when the status or its id is missing
   * @throws JobFailedException when the job fails or is killed
   * @throws JobTimeoutException when the timeout passes first
   */
  public JobStatusObject await(JobStatusObject status) {
    return await(status, WaitPolicy.defaults());
  }

  /**
   * Waits for the job a bulk call returned.
   *
   * @param status the job status the bulk call returned
   * @param policy how to wait
   * @return the final status of the completed job
   * @throws IllegalArgumentException when the status or its id is missing
   * @throws JobFailedException when the job fails or is killed
   * @throws JobTimeoutException when the timeout passes first
   */
  public JobStatusObject await(JobStatusObject status, WaitPolicy policy) {
    if (status == null || status.getId() == null || status.getId().isBlank()) {
      throw new IllegalArgumentException("await: the job status has no id");
    }
    return awaitAll(List.of(status.getId()), policy, Map.of(status.getId(), status)).get(0);
  }

  /**
   * Waits for a job by id (the first poll is immediate).
   *
   * @param jobId the job's id
   * @param policy how to wait
   * @return the final status of the completed job
   * @throws IllegalArgumentException when the id is blank
   * @throws JobFailedException when the job fails or is killed
   * @throws JobTimeoutException when the timeout passes first
   */
  public JobStatusObject await(String jobId, WaitPolicy policy) {
    requireId(jobId);
    return awaitAll(List.of(jobId), policy, Map.of()).get(0);
  }

  /**
   * {@link #awaitAll(Collection, WaitPolicy)} with the default policy.
   *
   * @param jobIds the jobs' ids
   * @return the final status of each job, in the order given (duplicates once)
   * @throws IllegalArgumentException when the collection is null or empty or holds a blank id
   * @throws JobFailedException when any job fails or is killed (after all have ended); it carries every status
   * @throws JobTimeoutException when the timeout passes first, with the last status of each unfinished job
   */
  public List<JobStatusObject> awaitAll(Collection<String> jobIds) {
    return awaitAll(jobIds, WaitPolicy.defaults());
  }

  /**
   * Waits for many jobs at once: each polling round asks {@code show_many} about the unfinished ones, up to 100
   * ids a request (250 jobs: at most 3 requests a round).
   *
   * @param jobIds the jobs' ids
   * @param policy how to wait
   * @return the final status of each job, in the order given (duplicates once)
   * @throws IllegalArgumentException when the collection is null or empty or holds a blank id
   * @throws JobFailedException when any job fails or is killed (after all have ended); it carries every status
   * @throws JobTimeoutException when the timeout passes first, with the last status of each unfinished job
   */
  public List<JobStatusObject> awaitAll(Collection<String> jobIds, WaitPolicy policy) {
    if (jobIds == null || jobIds.isEmpty()) {
      throw new IllegalArgumentException("awaitAll: give at least one job id");
    }
    jobIds.forEach(Jobs::requireId);
    return awaitAll(new ArrayList<>(new LinkedHashSet<>(jobIds)), policy, Map.of());
  }

  /**
   * {@link #await(String, WaitPolicy)} on the client's executor.
   *
   * @param jobId the job's id
   * @param policy how to wait
   * @return a future of the completed job's final status; it completes exceptionally where
   *     {@link #await(String, WaitPolicy)} would throw
   * @throws IllegalArgumentException at once (not through the future) when the id is blank or the policy null
   */
  public CompletableFuture<JobStatusObject> awaitAsync(String jobId, WaitPolicy policy) {
    requireId(jobId);
    requirePolicy(policy);
    return CompletableFuture.supplyAsync(() -> await(jobId, policy), executor);
  }

  /**
   * {@link #awaitAsync(String, WaitPolicy)} with the default policy.
   *
   * @param jobId the job's id
   * @return a future of the completed job's final status; it completes exceptionally where {@link #await(String)} would
   *     throw
   * @throws IllegalArgumentException at once (not through the future) when the id is blank
   */
  public CompletableFuture<JobStatusObject> awaitAsync(String jobId) {
    return awaitAsync(jobId, WaitPolicy.defaults());
  }

  /**
   * {@link #awaitAll(Collection, WaitPolicy)} on the client's executor.
   *
   * @param jobIds the jobs' ids
   * @param policy how to wait
   * @return a future of the final status of each job, in the order given (duplicates once); it completes exceptionally
   *     where {@link #awaitAll(Collection, WaitPolicy)} would throw
   * @throws IllegalArgumentException at once (not through the future) when the collection is null or empty,
   *     holds a blank id, or the policy is null
   */
  public CompletableFuture<List<JobStatusObject>> awaitAllAsync(Collection<String> jobIds, WaitPolicy policy) {
    if (jobIds == null || jobIds.isEmpty()) {
      throw new IllegalArgumentException("awaitAllAsync: give at least one job id");
    }
    jobIds.forEach(Jobs::requireId);
    requirePolicy(policy);
    List<String> ids = List.copyOf(jobIds); // the caller may change its collection while we wait
    return CompletableFuture.supplyAsync(() -> awaitAll(ids, policy), executor);
  }

  private List<JobStatusObject> awaitAll(List<String> ids, WaitPolicy policy, Map<String, JobStatusObject> known) {
    requirePolicy(policy);
    Instant deadline = clock.instant().plus(policy.timeout());
    Map<String, JobStatusObject> last = new LinkedHashMap<>();
    ids.forEach(id -> last.put(id, known.get(id)));
    Set<String> pending = new LinkedHashSet<>();
    for (String id : ids) {
      if (!isEnded(known.get(id))) {
        pending.add(id);
      }
    }
    Duration delay = policy.initialDelay();
    boolean first = known.isEmpty();
    while (!pending.isEmpty()) {
      if (!first) {
        Duration left = Duration.between(clock.instant(), deadline);
        if (left.isNegative() || left.isZero()) {
          throw new JobTimeoutException(policy.timeout(), pending.stream().map(last::get).toList());
        }
        sleep(delay.compareTo(left) > 0 ? left : delay);
        delay = policy.next(delay);
      }
      first = false;
      try {
        poll(pending, last);
      } catch (ZendeskException e) {
        if (!isTransient(e)) {
          throw e;
        }
        log.log(Level.INFO, "job polling: transient " + e.getClass().getSimpleName() + ", polling again");
      }
      pending.removeIf(id -> isEnded(last.get(id)));
    }
    List<JobStatusObject> all = ids.stream().map(last::get).toList();
    List<JobStatusObject> failed = all.stream()
        .filter(s -> "failed".equals(s.getStatus()) || "killed".equals(s.getStatus())).toList();
    if (!failed.isEmpty()) {
      throw new JobFailedException(failed, all);
    }
    return all;
  }

  private void poll(Set<String> pending, Map<String, JobStatusObject> last) {
    if (pending.size() == 1) {
      String id = pending.iterator().next();
      JobStatusResponse r = exchange.execute(api.showJobStatus(id));
      if (r != null && r.getJobStatus() != null) {
        last.put(id, r.getJobStatus());
      }
      return;
    }
    List<String> ids = new ArrayList<>(pending);
    for (int from = 0; from < ids.size(); from += SHOW_MANY_LIMIT) {
      String batch = String.join(",", ids.subList(from, Math.min(ids.size(), from + SHOW_MANY_LIMIT)));
      JobStatusesResponse r = exchange.execute(api.showManyJobStatuses(batch));
      if (r != null && r.getJobStatuses() != null) {
        for (JobStatusObject s : r.getJobStatuses()) {
          if (s != null && s.getId() != null && last.containsKey(s.getId())) {
            last.put(s.getId(), s);
          }
        }
      }
    }
  }

  private void sleep(Duration d) {
    try {
      sleeper.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ZendeskTransportException("interrupted while waiting for a job", e);
    }
  }

  private static boolean isEnded(JobStatusObject s) {
    return s != null && ("completed".equals(s.getStatus()) || "failed".equals(s.getStatus())
        || "killed".equals(s.getStatus()));
  }

  private static boolean isTransient(ZendeskException e) {
    if (e instanceof ZendeskTransportException) {
      return !Thread.currentThread().isInterrupted();
    }
    if (e instanceof MalformedResponseException) {
      return true;
    }
    return e instanceof ZendeskApiException api && (api.status() >= 500 || api.status() == 429);
  }

  private static void requirePolicy(WaitPolicy policy) {
    if (policy == null) {
      throw new IllegalArgumentException("the wait policy must not be null");
    }
  }

  private static void requireId(String id) {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("job id must not be blank");
    }
  }
}
