package io.zenapi.zendesk.transport;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * When and how the transport retries, immutable.
 *
 * <p>Retried: 429 (waiting what {@code Retry-After} asks, capped at {@link #maxRetryAfter()}), 502, 503 and
 * 504 and connection failures (exponential backoff with jitter; a 503 with {@code Retry-After} waits that).
 * After a 5xx or a failure that may have reached Zendesk, only requests that are safe to send twice are retried:
 * GET, HEAD, OPTIONS, a POST or PATCH that carries an {@code Idempotency-Key} header (the client sends one on ticket
 * creation, where Zendesk honours it), and PUT and DELETE except the writes Zendesk does not apply idempotently
 * (one that adds a comment, tags or collaborators; see {@code io.zenapi.zendesk.internal.WriteSafety}). Such a write
 * ends in a {@link io.zenapi.zendesk.errors.WriteOutcomeUnknownException}. A 429 (refused unprocessed) and a
 * connection that was never made are retried for every request. A 409 is never retried here (a safe update
 * re-reads instead). All attempts of one call together stay within {@link #deadline()}.
 *
 * <p>Defaults: 5 attempts, backoff 500 ms doubling up to 20 s with ±20 % jitter, {@code Retry-After} capped at
 * 60 s, deadline 2 minutes.
 */
public final class RetryPolicy {
  private static final RetryPolicy DEFAULTS = builder().build();
  private static final Set<Integer> BACKOFF_STATUSES = Set.of(502, 503, 504);

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final double multiplier;
  private final Duration maxBackoff;
  private final double jitter;
  private final Duration maxRetryAfter;
  private final Duration deadline;

  private RetryPolicy(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.initialBackoff = b.initialBackoff;
    this.multiplier = b.multiplier;
    this.maxBackoff = b.maxBackoff;
    this.jitter = b.jitter;
    this.maxRetryAfter = b.maxRetryAfter;
    this.deadline = b.deadline;
  }

  /**
   * The default policy (see the class description).
   *
   * @return the default policy
   */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /**
   * A policy that never retries.
   *
   * @return a policy of one attempt
   */
  public static RetryPolicy none() {
    return builder().maxAttempts(1).build();
  }

  /**
   * A builder starting from the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder starting from this policy.
   *
   * @return a new builder with this policy's settings
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.maxAttempts = maxAttempts;
    b.initialBackoff = initialBackoff;
    b.multiplier = multiplier;
    b.maxBackoff = maxBackoff;
    b.jitter = jitter;
    b.maxRetryAfter = maxRetryAfter;
    b.deadline = deadline;
    return b;
  }

  /**
   * Attempts in all, the first included (1 = no retry).
   *
   * @return the number of attempts, at least 1
   */
  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * The wait before the first retry, before jitter.
   *
   * @return the first backoff
   */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /**
   * How much each backoff grows.
   *
   * @return the factor each backoff is multiplied by, at least 1
   */
  public double multiplier() {
    return multiplier;
  }

  /**
   * The longest backoff.
   *
   * @return the longest backoff
   */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /**
   * The fraction (0 to 1) by which a backoff varies at random, so that clients do not retry in step.
   *
   * @return the jitter fraction
   */
  public double jitter() {
    return jitter;
  }

  /**
   * The longest {@code Retry-After} honoured; a longer one is cut to this.
   *
   * @return the longest {@code Retry-After} wait
   */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /**
   * The most time all attempts of one call may take together, waits included. The client also makes it the
   * OkHttp call timeout, so it holds in real time too: an attempt whose body trickles in just under the read
   * timeout is cut off at the deadline (a large download needs a deadline long enough for it).
   *
   * @return the deadline of one call
   */
  public Duration deadline() {
    return deadline;
  }

  /**
   * Whether a status is worth another attempt.
   *
   * @param status an HTTP status
   * @return true for 429, 502, 503 and 504
   */
  public boolean isRetryableStatus(int status) {
    return status == 429 || BACKOFF_STATUSES.contains(status);
  }

  /**
   * The wait before retry number {@code retry} (1 for the first), before jitter: initial × multiplier^(retry-1),
   * capped.
   *
   * @param retry the retry number, 1 for the first
   * @return the backoff
   */
  public Duration backoff(int retry) {
    double millis = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, retry - 1));
    return Duration.ofMillis((long) Math.min(millis, maxBackoff.toMillis()));
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff + ", multiplier="
        + multiplier + ", maxBackoff=" + maxBackoff + ", jitter=" + jitter + ", maxRetryAfter=" + maxRetryAfter
        + ", deadline=" + deadline + "}";
  }

  /** Builds a {@link RetryPolicy}; each setter rejects a value that makes no sense. */
  public static final class Builder {
    private int maxAttempts = 5;
    private Duration initialBackoff = Duration.ofMillis(500);
    private double multiplier = 2.0;
    private Duration maxBackoff = Duration.ofSeconds(20);
    private double jitter = 0.2;
    private Duration maxRetryAfter = Duration.ofSeconds(60);
    private Duration deadline = Duration.ofMinutes(2);

    private Builder() {}

    /**
     * Attempts in all, at least 1 (default 5).
     *
     * @param maxAttempts the number of attempts
     * @return this builder
     * @throws IllegalArgumentException when it is below 1
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * The first backoff, not negative (default 500 ms).
     *
     * @param d the first backoff
     * @return this builder
     * @throws IllegalArgumentException when it is negative
     * @throws NullPointerException when it is null
     */
    public Builder initialBackoff(Duration d) {
      this.initialBackoff = nonNegative("initialBackoff", d);
      return this;
    }

    /**
     * Backoff growth, at least 1 (default 2).
     *
     * @param multiplier the growth factor
     * @return this builder
     * @throws IllegalArgumentException when it is below 1 (or NaN)
     */
    public Builder multiplier(double multiplier) {
      if (!(multiplier >= 1.0)) {
        throw new IllegalArgumentException("multiplier must be at least 1, was " + multiplier);
      }
      this.multiplier = multiplier;
      return this;
    }

    /**
     * The longest backoff (default 20 s).
     *
     * @param d the longest backoff, not negative
     * @return this builder
     * @throws IllegalArgumentException when it is negative
     * @throws NullPointerException when it is null
     */
    public Builder maxBackoff(Duration d) {
      this.maxBackoff = nonNegative("maxBackoff", d);
      return this;
    }

    /**
     * Random variation of backoffs, 0 to 1 (default 0.2).
     *
     * @param jitter the fraction
     * @return this builder
     * @throws IllegalArgumentException when it is not between 0 and 1
     */
    public Builder jitter(double jitter) {
      if (!(jitter >= 0 && jitter <= 1)) {
        throw new IllegalArgumentException("jitter must be between 0 and 1, was " + jitter);
      }
      this.jitter = jitter;
      return this;
    }

    /**
     * The longest {@code Retry-After} honoured (default 60 s).
     *
     * @param d the longest wait, not negative
     * @return this builder
     * @throws IllegalArgumentException when it is negative
     * @throws NullPointerException when it is null
     */
    public Builder maxRetryAfter(Duration d) {
      this.maxRetryAfter = nonNegative("maxRetryAfter", d);
      return this;
    }

    /**
     * The most time all attempts of one call may take (default 2 min).
     *
     * @param d the deadline, not negative
     * @return this builder
     * @throws IllegalArgumentException when it is negative
     * @throws NullPointerException when it is null
     */
    public Builder deadline(Duration d) {
      this.deadline = nonNegative("deadline", d);
      return this;
    }

    /**
     * The policy.
     *
     * @return the policy
     * @throws IllegalArgumentException when the longest backoff is shorter than the first
     */
    public RetryPolicy build() {
      if (maxBackoff.compareTo(initialBackoff) < 0) {
        throw new IllegalArgumentException("maxBackoff (" + maxBackoff + ") is shorter than initialBackoff ("
            + initialBackoff + ")");
      }
      return new RetryPolicy(this);
    }

    private static Duration nonNegative(String name, Duration d) {
      Objects.requireNonNull(d, name);
      if (d.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative, was " + d);
      }
      return d;
    }
  }
}
