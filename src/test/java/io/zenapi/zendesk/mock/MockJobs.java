package io.zenapi.zendesk.mock;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The mock's background jobs: each moves queued → working → completed over a few polls of {@code job_statuses}
 * (or ends {@code failed} when told to), and applies its work when it completes. Thread-safe.
 */
public final class MockJobs {
  /** Polls a job takes when none is configured. */
  public static final int DEFAULT_POLLS_TO_COMPLETE = 3;

  private final Map<String, Job> jobs = new ConcurrentHashMap<>();
  private final AtomicInteger failNext = new AtomicInteger();
  private volatile int pollsToComplete = DEFAULT_POLLS_TO_COMPLETE;

  MockJobs() {}

  /** How many polls a job takes to complete (at least 1; default 3: queued, working, completed). */
  public MockJobs pollsToComplete(int polls) {
    if (polls < 1) {
      throw new IllegalArgumentException("polls must be at least 1");
    }
    this.pollsToComplete = polls;
    return this;
  }

  /** The next {@code count} jobs started end {@code failed}, with a per-item error. */
  public MockJobs failNext(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative, was " + count);
    }
    failNext.addAndGet(count);
    return this;
  }

  /** How many jobs were started (since start or the mock's last {@code reset()}). */
  public int started() {
    return jobs.size();
  }

  /** Forgets every job and goes back to the default settings: the mock's {@code reset()}. */
  void reset() {
    jobs.clear();
    failNext.set(0);
    pollsToComplete = DEFAULT_POLLS_TO_COMPLETE;
  }

  private final class Job {
    final String id;
    final int total;
    final Supplier<JsonArray> work;
    final boolean fails;
    final int polls;
    int seen;
    String status = "queued";
    JsonArray results;

    Job(String id, int total, Supplier<JsonArray> work, boolean fails, int polls) {
      this.id = id;
      this.total = total;
      this.work = work;
      this.fails = fails;
      this.polls = polls;
    }

    synchronized JsonObject poll(String origin) {
      seen++;
      if (seen >= polls && !status.equals("completed") && !status.equals("failed")) {
        if (fails) {
          status = "failed";
          results = new JsonArray();
          JsonObject item = new JsonObject();
          item.addProperty("index", 0);
          item.addProperty("status", "Failed");
          item.addProperty("error", "TicketUpdateFailed");
          item.addProperty("details", "The ticket could not be updated");
          results.add(item);
        } else {
          results = work.get();
          status = "completed";
        }
      } else if (seen > 1 && status.equals("queued")) {
        status = "working";
      }
      return view(origin);
    }

    synchronized JsonObject view(String origin) {
      JsonObject o = new JsonObject();
      o.addProperty("id", id);
      o.addProperty("url", origin + "/api/v2/job_statuses/" + id + ".json");
      o.addProperty("status", status);
      o.addProperty("total", total);
      o.addProperty("progress", status.equals("completed") ? total : status.equals("working") ? total / 2 : 0);
      o.addProperty("message", status.equals("completed") ? "Completed at " + java.time.Instant.now() : null);
      o.add("results", results);
      o.addProperty("job_type", "bulk_update");
      return o;
    }
  }

  /** Starts a job whose {@code work} runs when it completes and returns its results; answers its first status. */
  JsonObject start(String origin, int total, Supplier<JsonArray> work) {
    boolean fails = failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    Job job = new Job(UUID.randomUUID().toString().replace("-", ""), total, work, fails, pollsToComplete);
    jobs.put(job.id, job);
    JsonObject wrapper = new JsonObject();
    wrapper.add("job_status", job.view(origin));
    return wrapper;
  }

  void register(Router router) {
    router.on("GET", "/api/v2/job_statuses/show_many", req -> {
      String ids = req.query("ids");
      JsonArray out = new JsonArray();
      if (ids != null) {
        for (String id : ids.split(",")) {
          Job job = jobs.get(id.trim());
          if (job != null) {
            out.add(job.poll(req.origin()));
          }
        }
      }
      JsonObject body = new JsonObject();
      body.add("job_statuses", out);
      return Reply.json(200, body);
    });
    router.on("GET", "/api/v2/job_statuses/([^/]+)", req -> {
      Job job = jobs.get(req.pathText(1));
      if (job == null) {
        return Reply.error(404, "RecordNotFound", "Not found");
      }
      JsonObject body = new JsonObject();
      body.add("job_status", job.poll(req.origin()));
      return Reply.json(200, body);
    });
  }
}
