package io.zenapi.zendesk;

import io.zenapi.zendesk.auth.AuthInterceptor;
import io.zenapi.zendesk.auth.Credentials;
import io.zenapi.zendesk.auth.OAuthCredentials;
import io.zenapi.zendesk.auth.TokenEndpoint;
import io.zenapi.zendesk.generated.api.JobStatusesApi;
import io.zenapi.zendesk.generated.api.TagsApi;
import io.zenapi.zendesk.generated.api.TicketsApi;
import io.zenapi.zendesk.internal.Exchange;
import io.zenapi.zendesk.internal.Json;
import io.zenapi.zendesk.jobs.Jobs;
import io.zenapi.zendesk.pagination.Paginated;
import io.zenapi.zendesk.tickets.Tickets;
import io.zenapi.zendesk.transport.LoggingInterceptor;
import io.zenapi.zendesk.transport.RateLimitInterceptor;
import io.zenapi.zendesk.transport.RateLimitStatus;
import io.zenapi.zendesk.transport.RetryInterceptor;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import retrofit2.Call;
import retrofit2.Retrofit;
import retrofit2.converter.gson.GsonConverterFactory;

/**
 * The entry point: one client per Zendesk account, immutable, thread-safe and {@link AutoCloseable}.
 *
 * <pre>{@code
 * try (ZendeskClient client = ZendeskClient.builder()
 *     .subdomain("acme")
 *     .credentials(Credentials.oauth(accessToken))
 *     .build()) {
 *   TicketsApi tickets = client.api(TicketsApi.class);
 *   TicketObject t = client.execute(tickets.showTicket(42L)).getTicket();
 * }
 * }</pre>
 *
 * Every generated interface ({@code io.zenapi.zendesk.generated.api}) is available through {@link #api(Class)}; on
 * top of them the client offers pagination ({@link #paginate}), job waiting ({@link #jobs()}) and conflict-safe
 * updates ({@link #tickets()}). All requests share one transport: authentication, retries, rate-limit tracking
 * and redacted logging.
 */
public final class ZendeskClient implements AutoCloseable {
  private final ZendeskClientBuilder.Settings settings;
  private final OkHttpClient http;
  private final Retrofit retrofit;
  private final Exchange exchange;
  private final RateLimitInterceptor rateLimits;
  private final Map<Class<?>, Object> apis = new ConcurrentHashMap<>();
  private final ExecutorService executor;
  private final Jobs jobs;
  private final Tickets tickets;
  private final AtomicBoolean closed = new AtomicBoolean();

  ZendeskClient(ZendeskClientBuilder.Settings s) {
    this.settings = s;
    this.rateLimits = new RateLimitInterceptor(s.rateLimitPacing(), s.retryPolicy().maxRetryAfter(), s.sleeper(),
        s.clock(), s.log());
    OkHttpClient.Builder b = (s.sharedHttpClient() == null ? new OkHttpClient.Builder()
        : s.sharedHttpClient().newBuilder())
        .connectTimeout(s.connectTimeout())
        .readTimeout(s.readTimeout())
        .writeTimeout(s.writeTimeout())
        // the retry deadline bounds the whole call in real time, bodies included: a server trickling a body just
        // under the read timeout cannot hold a call (or a thread) for longer
        .callTimeout(s.retryPolicy().deadline())
        .retryOnConnectionFailure(false); // the RetryInterceptor decides, with backoff and the idempotency rule
    // after the shared client's own interceptors: what they add to a call (an Idempotency-Key, say) is seen by
    // the retry interceptor, and they run once per call, so every attempt carries the same header values
    b.addInterceptor(new UserAgentInterceptor(s.userAgent()));
    if (s.credentials() instanceof OAuthCredentials oauth) {
      // token requests: same connections, no Authorization, not retried (a lost refresh must not be replayed)
      OkHttpClient tokenHttp = b.build().newBuilder()
          .addInterceptor(new LoggingInterceptor(s.log()))
          .build();
      oauth.bind(new TokenEndpoint(tokenHttp, s.baseUrl(), s.clock(), s.log()));
    }
    b.addInterceptor(new AuthInterceptor(s.credentials(), s.baseUrl()));
    b.addInterceptor(new RetryInterceptor(s.retryPolicy(), s.sleeper(), s.clock(), s.log()));
    b.addInterceptor(rateLimits);
    b.addInterceptor(new LoggingInterceptor(s.log()));
    this.http = b.build();
    this.retrofit = new Retrofit.Builder()
        .baseUrl(s.baseUrl())
        .client(http)
        .addConverterFactory(GsonConverterFactory.create(Json.GSON))
        .build();
    this.exchange = new Exchange(http, Json.GSON, s.clock());
    AtomicInteger threads = new AtomicInteger();
    this.executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "zendesk-client-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.jobs = new Jobs(exchange, api(JobStatusesApi.class), s.sleeper(), s.clock(), executor, s.log());
    this.tickets = new Tickets(exchange, api(TicketsApi.class), api(TagsApi.class), jobs, s.log());
  }

