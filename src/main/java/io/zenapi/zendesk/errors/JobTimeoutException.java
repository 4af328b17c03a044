package io.zenapi.zendesk.errors;

import io.zenapi.zendesk.generated.model.JobStatusObject;
import java.time.Duration;
import java.util.List;

/** A background job did not end within the wait's timeout. Carries the last status seen of each unfinished job. */
public class JobTimeoutException extends ZendeskException {
  private static final long serialVersionUID = 1L;
  private final transient List<JobStatusObject> lastSeen;

  /**
   * @param timeout the timeout that passed
   * @param lastSeen the last status seen of each job still unfinished (a status may be null if none was seen)
   */
  public JobTimeoutException(Duration timeout, List<JobStatusObject> lastSeen) {
    super(lastSeen.size() + " job(s) not finished after " + timeout.toSeconds() + " s; last status "
        + (lastSeen.isEmpty() || lastSeen.get(0) == null ? "unknown" : lastSeen.get(0).getStatus()
        + (lastSeen.get(0).getProgress() == null ? "" : " (" + lastSeen.get(0).getProgress() + "/"
        + lastSeen.get(0).getTotal() + ")")));
    this.lastSeen = List.copyOf(lastSeen.stream().filter(java.util.Objects::nonNull).toList());
  }

  /**
   * The last status seen of the (first) unfinished job, or null if none was seen.
   *
   * @return the status, or null
   */
  public JobStatusObject lastStatus() {
    return lastSeen.isEmpty() ? null : lastSeen.get(0);
  }

  /**
   * The last status seen of each unfinished job.
   *
   * @return the statuses seen, in the order of the jobs (jobs never seen are left out)
   */
  public List<JobStatusObject> lastStatuses() {
    return lastSeen;
  }
}
