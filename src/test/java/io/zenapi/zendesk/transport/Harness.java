package io.zenapi.zendesk.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.zenapi.zendesk.ZendeskClient;
import io.zenapi.zendesk.ZendeskClientBuilder;
import io.zenapi.zendesk.auth.Credentials;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/** Shared fixture of the transport and client WireMock tests (not a test): server, fake clock, recording sleeper, log. */
public final class Harness {
  public static final String OAUTH_TOKEN = "oauth-SECRET-7f3a9c";
  public static final String BEARER = "Bearer " + OAUTH_TOKEN;
  public static final Instant START = Instant.parse("2030-03-04T05:06:07Z");
  public static final String TICKET_1 = "{\"ticket\":{\"id\":1,\"subject\":\"Hello\"}}";

  public final WireMockServer server;
  public final FakeClock clock = new FakeClock(START);
  public final RecordingSleeper sleeper = new RecordingSleeper(clock);
  public final List<String> log = Collections.synchronizedList(new ArrayList<>());
  private final List<ZendeskClient> clients = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger scenarios = new AtomicInteger();

  private Harness(WireMockConfiguration config) {
    this.server = new WireMockServer(config);
    server.start();
  }

  /** A harness around a WireMock server on 127.0.0.1 with a dynamic port. */
  public static Harness start() {
    return start(WireMockConfiguration.options());
  }

  /** A harness around a WireMock server configured further by the caller. */
  public static Harness start(WireMockConfiguration config) {
    return new Harness(config.dynamicPort().bindAddress("127.0.0.1"));
  }

  /** Back to a clean state between tests: no stubs, no journal, clock at START, no waits, no log lines. */
  public void reset() {
    closeClients();
    server.resetAll();
    clock.set(START);
    sleeper.clear();
    log.clear();
  }

  public void stop() {
    closeClients();
    server.stop();
  }

  private void closeClients() {
    synchronized (clients) {
      clients.forEach(ZendeskClient::close);
      clients.clear();
    }
  }

  /** A builder pointed at the server, with OAuth credentials, the fake clock and sleeper, and the capturing log. */
  public ZendeskClientBuilder builder() {
    return ZendeskClient.builder()
        .baseUrl(server.baseUrl())
        .credentials(Credentials.oauth(OAUTH_TOKEN))
        .sleeper(sleeper)
        .clock(clock)
        .logger(log::add);
  }

  /** A client from {@link #builder()} adjusted by {@code tweak}; closed by {@link #reset()}. */
  public ZendeskClient client(UnaryOperator<ZendeskClientBuilder> tweak) {
    ZendeskClient c = tweak.apply(builder()).build();
    clients.add(c);
    return c;
  }

  public ZendeskClient client() {
    return client(b -> b);
  }

  /** A client whose retry policy has no jitter, so waits are exact. */
  public ZendeskClient exactClient(int maxAttempts) {
    return client(b -> b.retryPolicy(RetryPolicy.builder().jitter(0).maxAttempts(maxAttempts).build()));
  }

  /**
   * Answers the requests {@code request} matches with {@code responses} in turn; the last one repeats.
   * A {@link Supplier} because a WireMock {@link MappingBuilder} holds one scenario state only.
   */
  public void sequence(Supplier<MappingBuilder> request, ResponseDefinitionBuilder... responses) {
    String name = "sequence-" + scenarios.incrementAndGet();
    for (int i = 0; i < responses.length; i++) {
      var m = request.get().inScenario(name)
          .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "step-" + i)
          .willReturn(responses[i]);
      server.stubFor(i < responses.length - 1 ? m.willSetStateTo("step-" + (i + 1)) : m);
    }
  }

  /** {@code n} copies of {@code r}, for {@link #sequence}. */
  public static ResponseDefinitionBuilder[] times(int n, ResponseDefinitionBuilder r) {
    ResponseDefinitionBuilder[] out = new ResponseDefinitionBuilder[n];
    java.util.Arrays.fill(out, r);
    return out;
  }

  /** {@code a} followed by {@code rest}. */
  public static ResponseDefinitionBuilder[] then(ResponseDefinitionBuilder[] a, ResponseDefinitionBuilder... rest) {
    ResponseDefinitionBuilder[] out = java.util.Arrays.copyOf(a, a.length + rest.length);
    System.arraycopy(rest, 0, out, a.length, rest.length);
    return out;
  }

  /** A JSON response. */
  public static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8")
        .withBody(body);
  }

  public static ResponseDefinitionBuilder ticket1() {
    return json(200, TICKET_1);
  }

  /** Every request the server received, oldest first. */
  public List<LoggedRequest> received() {
    List<LoggedRequest> all = new ArrayList<>(server.findAll(anyRequestedFor(anyUrl())));
    all.sort(java.util.Comparator.comparing(LoggedRequest::getLoggedDate));
    return all;
  }

  /**
   * The received requests as lines {@code "GET /api/v2/tickets/1?x=y | Authorization=... | Idempotency-Key=..."},
   * oldest first ("-" for an absent header).
   */
  public List<String> requests() {
    return received().stream().map(Harness::line).toList();
  }

  public static String line(LoggedRequest r) {
    return r.getMethod().getName() + " " + r.getUrl() + " | Authorization=" + header(r, "Authorization")
        + " | Idempotency-Key=" + header(r, "Idempotency-Key");
  }

  /** The expected line for {@link #requests()}. */
  public static String expect(String methodAndUrl, String authorization, String idempotencyKey) {
    return methodAndUrl + " | Authorization=" + (authorization == null ? "-" : authorization)
        + " | Idempotency-Key=" + (idempotencyKey == null ? "-" : idempotencyKey);
  }

  /** {@code n} copies of {@code line}. */
  public static List<String> repeat(int n, String line) {
    return Collections.nCopies(n, line);
  }

  private static String header(LoggedRequest r, String name) {
    return r.containsHeader(name) ? r.getHeader(name) : "-";
  }

  public static List<Duration> seconds(long... s) {
    return java.util.Arrays.stream(s).mapToObj(Duration::ofSeconds).toList();
  }

  public static List<Duration> millis(long... ms) {
    return java.util.Arrays.stream(ms).mapToObj(Duration::ofMillis).toList();
  }

  /** A clock tests move by hand; the recording sleeper moves it by each wait. */
  public static final class FakeClock extends Clock {
    private volatile Instant now;

    public FakeClock(Instant start) {
      this.now = start;
    }

    public void set(Instant i) {
      now = i;
    }

    public synchronized void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  /** Records each wait instead of waiting, and advances the fake clock by it. */
  public static final class RecordingSleeper implements Sleeper {
    private final FakeClock clock;
    private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
    private volatile Runnable beforeEachWait = () -> {};

    RecordingSleeper(FakeClock clock) {
      this.clock = clock;
    }

    @Override
    public void sleep(Duration d) {
      beforeEachWait.run();
      waits.add(d);
      clock.advance(d);
    }

    /** Runs {@code r} at the start of each wait (e.g. to note how many requests were sent by then). */
    public void beforeEachWait(Runnable r) {
      this.beforeEachWait = r;
    }

    public List<Duration> waits() {
      synchronized (waits) {
        return List.copyOf(waits);
      }
    }

    void clear() {
      waits.clear();
      beforeEachWait = () -> {};
    }
  }
}
