package io.zenapi.zendesk.errors;

import io.zenapi.zendesk.jobs.BulkResult;

/**
 * A bulk write's jobs completed, but some of their items failed: the result carries every item, the failed ones
 * included, so nothing that did or did not happen is hidden.
 */
public class BulkWriteFailedException extends ZendeskException {
  private static final long serialVersionUID = 1L;
  private final transient BulkResult result;

  /**
   * @param result the whole result; at least one item failed
   */
  public BulkWriteFailedException(BulkResult result) {
    super(result.failures().size() + " of " + result.items().size() + " items failed in " + result.jobs().size()
        + " job(s); first: " + describe(result));
    this.result = result;
  }

  /**
   * Every job's final status and every item's result.
   *
   * @return the result
   */
  public BulkResult result() {
    return result;
  }

  private static String describe(BulkResult result) {
    var first = result.failures().get(0);
    return "id " + first.getId() + " " + (first.getError() != null ? first.getError() : first.getStatus());
  }
}
