package io.zenapi.zendesk.transport;

import java.time.Instant;
import java.util.Optional;

/**
 * The rate limit Zendesk reported on its last response.
 *
 * @param limit requests allowed per window ({@code X-Rate-Limit} or {@code ratelimit-limit}), or -1
 * @param remaining requests left in the window ({@code X-Rate-Limit-Remaining} or {@code ratelimit-remaining}),
 *     or -1
 * @param resetAt when the window resets ({@code ratelimit-reset}), or null
 * @param observedAt when the response carrying these numbers arrived
 */
public record RateLimitStatus(long limit, long remaining, Instant resetAt, Instant observedAt) {
  /** Nothing observed yet. */
  public static final RateLimitStatus UNKNOWN = new RateLimitStatus(-1, -1, null, null);

  /**
   * When the window resets, if known.
   *
   * @return the reset time, or empty when not reported
   */
  public Optional<Instant> reset() {
    return Optional.ofNullable(resetAt);
  }
}
