package io.zenapi.zendesk.transport;

import java.time.Duration;

/** Waits. Injected so that tests of retries and job polling take milliseconds and can record the waits. */
@FunctionalInterface
public interface Sleeper {
  /**
   * Waits for {@code duration}; throws when the thread is interrupted.
   *
   * @param duration how long to wait
   * @throws InterruptedException when the thread is interrupted
   */
  void sleep(Duration duration) throws InterruptedException;

  /**
   * The real one: {@link Thread#sleep}.
   *
   * @return a sleeper that calls {@link Thread#sleep}; it does not wait for a zero or negative duration
   */
  static Sleeper system() {
    return d -> {
      if (!d.isNegative() && !d.isZero()) {
        Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
      }
    };
  }
}
