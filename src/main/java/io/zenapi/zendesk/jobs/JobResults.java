package io.zenapi.zendesk.jobs;

import com.google.gson.JsonElement;
import io.zenapi.zendesk.generated.model.JobResult;
import io.zenapi.zendesk.generated.model.JobStatusObject;
import io.zenapi.zendesk.internal.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * A job's {@code results}, typed. Zendesk sends a list of items for most jobs and, for a permanent ticket deletion,
 * a bare {@code {"success": true}} object; both read as a list of {@link JobResult} (the latter as one item). Members
 * a {@code JobResult} has no field for are kept in its {@code additionalProperties()}.
 */
public final class JobResults {
  private JobResults() {}

  /**
   * Every result item of a job.
   *
   * @param job a job status
   * @return the items, in Zendesk's order; empty when the job reports none (yet)
   * @throws com.google.gson.JsonParseException when an item is not an object
   * @throws IllegalArgumentException when {@code job} is null
   */
  public static List<JobResult> of(JobStatusObject job) {
    if (job == null) {
      throw new IllegalArgumentException("JobResults.of: job must not be null");
    }
    Object results = job.getResults();
    if (results == null) {
      return List.of();
    }
    JsonElement tree = Json.GSON.toJsonTree(results);
    List<JobResult> out = new ArrayList<>();
    if (tree.isJsonArray()) {
      tree.getAsJsonArray().forEach(e -> out.add(Json.GSON.fromJson(e, JobResult.class)));
    } else {
      out.add(Json.GSON.fromJson(tree, JobResult.class));
    }
    return List.copyOf(out);
  }

  /**
   * The items that failed: those with an {@code error}, {@code success: false} or a {@code Failed} status.
   *
   * @param job a job status
   * @return the failed items, in Zendesk's order
   * @throws IllegalArgumentException when {@code job} is null
   */
  public static List<JobResult> failed(JobStatusObject job) {
    return of(job).stream().filter(JobResults::isFailure).toList();
  }

  /**
   * Whether one item failed.
   *
   * @param item a result item
   * @return true for an item with an {@code error}, {@code errors}, {@code success: false} or a {@code Failed}
   *     status
   */
  public static boolean isFailure(JobResult item) {
    return item.getError() != null || item.additionalProperties().containsKey("errors")
        || Boolean.FALSE.equals(item.getSuccess()) || "Failed".equalsIgnoreCase(item.getStatus());
  }
}
