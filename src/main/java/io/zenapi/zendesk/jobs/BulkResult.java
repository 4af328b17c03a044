package io.zenapi.zendesk.jobs;

import io.zenapi.zendesk.generated.model.JobResult;
import io.zenapi.zendesk.generated.model.JobStatusObject;
import java.util.List;

/**
 * What a bulk write did: the final status of each job it was split into, and every item's result, typed, in the
 * order of the jobs.
 *
 * @param jobs the final status of each job, in submission order
 * @param items every result item of every job
 */
public record BulkResult(List<JobStatusObject> jobs, List<JobResult> items) {
  /**
   * The items that failed (see {@link JobResults#isFailure}).
   *
   * @return the failed items, in order; empty when every item succeeded
   */
  public List<JobResult> failures() {
    return items.stream().filter(JobResults::isFailure).toList();
  }
}
