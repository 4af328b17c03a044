package io.zenapi.zendesk.errors;

import io.zenapi.zendesk.generated.model.TicketObject;

/**
 * A conflict-safe ticket update still met a newer version of the ticket (409) after all its attempts. Carries the
 * latest copy read from the server, so the caller can decide what to do.
 */
public class UpdateConflictException extends ZendeskException {
  private static final long serialVersionUID = 1L;
  private final transient TicketObject latest;
  /** How many writes were tried. */
  private final int attempts;

  /**
   * @param ticketId the ticket
   * @param attempts how many writes were tried
   * @param latest the latest server copy
   * @param lastConflict the last 409
   */
  public UpdateConflictException(long ticketId, int attempts, TicketObject latest, ConflictException lastConflict) {
    super("ticket " + ticketId + " kept changing: " + attempts + " safe update attempts met a newer version"
        + (latest == null || latest.getUpdatedAt() == null ? "" : " (latest updated_at " + latest.getUpdatedAt() + ")"),
        lastConflict);
    this.latest = latest;
    this.attempts = attempts;
  }

  /**
   * The latest copy of the ticket on the server.
   *
   * @return the ticket as read after the last conflict
   */
  public TicketObject latest() {
    return latest;
  }

  /**
   * How many writes were tried.
   *
   * @return the number of write attempts
   */
  public int attempts() {
    return attempts;
  }
}
