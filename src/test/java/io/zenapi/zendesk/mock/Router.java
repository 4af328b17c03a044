package io.zenapi.zendesk.mock;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers every request: planned faults first, then the stateful routes, then the spec's examples, then 404.
 * Registered with WireMock as the response transformer of one catch-all stub at the lowest priority, so a stub the
 * user adds to {@link MockZendesk#wireMock()} wins over the mock's own answers.
 */
final class Router implements ResponseDefinitionTransformerV2 {
  static final String NAME = "zendesk-mock-router";

  /** A stateful handler. */
  @FunctionalInterface
  interface Handler {
    ResponseDefinition handle(MockRequest request);
  }

  private record Route(String method, Pattern path, Handler handler) {}

  private final List<Route> routes = new CopyOnWriteArrayList<>();
  private final Faults faults;
  private final SpecExamples examples;

  Router(Faults faults, SpecExamples examples) {
    this.faults = faults;
    this.examples = examples;
  }

  /** Adds a route; {@code pathRegex} is matched against the whole path (groups become path parameters). */
  void on(String method, String pathRegex, Handler handler) {
    routes.add(new Route(method, Pattern.compile(pathRegex), handler));
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    Request request = event.getRequest();
    ResponseDefinition targeted = faults.respondTo(request.getMethod().getName(), path(request));
    if (targeted != null) {
      return targeted;
    }
    Faults.Planned fault = faults.next(request.getMethod().getName());
    if (fault != null && fault.replacement() != null && !fault.afterHandling()) {
      return fault.replacement().get();
    }
    ResponseDefinition answer = answer(request);
    if (fault != null && fault.afterHandling()) {
      return fault.replacement().get();
    }
    var reply = com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.like(answer)
        .withHeader("X-Rate-Limit", Integer.toString(RATE_LIMIT))
        .withHeader("X-Rate-Limit-Remaining", Long.toString(remainingThisMinute()));
    if (fault != null && fault.delay() != null) {
      reply.withFixedDelay((int) fault.delay().toMillis());
    }
    return reply.build();
  }

  /** Requests a minute the mock reports, like Zendesk's Suite Growth plan; it never refuses on its own. */
  static final int RATE_LIMIT = 700;
  private final java.util.concurrent.atomic.AtomicLong window = new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong used = new java.util.concurrent.atomic.AtomicLong();

  private long remainingThisMinute() {
    long minute = System.currentTimeMillis() / 60_000;
    if (window.getAndSet(minute) != minute) {
      used.set(0);
    }
    return Math.max(0, RATE_LIMIT - used.incrementAndGet());
  }

  /** The request's path without the query and a {@code .json} suffix. */
  static String path(Request request) {
    String url = request.getUrl();
    int q = url.indexOf('?');
    String path = q < 0 ? url : url.substring(0, q);
    return path.endsWith(".json") ? path.substring(0, path.length() - ".json".length()) : path;
  }

  private ResponseDefinition answer(Request request) {
    String path = path(request);
    String method = request.getMethod().getName();
    if (request.getHeader("Authorization") == null && !path.equals("/oauth/tokens")) {
      return Reply.error(401, "Couldn't authenticate you", "Send credentials in the Authorization header");
    }
    ResponseDefinition refused = examples.refused(method, path, request);
    if (refused != null) {
      return refused;
    }
    for (Route r : routes) {
      if (r.method().equals(method)) {
        Matcher m = r.path().matcher(path);
        if (m.matches()) {
          try {
            return r.handler().handle(new MockRequest(request, m));
          } catch (NumberFormatException e) {
            return Reply.error(400, "InvalidValue", "a number was expected: " + e.getMessage());
          } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException
              | ClassCastException | java.time.DateTimeException | com.google.gson.JsonParseException e) {
            // a garbled cursor, a body that is not JSON or has the wrong shape: the client's fault, as on Zendesk
            return Reply.error(400, "InvalidValue", "the request could not be understood: " + e.getMessage());
          }
        }
      }
    }
    ResponseDefinition example = examples.answer(method, path, request);
    return example != null ? example : Reply.error(404, "InvalidEndpoint", "Not found: " + method + " " + path);
  }

  @Override
  public boolean applyGlobally() {
    return false; // only the catch-all stub: a user's own stubs are answered as they say
  }

  @Override
  public String getName() {
    return NAME;
  }
}
