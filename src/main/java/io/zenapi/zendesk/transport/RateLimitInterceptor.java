package io.zenapi.zendesk.transport;

import io.zenapi.zendesk.ZendeskLogger;
import java.lang.System.Logger.Level;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Reads Zendesk's rate-limit headers from every response into one {@link RateLimitStatus} shared by all threads
 * of a client and, when pacing is on, holds a request back until the window resets once no request is left
 * (at most {@code maxWait}). Pacing avoids the 429 instead of recovering from it.
 */
public final class RateLimitInterceptor implements Interceptor {
  private final AtomicReference<RateLimitStatus> status = new AtomicReference<>(RateLimitStatus.UNKNOWN);
  private final boolean pacing;
  private final Duration maxWait;
  private final Sleeper sleeper;
  private final Clock clock;
  private final ZendeskLogger log;

  /**
   * @param pacing whether to wait for the reset when no request is left
   * @param maxWait the longest pacing wait
   * @param sleeper how to wait
   * @param clock the clock of reset times
   * @param log where a line about each pacing wait goes
   */
  public RateLimitInterceptor(boolean pacing, Duration maxWait, Sleeper sleeper, Clock clock,
      Consumer<String> log) {
    this(pacing, maxWait, sleeper, clock, ZendeskLogger.lines(log));
  }

  /**
   * @param pacing whether to wait for the reset when no request is left
   * @param maxWait the longest pacing wait
   * @param sleeper how to wait
   * @param clock the clock of reset times
   * @param log where a line about each pacing wait goes, each line at its level
   */
  public RateLimitInterceptor(boolean pacing, Duration maxWait, Sleeper sleeper, Clock clock,
      ZendeskLogger log) {
    this.pacing = pacing;
    this.maxWait = maxWait;
    this.sleeper = sleeper;
    this.clock = clock;
    this.log = log;
  }

  /**
   * The last rate limit reported.
   *
   * @return the status, or {@link RateLimitStatus#UNKNOWN} before any response carried rate-limit headers
   */
  public RateLimitStatus status() {
    return status.get();
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    if (pacing) {
      pace();
    }
    Response response = chain.proceed(chain.request());
    observe(response);
    return response;
  }

  private void pace() throws InterruptedIOException {
    RateLimitStatus s = status.get();
    if (s.remaining() != 0 || s.resetAt() == null) {
      return;
    }
    Duration wait = Duration.between(clock.instant(), s.resetAt());
    if (wait.isNegative() || wait.isZero()) {
      return;
    }
    if (wait.compareTo(maxWait) > 0) {
      wait = maxWait;
    }
    log.log(Level.INFO, "rate limit: 0 requests left, pacing " + wait.toMillis() + " ms until the window resets");
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while pacing for the rate limit");
    }
  }

  private void observe(Response response) {
    RateLimitStatus seen = RateLimitStatus.of(response.headers(), clock.instant());
    if (seen != RateLimitStatus.UNKNOWN) {
      status.set(seen);
    }
  }
}
