package io.zenapi.zendesk.transport;

import io.zenapi.zendesk.ZendeskLogger;
import io.zenapi.zendesk.internal.BodyBuffer;
import io.zenapi.zendesk.internal.WriteSafety;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The one retry mechanism of the client, as an OkHttp interceptor: see {@link RetryPolicy} for what is retried.
 *
 * <p>JSON bodies (and bodies without a {@code Content-Type}) are read completely inside the interceptor, so a
 * connection reset in the middle of a body is retried like any other connection failure. An interrupted thread stops
 * at once: the wait is abandoned, the interrupt flag is set again and an {@link InterruptedIOException} ends the call.
 */
public final class RetryInterceptor implements Interceptor {
  /** The header that makes a POST or PATCH safe to retry. */
  public static final String IDEMPOTENCY_KEY = WriteSafety.IDEMPOTENCY_KEY;

  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final Clock clock;
  private final ZendeskLogger log;

  /**
   * @param policy what to retry and how long to wait
   * @param sleeper how to wait
   * @param clock the clock of the deadline and of {@code Retry-After} dates
   * @param log where a line about each retry goes
   */
  public RetryInterceptor(RetryPolicy policy, Sleeper sleeper, Clock clock, Consumer<String> log) {
    this(policy, sleeper, clock, ZendeskLogger.lines(log));
  }

  /**
   * @param policy what to retry and how long to wait
   * @param sleeper how to wait
   * @param clock the clock of the deadline and of {@code Retry-After} dates
   * @param log where a line about each retry goes, each line at its level
   */
  public RetryInterceptor(RetryPolicy policy, Sleeper sleeper, Clock clock, ZendeskLogger log) {
    this.policy = policy;
    this.sleeper = sleeper;
    this.clock = clock;
    this.log = log;
  }

  /**
   * Whether a request may be sent twice without harm, after a failure that may have reached Zendesk.
   *
   * @param request the request
   * @return true for GET, HEAD and OPTIONS, for a request with an {@code Idempotency-Key} header, and for a PUT or
   *     DELETE unless its operation is one Zendesk does not apply idempotently (a comment, tags added: see
   *     {@link WriteSafety})
   */
  public static boolean isRetryable(Request request) {
    return WriteSafety.whyNotReplayable(request) == null;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Instant deadline = clock.instant().plus(policy.deadline());
    for (int attempt = 1; ; attempt++) {
      checkInterrupted();
      if (chain.call().isCanceled()) {
        // an async call cancelled while this thread waited to retry it
        throw new IOException("Canceled");
      }
      Response response = null;
      IOException failure = null;
      try {
        response = bufferJson(chain.proceed(request));
      } catch (IOException e) {
        if (Thread.currentThread().isInterrupted() || chain.call().isCanceled()) {
          throw e;
        }
        failure = e;
      }
      if (response != null && !policy.isRetryableStatus(response.code())) {
        return response;
      }
      String why = response != null ? "HTTP " + response.code() : failure.getClass().getSimpleName();
      if (!mayRetry(request, response, failure)) {
        return finish(response, failure);
      }
      if (attempt >= policy.maxAttempts()) {
        if (attempt > 1) {
          log.log(Level.WARNING, givingUp(request, attempt, why));
        }
        return finish(response, failure);
      }
      Duration wait = waitBefore(attempt, response);
      if (clock.instant().plus(wait).isAfter(deadline)) {
        log.log(Level.WARNING, givingUp(request, attempt, why) + ": waiting " + wait.toMillis()
            + " ms more would pass the " + policy.deadline().toMillis() + " ms deadline");
        return finish(response, failure);
      }
      WriteSafety.Replays replays = request.tag(WriteSafety.Replays.class);
      if (replays != null && (failure != null && !WriteSafety.neverSent(failure)
          || response != null && response.code() != 429)) {
        replays.sentAgainAfter(failure != null ? why + (failure.getMessage() == null ? "" : ": "
            + failure.getMessage()) : why);
      }
      // a 429 is Zendesk pacing us, which is expected; anything else is a failure that was papered over
      log.log(response != null && response.code() == 429 ? Level.INFO : Level.WARNING,
          "retry " + attempt + "/" + (policy.maxAttempts() - 1) + " of " + request.method() + " "
          + request.url().encodedPath() + " after " + why + " in " + wait.toMillis() + " ms");
      if (response != null) {
        response.close();
      }
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        InterruptedIOException stop = new InterruptedIOException("interrupted while waiting to retry "
            + request.method() + " " + request.url().encodedPath());
        stop.initCause(e);
        throw stop;
      }
    }
  }

  /**
   * A 429 was refused unprocessed and a connection that was never made carried nothing, so both may be retried
   * whatever the request; anything else only when the request may be sent twice.
   */
  private static boolean mayRetry(Request request, Response response, IOException failure) {
    if (response != null && response.code() == 429 || failure != null && WriteSafety.neverSent(failure)) {
      return true;
    }
    return isRetryable(request);
  }

  private Duration waitBefore(int attempt, Response response) {
    if (response != null && (response.code() == 429 || response.code() == 503)) {
      Duration asked = RetryAfter.parse(response.header("Retry-After"), clock);
      if (asked != null) {
        return asked.compareTo(policy.maxRetryAfter()) > 0 ? policy.maxRetryAfter() : asked;
      }
    }
    Duration base = policy.backoff(attempt);
    double factor = 1 + policy.jitter() * (2 * ThreadLocalRandom.current().nextDouble() - 1);
    return Duration.ofMillis(Math.max(0, Math.round(base.toMillis() * factor)));
  }

  private static Response finish(Response response, IOException failure) throws IOException {
    if (response != null) {
      return response;
    }
    throw failure;
  }

  private static String givingUp(Request request, int attempts, String lastOutcome) {
    return "giving up on " + request.method() + " " + request.url().encodedPath() + " after " + attempts
        + " attempts, the last ending in " + lastOutcome;
  }

  private static void checkInterrupted() throws InterruptedIOException {
    if (Thread.currentThread().isInterrupted()) {
      throw new InterruptedIOException("the calling thread is interrupted");
    }
  }

  /**
   * Reads a JSON body (or one of undeclared type, which the client parses as JSON too) completely now, so that a
   * failure while reading it is a retryable failure here: into the request's reusable {@link BodyBuffer} when it
   * carries one (a page), else into okio's buffer.
   */
  private static Response bufferJson(Response response) throws IOException {
    ResponseBody body = response.body();
    if (body == null) {
      return response;
    }
    if (response.request().tag(BodyBuffer.class) != null) {
      return BodyBuffer.readInto(response);
    }
    MediaType type = body.contentType();
    if (type != null && !type.subtype().contains("json")) {
      return response;
    }
    try {
      body.source().request(Long.MAX_VALUE);
    } catch (IOException e) {
      response.close();
      throw e;
    }
    return response;
  }
}
