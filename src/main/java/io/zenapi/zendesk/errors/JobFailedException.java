package io.zenapi.zendesk.errors;

import io.zenapi.zendesk.generated.model.JobStatusObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A background job ended {@code failed} or {@code killed}. Carries the final status(es) and per-item errors. */
public class JobFailedException extends ZendeskException {
  private static final long serialVersionUID = 1L;
  private final transient List<JobStatusObject> failed;
  private final transient List<JobStatusObject> all;

  /**
   * @param failed the jobs that failed or were killed (at least one)
   * @param all the final status of every job awaited, in the order asked
   */
  public JobFailedException(List<JobStatusObject> failed, List<JobStatusObject> all) {
    super(message(failed));
    this.failed = List.copyOf(failed);
    this.all = List.copyOf(all);
  }

  /**
   * The (first) failed job's final status.
   *
   * @return the final status of the first failed or killed job
   */
  public JobStatusObject status() {
    return failed.get(0);
  }

  /**
   * Every failed or killed job's final status.
   *
   * @return the final statuses of the failed or killed jobs (at least one)
   */
  public List<JobStatusObject> failedJobs() {
    return failed;
  }

  /**
   * The final status of every job awaited, completed ones included, in the order asked.
   *
   * @return the final status of each job awaited
   */
  public List<JobStatusObject> allJobs() {
    return all;
  }

  /**
   * The result items of the failed jobs that report an error, typed ({@code id}, {@code index}, {@code error},
   * {@code details}, ...; see {@link io.zenapi.zendesk.jobs.JobResults}).
   *
   * @return the failing result items, in job order; empty when no item reports an error
   */
  public List<io.zenapi.zendesk.generated.model.JobResult> failedItems() {
    List<io.zenapi.zendesk.generated.model.JobResult> out = new ArrayList<>();
    failed.forEach(job -> out.addAll(io.zenapi.zendesk.jobs.JobResults.failed(job)));
    return out;
  }

  /**
   * The result items of the failed jobs that report an error ({@code error}, {@code errors} or a failed status).
   *
   * @return the failing result items, in job order; empty when no item reports an error
   * @deprecated use {@link #failedItems()}, which types each item
   */
  @Deprecated
  public List<Map<String, Object>> itemErrors() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (JobStatusObject job : failed) {
      if (job.getResults() instanceof List<?> results) {
        for (Object r : results) {
          if (r instanceof Map<?, ?> m && (m.get("error") != null || m.get("errors") != null
              || "Failed".equalsIgnoreCase(String.valueOf(m.get("status")))
              || Boolean.FALSE.equals(m.get("success")))) {
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) m;
            out.add(item);
          }
        }
      }
    }
    return out;
  }

  private static String message(List<JobStatusObject> failed) {
    JobStatusObject first = failed.get(0);
    String text = "job " + first.getId() + " ended " + first.getStatus()
        + (first.getMessage() == null ? "" : ": " + first.getMessage());
    return failed.size() == 1 ? text : failed.size() + " jobs failed; first: " + text;
  }
}
