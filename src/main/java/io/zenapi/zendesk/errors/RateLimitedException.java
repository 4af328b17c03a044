package io.zenapi.zendesk.errors;

import java.time.Duration;
import java.util.Optional;

/** 429 Too Many Requests, still refused after the transport's retries. */
public class RateLimitedException extends ZendeskApiException {
  private static final long serialVersionUID = 1L;
  /** The {@code Retry-After} wait Zendesk asked for, or null. */
  private final Duration retryAfter;

  /**
   * See {@link ApiErrors#toException}.
   *
   * @param e the error response
   */
  public RateLimitedException(ApiError e) {
    super(e);
    this.retryAfter = e.retryAfter();
  }

  /**
   * How long Zendesk asked to wait ({@code Retry-After}); empty when it did not say.
   *
   * @return the wait, or empty when Zendesk did not say
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
