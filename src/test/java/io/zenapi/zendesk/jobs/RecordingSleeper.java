package io.zenapi.zendesk.jobs;

import io.zenapi.zendesk.transport.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

// Test support: a Sleeper that records waits and advances MutableClock instead of sleeping.
/**
 * Test support: a {@link Sleeper} that never sleeps. It records each requested wait (and the thread that asked),
 * runs an optional hook, then advances a {@link MutableClock} by the wait.
 */
public final class RecordingSleeper implements Sleeper {
  private final MutableClock clock;
  private final List<Duration> waits = new ArrayList<>();
  private final List<String> threads = new ArrayList<>();
  private volatile Consumer<Duration> beforeEachWait = d -> { };

  public RecordingSleeper(MutableClock clock) {
    this.clock = clock;
  }

  /** Runs before the clock moves on each wait, e.g. to note how many requests the server has seen. */
  public void beforeEachWait(Consumer<Duration> hook) {
    this.beforeEachWait = hook;
  }

  @Override
  public void sleep(Duration d) throws InterruptedException {
    if (Thread.currentThread().isInterrupted()) {
      throw new InterruptedException();
    }
    synchronized (this) {
      waits.add(d);
      threads.add(Thread.currentThread().getName());
    }
    beforeEachWait.accept(d);
    clock.advance(d);
  }

  /** Every wait asked for, in order. */
  public synchronized List<Duration> waits() {
    return List.copyOf(waits);
  }

  /** The name of the thread that asked for each wait. */
  public synchronized List<String> threads() {
    return List.copyOf(threads);
  }

  /** The sum of all waits. */
  public synchronized Duration total() {
    return waits.stream().reduce(Duration.ZERO, Duration::plus);
  }
}