  /**
   * A builder; {@code subdomain(...)} or {@code baseUrl(...)} and {@code credentials(...)} are required.
   *
   * @return a new builder
   */
  public static ZendeskClientBuilder builder() {
    return new ZendeskClientBuilder();
  }

  /**
   * A generated API interface on this client's transport, e.g. {@code client.api(TicketsApi.class)}. Instances
   * are cached and thread-safe. Run their calls with {@link #execute(Call)} to get typed errors; calling
   * {@code execute()} on the Retrofit call itself works too, with Retrofit's own error handling.
   *
   * @param type a generated API interface, e.g. {@code TicketsApi.class}
   * @param <T> the interface type
   * @return the implementation of {@code type} on this client's transport (the same instance on every call)
   * @throws IllegalArgumentException when {@code type} is not a generated API interface
   */
  public <T> T api(Class<T> type) {
    ensureOpen();
    if (type == null || !type.isInterface() || !type.getPackageName().equals(TicketsApi.class.getPackageName())) {
      throw new IllegalArgumentException("api(...) takes a generated interface from "
          + TicketsApi.class.getPackageName() + ", got " + type);
    }
    return type.cast(apis.computeIfAbsent(type, this::bind));
  }

  /** A generated interface on this client's Retrofit instance, through its generated {@code create(Retrofit)}. */
  private Object bind(Class<?> type) {
    try {
      return type.getMethod("create", Retrofit.class).invoke(null, retrofit);
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException(type.getName() + " has no generated create(Retrofit) method", e);
    }
  }

  /**
   * Runs a call of a generated method and returns its body.
   *
   * @param call a call made by a method of a generated API interface
   * @param <T> the body type
   * @return the body, or null for operations that return none
   * @throws io.zenapi.zendesk.errors.ZendeskApiException (or a subclass) for an HTTP error status
   * @throws io.zenapi.zendesk.errors.ZendeskTransportException when no response could be had
   * @throws io.zenapi.zendesk.errors.MalformedResponseException when the body is not the JSON promised
   * @throws IllegalStateException when the client is closed
   * @throws IllegalArgumentException when {@code call} is null
   */
  public <T> T execute(Call<T> call) {
    ensureOpen();
    if (call == null) {
      throw new IllegalArgumentException("execute: call must not be null");
    }
    return exchange.execute(call);
  }

