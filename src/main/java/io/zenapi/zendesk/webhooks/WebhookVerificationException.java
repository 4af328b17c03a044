package io.zenapi.zendesk.webhooks;

import io.zenapi.zendesk.errors.ZendeskException;

/**
 * A webhook delivery that failed verification, with the check that failed. The message never quotes the signing
 * secret or the signature; answer such a delivery with 401 (or 400) and do not act on it.
 */
public final class WebhookVerificationException extends ZendeskException {
  private static final long serialVersionUID = 1L;

  /** Which check failed. */
  public enum Reason {
    /** No {@code X-Zendesk-Webhook-Signature} header, or a blank one. */
    MISSING_SIGNATURE,
    /** No {@code X-Zendesk-Webhook-Signature-Timestamp} header, or a blank one. */
    MISSING_TIMESTAMP,
    /** The timestamp is neither an ISO-8601 instant nor whole seconds since the epoch. */
    MALFORMED_TIMESTAMP,
    /** The timestamp is further from now than the tolerance: an old delivery replayed, or a skewed clock. */
    OUTSIDE_TOLERANCE,
    /** The signature is not the one the signing secret gives for this timestamp and body. */
    BAD_SIGNATURE
  }

  private final Reason reason;

  WebhookVerificationException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  /**
   * The check that failed.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }
}
