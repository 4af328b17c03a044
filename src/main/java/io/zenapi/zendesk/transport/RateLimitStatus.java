package io.zenapi.zendesk.transport;

import java.time.Instant;
import java.util.Optional;
import okhttp3.Headers;

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

  /**
   * The rate limit that one response's headers report.
   *
   * @param headers a response's headers
   * @param now when the response arrived (reset times are relative to it)
   * @return the status, or {@link #UNKNOWN} when the headers carry no rate-limit figure
   */
  public static RateLimitStatus of(Headers headers, Instant now) {
    long limit = number(headers, "X-Rate-Limit", "ratelimit-limit");
    long remaining = number(headers, "X-Rate-Limit-Remaining", "ratelimit-remaining");
    long reset = number(headers, "ratelimit-reset", null);
    if (limit < 0 && remaining < 0 && reset < 0) {
      return UNKNOWN;
    }
    return new RateLimitStatus(limit, remaining, reset < 0 ? null : now.plusSeconds(reset), now);
  }

  private static long number(Headers headers, String header, String alternative) {
    String v = headers.get(header);
    if (v == null && alternative != null) {
      v = headers.get(alternative);
    }
    if (v == null) {
      return -1;
    }
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
