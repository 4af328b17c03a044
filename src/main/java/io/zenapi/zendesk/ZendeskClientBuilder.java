package io.zenapi.zendesk;

import io.zenapi.zendesk.auth.Credentials;
import io.zenapi.zendesk.internal.BaseUrls;
import io.zenapi.zendesk.transport.RetryPolicy;
import io.zenapi.zendesk.transport.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Builds a {@link ZendeskClient}. Required: where ({@link #subdomain} or {@link #baseUrl}) and
 * {@link #credentials}. {@link #build()} checks every setting and names the one that is wrong.
 *
 * <p>Defaults: connect timeout 10 s, read and write timeouts 60 s, {@link RetryPolicy#defaults()}, no rate-limit
 * pacing, log lines at DEBUG on the {@code System.Logger} named {@code io.zenapi.zendesk}.
 */
public final class ZendeskClientBuilder {
  private static final String VERSION = "0.1.0";

  private String subdomain;
  private String baseUrl;
  private Credentials credentials;
  private Duration connectTimeout = Duration.ofSeconds(10);
  private Duration readTimeout = Duration.ofSeconds(60);
  private Duration writeTimeout = Duration.ofSeconds(60);
  private RetryPolicy retryPolicy = RetryPolicy.defaults();
  private OkHttpClient sharedHttpClient;
  private String userAgentSuffix;
  private boolean rateLimitPacing;
  private ZendeskLogger log;
  private Sleeper sleeper = Sleeper.system();
  private Clock clock = Clock.systemUTC();

  ZendeskClientBuilder() {}

  /**
   * The account's subdomain: {@code acme} for {@code https://acme.zendesk.com}.
   *
   * @param subdomain the subdomain (lower-case letters, digits and inner hyphens)
   * @return this builder
   */
  public ZendeskClientBuilder subdomain(String subdomain) {
    this.subdomain = subdomain;
    return this;
  }

  /**
   * A base URL instead of a subdomain, e.g. a mock server. Must be https, or http to a loopback address
   * ({@code localhost}, {@code 127.0.0.1}, {@code [::1]}).
   *
   * @param baseUrl the base URL
   * @return this builder
   */
  public ZendeskClientBuilder baseUrl(String baseUrl) {
    this.baseUrl = baseUrl;
    return this;
  }

  /**
   * How to authenticate: {@link Credentials#oauth}, {@link Credentials#apiToken}, {@link Credentials#basic}.
   *
   * @param credentials the credentials (required)
   * @return this builder
   */
  public ZendeskClientBuilder credentials(Credentials credentials) {
    this.credentials = credentials;
    return this;
  }

  /**
   * Connect timeout, positive (default 10 s).
   *
   * @param d the connect timeout
   * @return this builder
   */
  public ZendeskClientBuilder connectTimeout(Duration d) {
    this.connectTimeout = d;
    return this;
  }

  /**
   * Read timeout per attempt, positive (default 60 s).
   *
   * @param d the read timeout
   * @return this builder
   */
  public ZendeskClientBuilder readTimeout(Duration d) {
    this.readTimeout = d;
    return this;
  }

  /**
   * Write timeout per attempt, positive (default 60 s).
   *
   * @param d the write timeout
   * @return this builder
   */
  public ZendeskClientBuilder writeTimeout(Duration d) {
    this.writeTimeout = d;
    return this;
  }

  /**
   * The retry policy (default {@link RetryPolicy#defaults()}; {@link RetryPolicy#none()} turns retries off).
   *
   * @param policy the retry policy
   * @return this builder
   */
  public ZendeskClientBuilder retryPolicy(RetryPolicy policy) {
    this.retryPolicy = policy;
    return this;
  }

  /**
   * An OkHttp client to share connection pool and dispatcher with (the client adds its interceptors to a
   * derived copy, after the shared client's own: those run once per call, before retries, so a header they add,
   * such as {@code Idempotency-Key}, is seen by the retry rule and sent unchanged on every attempt; closing the
   * Zendesk client leaves the shared one running).
   *
   * @param shared the OkHttp client to share (default: none; the client builds its own)
   * @return this builder
   */
  public ZendeskClientBuilder httpClient(OkHttpClient shared) {
    this.sharedHttpClient = shared;
    return this;
  }

  /**
   * Appended to the User-Agent, e.g. {@code "acme-sync/2.1"}: lets Zendesk tell integrations apart.
   *
   * @param suffix printable ASCII, not blank (default: none)
   * @return this builder
   */
  public ZendeskClientBuilder userAgentSuffix(String suffix) {
    this.userAgentSuffix = suffix;
    return this;
  }

  /**
   * Whether to hold requests back when Zendesk reports no request left in the rate-limit window, until it resets
   * (at most the retry policy's {@code maxRetryAfter}); shared by all threads of the client (default off).
   *
   * @param on {@code true} to pace requests
   * @return this builder
   */
  public ZendeskClientBuilder rateLimitPacing(boolean on) {
    this.rateLimitPacing = on;
    return this;
  }

  /**
   * Where log lines go, each with its level ({@link ZendeskLogger} lists which line has which); never headers,
   * bodies or secrets. Default: {@link ZendeskLogger#system()}, the {@code System.Logger} named
   * {@code io.zenapi.zendesk}.
   *
   * (Not an overload of {@link #logger(Consumer)}: a method reference such as {@code lines::add} would fit both.)
   *
   * @param logger receives each log line with its level
   * @return this builder
   */
  public ZendeskClientBuilder leveledLogger(ZendeskLogger logger) {
    this.log = logger;
    return this;
  }

  /**
   * Every log line, whatever its level, to {@code sink} (see {@link #leveledLogger(ZendeskLogger)} to keep the levels).
   *
   * @param sink receives each log line
   * @return this builder
   */
  public ZendeskClientBuilder logger(Consumer<String> sink) {
    this.log = sink == null ? null : ZendeskLogger.lines(sink);
    return this;
  }

  /**
   * How the client waits between retries and polls; for tests (default: {@link Sleeper#system()}).
   *
   * @param sleeper how to wait
   * @return this builder
   */
  public ZendeskClientBuilder sleeper(Sleeper sleeper) {
    this.sleeper = sleeper;
    return this;
  }

  /**
   * The clock of deadlines and timeouts; for tests (default: the system UTC clock).
   *
   * @param clock the clock
   * @return this builder
   */
  public ZendeskClientBuilder clock(Clock clock) {
    this.clock = clock;
    return this;
  }

  /**
   * The client.
   *
   * @return a new client with these settings
   * @throws IllegalStateException naming every missing or invalid setting
   */
  public ZendeskClient build() {
    List<String> problems = new ArrayList<>();
    HttpUrl url = BaseUrls.resolve(subdomain, baseUrl, problems);
    if (credentials == null) {
      problems.add("credentials(...) is required: Credentials.oauth(token), Credentials.apiToken(email, token)"
          + " or Credentials.basic(email, password)");
    }
    positive("connectTimeout", connectTimeout, problems);
    positive("readTimeout", readTimeout, problems);
    positive("writeTimeout", writeTimeout, problems);
    if (retryPolicy == null) {
      problems.add("retryPolicy must not be null (RetryPolicy.none() turns retries off)");
    }
    if (sleeper == null) {
      problems.add("sleeper must not be null");
    }
    if (clock == null) {
      problems.add("clock must not be null");
    }
    if (userAgentSuffix != null && (userAgentSuffix.isBlank() || !userAgentSuffix.chars().allMatch(c -> c >= 0x20
        && c < 0x7f))) {
      problems.add("userAgentSuffix must be printable ASCII, was '" + userAgentSuffix + "'");
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("invalid ZendeskClient settings: " + String.join("; ", problems));
    }
    ZendeskLogger sink = log != null ? log : ZendeskLogger.system();
    String ua = "zenapi-zendesk-java/" + VERSION + " Java/" + Runtime.version().feature()
        + (userAgentSuffix == null ? "" : " " + userAgentSuffix);
    return new ZendeskClient(new Settings(url, credentials, connectTimeout, readTimeout, writeTimeout, retryPolicy,
        sharedHttpClient, ua, rateLimitPacing, sink, sleeper, clock));
  }

  private static void positive(String name, Duration d, List<String> problems) {
    if (d == null || d.isNegative() || d.isZero()) {
      problems.add(name + " must be positive, was " + d);
    }
  }

  /** The validated settings a client is made from. */
  record Settings(HttpUrl baseUrl, Credentials credentials, Duration connectTimeout, Duration readTimeout,
      Duration writeTimeout, RetryPolicy retryPolicy, OkHttpClient sharedHttpClient, String userAgent,
      boolean rateLimitPacing, ZendeskLogger log, Sleeper sleeper, Clock clock) {
    @Override
    public String toString() {
      return "Settings{" + baseUrl + "}";
    }
  }

  /** Never shows credentials. */
  @Override
  public String toString() {
    return "ZendeskClientBuilder{" + (subdomain != null ? subdomain : baseUrl) + "}";
  }
}