  /**
   * Runs a call with an {@code Idempotency-Key}, so that a POST or PATCH (creating a ticket, say) is retried after a
   * 503 or a lost connection like a GET, without being applied twice: Zendesk answers a repeated key with the first
   * result. Use one key per logical operation (a UUID kept with the work item) and the same key when the operation
   * is run again after a crash.
   *
   * @param call a call made by a method of a generated API interface
   * @param idempotencyKey the key: 1 to 255 printable ASCII characters
   * @param <T> the body type
   * @return the body, or null for operations that return none
   * @throws io.zenapi.zendesk.errors.ZendeskApiException (or a subclass) for an HTTP error status
   * @throws io.zenapi.zendesk.errors.ZendeskTransportException when no response could be had
   * @throws io.zenapi.zendesk.errors.MalformedResponseException when the body is not the JSON promised
   * @throws IllegalStateException when the client is closed
   * @throws IllegalArgumentException when {@code call} is null or the key is blank, too long or not printable ASCII
   */
  public <T> T execute(Call<T> call, String idempotencyKey) {
    ensureOpen();
    if (call == null) {
      throw new IllegalArgumentException("execute: call must not be null");
    }
    if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 255
        || !idempotencyKey.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException("execute: the idempotency key must be 1 to 255 printable ASCII characters"
          + " without spaces");
    }
    return exchange.execute(call, idempotencyKey);
  }

  /**
   * Runs a call without blocking the calling thread, with the same retries, typed errors and redaction as
   * {@link #execute(Call)}: the future completes with the body, or exceptionally with a
   * {@link io.zenapi.zendesk.errors.ZendeskException}. Calls wait in OkHttp's dispatcher (64 at a time by
   * default), so no thread is held per call in flight; {@code future.cancel(true)} cancels the HTTP call.
   *
   * @param call a call made by a method of a generated API interface
   * @param <T> the body type
   * @return the future body (null for operations that return none)
   * @throws IllegalStateException when the client is closed
   * @throws IllegalArgumentException when {@code call} is null or not made by a generated method
   */
  public <T> CompletableFuture<T> executeAsync(Call<T> call) {
    ensureOpen();
    if (call == null) {
      throw new IllegalArgumentException("executeAsync: call must not be null");
    }
    return exchange.executeAsync(call);
  }

  /**
   * Runs a call and returns the body with the response's status, headers, request id and rate limit, for callers
   * who need the headers; otherwise the same as {@link #execute(Call)}.
   *
   * @param call a call made by a method of a generated API interface
   * @param <T> the body type
   * @return the response
   * @throws io.zenapi.zendesk.errors.ZendeskApiException (or a subclass) for an HTTP error status
   * @throws io.zenapi.zendesk.errors.ZendeskTransportException when no response could be had
   * @throws io.zenapi.zendesk.errors.MalformedResponseException when the body is not the JSON promised
   * @throws IllegalStateException when the client is closed
   * @throws IllegalArgumentException when {@code call} is null or not made by a generated method
   */
  public <T> ZendeskResponse<T> executeRaw(Call<T> call) {
    ensureOpen();
    if (call == null) {
      throw new IllegalArgumentException("executeRaw: call must not be null");
    }
    return exchange.executeRaw(call);
  }

  /**
   * Every item of a list operation, fetched lazily page by page. See {@link Paginated}. The engine sets the
   * pagination parameters itself ({@code page[size]} or {@code per_page}, cursors, next pages); set the page size
   * with {@link Paginated#pageSize(int)}.
   *
   * <pre>{@code
   * for (TicketSkipObject skip : client.paginate(skipsApi.listTicketSkips(userId), TicketSkipsResponse::getSkips)) {
   *   ...
   * }
   * }</pre>
   *
   * @param firstPage the call for the first page; it is not run itself, each iteration sends a fresh copy of its
   *     request, so one call serves any number of iterations
   * @param items picks the items out of a page
   * @param <R> the response type of a page
   * @param <T> the item type
   * @return the items of every page; nothing is requested before iteration starts
   * @throws IllegalArgumentException when {@code firstPage} or {@code items} is null, or the call was not made by
   *     a generated method
   * @throws IllegalStateException when the client is closed
   */
  public <R, T> Paginated<T> paginate(Call<R> firstPage, Function<R, List<T>> items) {
    ensureOpen();
    return Paginated.of(exchange, firstPage, items);
  }

  /**
   * Waiting for background jobs.
   *
   * @return this client's job waiter
   * @throws IllegalStateException when the client is closed
   */
  public Jobs jobs() {
    ensureOpen();
    return jobs;
  }

  /**
   * Conflict-safe ticket updates.
   *
   * @return this client's conflict-safe ticket updates
   * @throws IllegalStateException when the client is closed
   */
  public Tickets tickets() {
    ensureOpen();
    return tickets;
  }

  /**
   * The rate limit Zendesk reported on its latest response.
   *
   * @return the latest status, or {@link RateLimitStatus#UNKNOWN} before any response reported one
   */
  public RateLimitStatus rateLimit() {
    return rateLimits.status();
  }

  /**
   * The base URL requests go to.
   *
   * @return the account's base URL, ending in {@code /}
   */
  public HttpUrl baseUrl() {
    return settings.baseUrl();
  }

  /**
   * Releases the client's threads and connections. A shared {@code OkHttpClient} given to the builder keeps its
   * own dispatcher and pool: closing this client does not shut them down. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    executor.shutdownNow();
    if (settings.sharedHttpClient() == null) {
      http.dispatcher().cancelAll(); // a page requested ahead that nobody will read, say
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  private void ensureOpen() {
    if (closed.get()) {
      throw new IllegalStateException("this ZendeskClient is closed");
    }
  }

  /** Never shows credentials. */
  @Override
  public String toString() {
    return "ZendeskClient{" + settings.baseUrl() + ", " + settings.credentials() + "}";
  }

  /** Sets the User-Agent on every request. */
  private record UserAgentInterceptor(String userAgent) implements okhttp3.Interceptor {
    @Override
    public okhttp3.Response intercept(Chain chain) throws java.io.IOException {
      return chain.proceed(chain.request().newBuilder().header("User-Agent", userAgent).build());
    }
  }
}
