package io.zenapi.zendesk.mock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.zenapi.zendesk.ZendeskClient;
import io.zenapi.zendesk.ZendeskClientBuilder;
import io.zenapi.zendesk.auth.Credentials;

/**
 * An embedded fake Zendesk on a loopback port, for tests and demos: no account, no network.
 *
 * <ul>
 *   <li><b>Spec-driven</b>: every operation of the merged spec answers with its example, so any generated method
 *       works against it.</li>
 *   <li><b>Stateful</b> where behaviour matters: {@link #tickets()} (thousands of generated tickets with cursor and
 *       offset pagination, both incremental exports, safe updates with 409, tags, bulk jobs), {@link #skips()},
 *       {@link #suspendedTickets()} and {@link #jobs()} (queued → working → completed over a few polls); tickets
 *       are created by {@code POST /api/v2/tickets} (honouring {@code Idempotency-Key}) and found by search
 *       ({@code /api/v2/search} and its export, over the stored tickets); {@link #users()} are created, shown
 *       and searched by email; uploads give tokens whose files a comment then carries; {@link #webhooks()}
 *       made through the Webhooks API receive signed deliveries when tickets or users change.</li>
 *   <li><b>Faults</b> on demand: {@link #faults()} (429 with {@code Retry-After}, 503, slow answers, resets
 *       before a request is handled or after a write was applied).</li>
 * </ul>
 *
 * <pre>{@code
 * try (MockZendesk zendesk = MockZendesk.start();
 *      ZendeskClient client = zendesk.client()) {
 *   ...
 * }
 * }</pre>
 * Or in JUnit 5: {@code @ExtendWith(MockZendeskExtension.class)} and a {@code MockZendesk} parameter.
 */
public final class MockZendesk implements AutoCloseable {
  /**
   * The priority of the mock's own catch-all stub: the lowest, so every stub a test adds through
   * {@link #wireMock()} (WireMock's default priority is 5) is answered first.
   */
  public static final int CATCH_ALL_PRIORITY = Integer.MAX_VALUE;

  /** Tickets generated when none is said. */
  public static final int DEFAULT_TICKETS = 10_000;

  private final WireMockServer server;
  private final Faults faults = new Faults();
  private final MockJobs jobs = new MockJobs();
  private final MockUploads uploads = new MockUploads();
  private final MockWebhooks webhooks = new MockWebhooks();
  private final MockTickets tickets = new MockTickets(jobs, uploads, webhooks);
  private final MockSkips skips = new MockSkips(tickets);
  private final MockSuspendedTickets suspended = new MockSuspendedTickets(tickets);
  private final MockUsers users = new MockUsers(webhooks);
  private final int ticketCount;
  private final long seed;

  private MockZendesk(int ticketCount, long seed) {
    this.ticketCount = ticketCount;
    this.seed = seed;
    Router router = new Router(faults, new SpecExamples());
    tickets.register(router);
    skips.register(router);
    suspended.register(router);
    jobs.register(router);
    new MockSearch(tickets).register(router);
    users.register(router);
    uploads.register(router);
    webhooks.register(router);
    server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
        .extensions(router).containerThreads(48).jettyAcceptors(2));
  }

  /** Starts a mock with {@value #DEFAULT_TICKETS} tickets. */
  public static MockZendesk start() {
    return start(DEFAULT_TICKETS);
  }

  /**
   * Starts a mock with {@code tickets} generated tickets.
   *
   * @throws IllegalArgumentException when the count is negative
   */
  public static MockZendesk start(int tickets) {
    if (tickets < 0) {
      throw new IllegalArgumentException("ticket count must not be negative, was " + tickets);
    }
    MockZendesk mock = new MockZendesk(tickets, 42);
    mock.server.start();
    mock.server.stubFor(any(anyUrl()).atPriority(CATCH_ALL_PRIORITY)
        .willReturn(aResponse().withStatus(500).withTransformers(Router.NAME)));
    mock.reset();
    return mock;
  }

  /**
   * Puts everything back as it was at start: the data, no planned fault and a zero {@code injected()} count, no
   * job and the default job settings, no request recorded.
   */
  public void reset() {
    webhooks.reset();
    faults.reset();
    jobs.reset();
    tickets.seed(new TicketFactory(baseUrl(), seed), ticketCount);
    skips.seed(250);
    suspended.seed(baseUrl(), 120);
    users.seed(baseUrl());
    uploads.reset();
    server.resetRequests();
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String baseUrl() {
    return server.baseUrl();
  }

  /** A client builder pointed at this mock, with test credentials and no real waiting between polls. */
  public ZendeskClientBuilder clientBuilder() {
    return ZendeskClient.builder().baseUrl(baseUrl()).credentials(Credentials.basic("agent@example.com", "mock"));
  }

  /** A client for this mock (close it when done). */
  public ZendeskClient client() {
    return clientBuilder().build();
  }

  /** The tickets. */
  public MockTickets tickets() {
    return tickets;
  }

  /** The ticket skips. */
  public MockSkips skips() {
    return skips;
  }

  /** The suspended tickets. */
  public MockSuspendedTickets suspendedTickets() {
    return suspended;
  }

  /** The background jobs. */
  public MockJobs jobs() {
    return jobs;
  }

  /** Faults to inject into the next requests. */
  public Faults faults() {
    return faults;
  }

  /** The webhooks: created through the Webhooks API, signed deliveries when tickets or users change. */
  public MockWebhooks webhooks() {
    return webhooks;
  }

  /** The users: created through the API, shown, found by email or external id. */
  public MockUsers users() {
    return users;
  }

  /** How many requests the mock received since start or the last {@link #reset()}. */
  public int requestCount() {
    return server.getAllServeEvents().size();
  }

  /**
   * The underlying WireMock server: verify the requests a test made, or add stubs of your own, which are answered
   * before the mock's (a 422 for one create, say; {@code faults().respond} does that without WireMock's API).
   * Remove them with {@code removeStub}: WireMock's {@code resetAll()} and {@code resetMappings()} would remove the
   * mock's own catch-all stub too.
   */
  public WireMockServer wireMock() {
    return server;
  }

  /** Stops the server. */
  @Override
  public void close() {
    webhooks.close();
    server.stop();
  }
}
