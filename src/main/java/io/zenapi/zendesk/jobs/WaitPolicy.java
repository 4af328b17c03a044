package io.zenapi.zendesk.jobs;

import java.time.Duration;
import java.util.Objects;

/**
 * How job polling waits, immutable: first delay, growth, longest delay and the total timeout.
 * Defaults: 1 s, ×1.5, at most 10 s between polls, 10 minutes in all.
 */
public final class WaitPolicy {
  private static final WaitPolicy DEFAULTS = builder().build();

  private final Duration initialDelay;
  private final double multiplier;
  private final Duration maxDelay;
  private final Duration timeout;

  private WaitPolicy(Builder b) {
    this.initialDelay = b.initialDelay;
    this.multiplier = b.multiplier;
    this.maxDelay = b.maxDelay;
    this.timeout = b.timeout;
  }

  /**
   * The defaults (see the class description).
   *
   * @return the default policy
   */
  public static WaitPolicy defaults() {
    return DEFAULTS;
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
   * The wait before the second poll.
   *
   * @return the first wait
   */
  public Duration initialDelay() {
    return initialDelay;
  }

  /**
   * How much each wait grows.
   *
   * @return the factor each wait is multiplied by, at least 1
   */
  public double multiplier() {
    return multiplier;
  }

  /**
   * The longest wait between polls.
   *
   * @return the longest wait
   */
  public Duration maxDelay() {
    return maxDelay;
  }

  /**
   * How long to wait for the job(s) in all.
   *
   * @return the total timeout
   */
  public Duration timeout() {
    return timeout;
  }

  /** The wait after {@code previous}: grown by the multiplier, capped. */
  Duration next(Duration previous) {
    long millis = (long) Math.min(previous.toMillis() * multiplier, maxDelay.toMillis());
    return Duration.ofMillis(millis);
  }

  @Override
  public String toString() {
    return "WaitPolicy{initialDelay=" + initialDelay + ", multiplier=" + multiplier + ", maxDelay=" + maxDelay
        + ", timeout=" + timeout + "}";
  }

  /** Builds a {@link WaitPolicy}; each setter rejects a value that makes no sense. */
  public static final class Builder {
    private Duration initialDelay = Duration.ofSeconds(1);
    private double multiplier = 1.5;
    private Duration maxDelay = Duration.ofSeconds(10);
    private Duration timeout = Duration.ofMinutes(10);

    private Builder() {}

    /**
     * The first wait, not negative (default 1 s).
     *
     * @param d the first wait
     * @return this builder
     * @throws IllegalArgumentException when it is negative
     * @throws NullPointerException when it is null
     */
    public Builder initialDelay(Duration d) {
      this.initialDelay = nonNegative("initialDelay", d);
      return this;
    }

    /**
     * Growth of the wait, at least 1 (default 1.5).
     *
     * @param m the growth factor
     * @return this builder
     * @throws IllegalArgumentException when it is below 1 (or NaN)
     */
    public Builder multiplier(double m) {
      if (!(m >= 1.0)) {
        throw new IllegalArgumentException("multiplier must be at least 1, was " + m);
      }
      this.multiplier = m;
      return this;
    }

    /**
     * The longest wait (default 10 s).
     *
     * @param d the longest wait, not negative
     * @return this builder
     * @throws IllegalArgumentException when it is negative
     * @throws NullPointerException when it is null
     */
    public Builder maxDelay(Duration d) {
      this.maxDelay = nonNegative("maxDelay", d);
      return this;
    }

    /**
     * The total timeout, positive (default 10 min).
     *
     * @param d the total timeout
     * @return this builder
     * @throws IllegalArgumentException when it is zero or negative
     * @throws NullPointerException when it is null
     */
    public Builder timeout(Duration d) {
      this.timeout = nonNegative("timeout", d);
      if (d.isZero()) {
        throw new IllegalArgumentException("timeout must be positive");
      }
      return this;
    }

    /**
     * The policy.
     *
     * @return the policy
     * @throws IllegalArgumentException when the longest wait is shorter than the first
     */
    public WaitPolicy build() {
      if (maxDelay.compareTo(initialDelay) < 0) {
        throw new IllegalArgumentException("maxDelay (" + maxDelay + ") is shorter than initialDelay ("
            + initialDelay + ")");
      }
      return new WaitPolicy(this);
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
