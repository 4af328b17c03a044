package io.zenapi.zendesk.mock;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults the mock injects into its next requests, in the order they were asked for: 429 with {@code Retry-After},
 * 503, slow answers, connection resets before the request is handled, and resets after it was applied (the
 * ambiguous failure: the write landed, the client never hears so). Thread-safe.
 */
public final class Faults {
  private final ConcurrentLinkedQueue<Planned> queue = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Targeted> targeted = new ConcurrentLinkedQueue<>();
  private final AtomicInteger injected = new AtomicInteger();

  Faults() {}

  /** The next {@code times} requests get 429 with {@code Retry-After} in whole seconds. */
  public Faults rateLimit(int times, Duration retryAfter) {
    return plan(times, () -> ResponseDefinitionBuilder.responseDefinition().withStatus(429)
        .withHeader("Retry-After", Long.toString(retryAfter.toSeconds()))
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\":\"TooManyRequests\",\"description\":\"Rate limit exceeded\"}").build());
  }

  /** The next {@code times} requests get 503. */
  public Faults unavailable(int times) {
    return plan(times, () -> ResponseDefinitionBuilder.responseDefinition().withStatus(503)
        .withHeader("Content-Type", "text/html").withBody("<html><body>Service Unavailable</body></html>").build());
  }

  /** The connection of the next {@code times} requests is reset. */
  public Faults connectionReset(int times) {
    return plan(times, () -> ResponseDefinitionBuilder.responseDefinition()
        .withFault(Fault.CONNECTION_RESET_BY_PEER).build());
  }

  /**
   * The next {@code times} writes (any method but GET) are handled, so they change the mock's data, and then their
   * connection is reset instead of answered: the client cannot know whether its write was applied. Reads before
   * them pass untouched (a safe update reads first).
   */
  public Faults connectionResetAfterApplying(int times) {
    requireTimes(times);
    for (int i = 0; i < times; i++) {
      queue.add(new Planned(() -> ResponseDefinitionBuilder.responseDefinition()
          .withFault(Fault.CONNECTION_RESET_BY_PEER).build(), null, true));
    }
    return this;
  }

  /** The next {@code times} requests are answered normally but only after {@code delay}. */
  public Faults slow(int times, Duration delay) {
    if (delay == null || delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative, was " + delay);
    }
    requireTimes(times);
    for (int i = 0; i < times; i++) {
      queue.add(new Planned(null, delay, false));
    }
    return this;
  }

  /**
   * The next request with this method and path gets {@code status} with {@code body} as JSON instead of the mock's
   * answer, whatever else is planned: a 422 for a create, a 403 for one endpoint, any status. Requests to other
   * paths are not affected; each call answers one request.
   *
   * @param method the HTTP method, e.g. {@code "POST"}
   * @param path the path without query, e.g. {@code "/api/v2/tickets"} (a {@code .json} suffix is ignored)
   * @param status the status, 100 to 599
   * @param body the JSON body (Zendesk's error bodies look like
   *     {@code {"error":"RecordInvalid","description":"...","details":{...}}}), or null for none
   * @return these faults
   * @throws IllegalArgumentException when the method, path or status is not usable
   */
  public Faults respond(String method, String path, int status, String body) {
    if (method == null || method.isBlank() || path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException("respond needs a method and a path starting with /, got " + method + " "
          + path);
    }
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status must be 100 to 599, was " + status);
    }
    String bare = path.endsWith(".json") ? path.substring(0, path.length() - ".json".length()) : path;
    targeted.add(new Targeted(method.toUpperCase(java.util.Locale.ROOT), bare, () -> {
      ResponseDefinitionBuilder answer = ResponseDefinitionBuilder.responseDefinition().withStatus(status);
      return (body == null ? answer : answer.withHeader("Content-Type", "application/json").withBody(body)).build();
    }));
    return this;
  }

  /** Drops every planned fault (the count of those already injected stays). */
  public void clear() {
    queue.clear();
    targeted.clear();
  }

  /** Drops every planned fault and starts the count again: the mock's {@code reset()}. */
  void reset() {
    clear();
    injected.set(0);
  }

  /** The answer planned with {@link #respond} for this request, consumed; null when none is. */
  ResponseDefinition respondTo(String method, String path) {
    for (Targeted t : targeted) {
      if (t.method().equals(method) && t.path().equals(path) && targeted.remove(t)) {
        injected.incrementAndGet();
        return t.answer().get();
      }
    }
    return null;
  }

  private record Targeted(String method, String path, java.util.function.Supplier<ResponseDefinition> answer) {}

  /** How many faults were injected since start or the mock's last {@code reset()}. */
  public int injected() {
    return injected.get();
  }

  private Faults plan(int times, java.util.function.Supplier<ResponseDefinition> fault) {
    requireTimes(times);
    for (int i = 0; i < times; i++) {
      queue.add(new Planned(fault, null, false));
    }
    return this;
  }

  private static void requireTimes(int times) {
    if (times < 0) {
      throw new IllegalArgumentException("times must not be negative, was " + times);
    }
  }

  /** The next planned fault for a request of this method, consumed; null when none applies. */
  synchronized Planned next(String method) {
    Planned head = queue.peek();
    if (head == null || head.afterHandling() && method.equals("GET")) {
      return null;
    }
    queue.poll();
    injected.incrementAndGet();
    return head;
  }

  /**
   * A planned fault: a replacement answer (given after the request was handled when {@code afterHandling}), or a
   * delay added to the normal one.
   */
  record Planned(java.util.function.Supplier<ResponseDefinition> replacement, Duration delay,
      boolean afterHandling) {}
}
