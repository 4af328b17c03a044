package io.zenapi.zendesk.internal;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import io.zenapi.zendesk.ZendeskResponse;
import io.zenapi.zendesk.errors.ApiErrors;
import io.zenapi.zendesk.errors.MalformedResponseException;
import io.zenapi.zendesk.errors.ZendeskTransportException;
import io.zenapi.zendesk.transport.RateLimitStatus;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.Invocation;

/**
 * Runs one request through the client's OkHttp stack and turns the answer into a value or a typed exception.
 * Every call of the hand-written layer goes through here, so failures are mapped in exactly one way.
 */
public final class Exchange {
  private final OkHttpClient http;
  private final Gson gson;
  private final Clock clock;

  /**
   * An exchange over the client's configured OkHttp client; {@code clock} measures {@code Retry-After} dates.
   *
   * @param http the client's OkHttp client, with its interceptors
   * @param gson binds the bodies
   * @param clock the clock a {@code Retry-After} HTTP-date is measured against
   */
  public Exchange(OkHttpClient http, Gson gson, Clock clock) {
    this.http = http;
    this.gson = gson;
    this.clock = clock;
  }

  /**
   * Executes a generated method's call: its request is sent through the client's transport and the body is
   * bound to the type the method declares.
   *
   * @param call a call made by a method of a generated API interface
   * @param <T> the body type
   * @return the body, or null for operations without one
   * @throws IllegalArgumentException when the call was not made by a generated API method
   * @throws io.zenapi.zendesk.errors.ZendeskApiException (or a subclass) for an HTTP error status
   * @throws ZendeskTransportException when no response could be had
   * @throws MalformedResponseException when the body is not the JSON promised
   */
  @SuppressWarnings("unchecked")
  public <T> T execute(Call<T> call) {
    Request request = prepare(call.request());
    return (T) execute(request, responseType(request), false);
  }

  /**
   * {@link #execute(Call)} with an {@code Idempotency-Key} header on the request, which makes a POST or PATCH
   * retryable by the transport.
   *
   * @param call a call made by a method of a generated API interface
   * @param idempotencyKey the key, sent unchanged on every attempt
   * @param <T> the body type
   * @return the body, or null for operations that return none
   * @throws IllegalArgumentException when the call was not made by a generated API method
   * @throws io.zenapi.zendesk.errors.ZendeskApiException (or a subclass) for an HTTP error status
   * @throws ZendeskTransportException when no response could be had
   * @throws MalformedResponseException when the body is not the JSON promised
   */
  @SuppressWarnings("unchecked")
  public <T> T execute(Call<T> call, String idempotencyKey) {
    Request request = call.request().newBuilder().header(WriteSafety.IDEMPOTENCY_KEY, idempotencyKey).build();
    return (T) execute(request, responseType(request), false);
  }

  /**
   * Like {@link #execute(Call)}, for callers that cannot do without the body (a page, the ticket a safe update
   * reads or writes): a 2xx without one (204, or an empty body) is a {@link MalformedResponseException}.
   *
   * @param call a call made by a method of a generated API interface
   * @param <T> the body type
   * @return the body, never null
   * @throws IllegalArgumentException when the call was not made by a generated API method
   * @throws io.zenapi.zendesk.errors.ZendeskApiException (or a subclass) for an HTTP error status
   * @throws ZendeskTransportException when no response could be had
   * @throws MalformedResponseException when the body is missing or not the JSON promised
   */
  @SuppressWarnings("unchecked")
  public <T> T executeForBody(Call<T> call) {
    Request request = prepare(call.request());
    return (T) execute(request, responseType(request), true);
  }

  /**
   * Like {@link #executeForBody(Call)}, telling {@code replays} whether the transport sent the request again after
   * a failure that may have reached Zendesk (a safe update needs to know whether a 409 answers its own first copy).
   *
   * @param call a call made by a method of a generated API interface
   * @param replays filled during the call
   * @param <T> the body type
   * @return the body, never null
   * @throws IllegalArgumentException when the call was not made by a generated API method
   * @throws io.zenapi.zendesk.errors.ZendeskApiException (or a subclass) for an HTTP error status
   * @throws ZendeskTransportException when no response could be had
   * @throws MalformedResponseException when the body is missing or not the JSON promised
   */
  @SuppressWarnings("unchecked")
  public <T> T executeForBody(Call<T> call, WriteSafety.Replays replays) {
    Request request = prepare(call.request()).newBuilder().tag(WriteSafety.Replays.class, replays).build();
    return (T) execute(request, responseType(request), true);
  }

  /**
   * Runs a generated method's call and returns the body with the response's status, headers and rate limit.
   *
   * @param call a call made by a method of a generated API interface
   * @param <T> the body type
   * @return the response
   * @throws IllegalArgumentException when the call was not made by a generated API method
   * @throws io.zenapi.zendesk.errors.ZendeskApiException (or a subclass) for an HTTP error status
   * @throws ZendeskTransportException when no response could be had
   * @throws MalformedResponseException when the body is not the JSON promised
   */
  @SuppressWarnings("unchecked")
  public <T> ZendeskResponse<T> executeRaw(Call<T> call) {
    Request request = prepare(call.request());
    Type type = responseType(request);
    return send(request, response -> new ZendeskResponse<>(response.code(), response.headers(),
        RateLimitStatus.of(response.headers(), clock.instant()), (T) read(response, type, false)));
  }

  /**
   * Runs a generated method's call without blocking: the request is queued on OkHttp's dispatcher and the future
   * completes with the body, or exceptionally with the same typed {@link io.zenapi.zendesk.errors.ZendeskException}
   * that {@link #execute(Call)} throws. No thread waits for the response; cancelling the future cancels the HTTP
   * call (a retry wait in progress ends at its next check).
   *
   * @param call a call made by a method of a generated API interface
   * @param <T> the body type
   * @return the future body (null for operations without one)
   * @throws IllegalArgumentException when the call was not made by a generated API method
   */
  @SuppressWarnings("unchecked")
  public <T> CompletableFuture<T> executeAsync(Call<T> call) {
    Request request = prepare(call.request());
    Type type = responseType(request);
    return enqueue(request, response -> (T) read(response, type, false));
  }

  private Object execute(Request request, Type type, boolean bodyRequired) {
    return send(request, response -> read(response, type, bodyRequired));
  }

  /** Sends a request on this thread and returns what {@code reader} makes of the response, closed after. */
  private <V> V send(Request request, ResponseReader<V> reader) {
    try (Response response = http.newCall(request).execute()) {
      return reader.read(response);
    } catch (IOException e) {
      throw transportFailure(request, e);
    }
  }

  /** The value of a response: the bound body, or a typed exception for an error status or a bad body. */
  private Object read(Response response, Type type, boolean bodyRequired) throws IOException {
    if (!response.isSuccessful()) {
      throw ApiErrors.fromResponse(response, clock);
    }
    if (type == null || type == Void.class || response.code() == 204) {
      if (bodyRequired) {
        throw noBody(response, type);
      }
      return null;
    }
    Object value = parse(response, type);
    if (value == null && bodyRequired) {
      throw noBody(response, type);
    }
    return value;
  }

  /** The request as sent on every attempt: with a fresh Idempotency-Key where Zendesk honours one. */
  private static Request prepare(Request request) {
    return WriteSafety.withIdempotencyKey(request);
  }

  private static ZendeskTransportException transportFailure(Request request, IOException e) {
    if (WriteSafety.isWrite(request) && !WriteSafety.neverSent(e)) {
      String notReplayable = WriteSafety.whyNotReplayable(request);
      return WriteSafety.outcomeUnknown(request, "failed after it may have reached Zendesk ("
          + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); "
          + (notReplayable == null ? "sending it again is safe"
              + (request.header(WriteSafety.IDEMPOTENCY_KEY) == null ? "" : " with the same Idempotency-Key")
              : "it was not sent again, because " + notReplayable + "; check whether it was applied before "
                  + "repeating it"), e);
    }
    if (e instanceof InterruptedIOException) {
      if (Thread.currentThread().isInterrupted()) {
        return new ZendeskTransportException("interrupted: " + describe(request), e);
      }
      return new ZendeskTransportException("timed out: " + describe(request) + " (" + e.getMessage() + ")", e);
    }
    return new ZendeskTransportException(e.getClass().getSimpleName() + " on " + describe(request)
        + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
  }

  /**
   * The type a generated method's {@code Call<T>} promises, from the call's Retrofit {@link Invocation} tag.
   *
   * @param request a request made by a generated API method
   * @return the {@code T} of the method's {@code Call<T>}
   * @throws IllegalArgumentException when the request has no Invocation tag or its method does not return
   *     {@code Call<T>}
   */
  public static Type responseType(Request request) {
    Invocation invocation = request.tag(Invocation.class);
    if (invocation == null) {
      throw new IllegalArgumentException("not a call of a generated API method (no Retrofit Invocation tag)");
    }
    Type returned = invocation.method().getGenericReturnType();
    if (!(returned instanceof ParameterizedType p)) {
      throw new IllegalArgumentException(invocation.method() + " does not return Call<T>");
    }
    return p.getActualTypeArguments()[0];
  }

  private Object parse(Response response, Type type) throws IOException {
    ResponseBody body = response.body();
    if (type == ResponseBody.class) {
      // the caller reads (and closes) a raw body, e.g. an attachment download: hand over a detached copy
      return ResponseBody.create(body.bytes(), body.contentType());
    }
    // read the whole body first: a connection failure while reading it is a transport failure, not a bad body
    body.source().request(Long.MAX_VALUE);
    if (body.source().exhausted()) {
      return null;
    }
    return bind(gson.newJsonReader(body.charStream()), type, response.code(), response.request(),
        response.header(ApiErrors.REQUEST_ID));
  }

  /** Binds one JSON document; a body that is not the promised JSON is a {@link MalformedResponseException}. */
  private Object bind(JsonReader reader, Type type, int code, Request request, String requestId) throws IOException {
    TypeAdapter<?> adapter = gson.getAdapter(TypeToken.get(type));
    try {
      Object value = adapter.read(reader);
      if (reader.peek() != JsonToken.END_DOCUMENT) {
        throw new JsonParseException("data after the JSON document");
      }
      return value;
    } catch (JsonParseException | IllegalStateException | NumberFormatException | IOException e) {
      // NumberFormatException: Gson's float and double adapters let it through unwrapped
      if (e instanceof InterruptedIOException) {
        throw (InterruptedIOException) e;
      }
      // the message says what went wrong and where, from the reader; never Gson's text, which may quote a value
      throw new MalformedResponseException("HTTP " + code + " from " + describe(request) + " is not a valid "
          + simpleName(type) + ": " + problem(e) + " at " + reader.getPath(), code, requestId, e);
    }
  }

  /**
   * A successful answer read whole into memory, not yet bound: the pagination engine peeks at its end for the next
   * page's address before binding it.
   *
   * @param request the request answered
   * @param code the status
   * @param requestId Zendesk's request id, or null
   * @param body the whole body, in the buffer the request was sent with
   */
  public record Fetched(Request request, int code, String requestId, BodyBuffer body) {}

  /**
   * Sends a request and reads its successful answer whole into {@code into} (the transport retries a body cut off
   * mid-way like any connection failure).
   *
   * @param request the request
   * @param into the buffer the body is read into, replacing what it held
   * @return the answer, not yet bound
   * @throws io.zenapi.zendesk.errors.ZendeskApiException (or a subclass) for an HTTP error status
   * @throws ZendeskTransportException when no response could be had
   */
  public Fetched fetch(Request request, BodyBuffer into) {
    Request prepared = into.attachTo(prepare(request));
    return send(prepared, this::fetched);
  }

  /**
   * {@link #fetch(Request, BodyBuffer)} without blocking: the future completes with the answer or the same typed
   * exception; cancelling it cancels the HTTP call. {@code into} is written until the future completes (or, after a
   * cancellation, until the call notices it): it must not be reused before.
   *
   * @param request the request
   * @param into the buffer the body is read into, replacing what it held
   * @return the future answer
   */
  public CompletableFuture<Fetched> fetchAsync(Request request, BodyBuffer into) {
    Request prepared = into.attachTo(prepare(request));
    return enqueue(prepared, this::fetched);
  }

  /** What a call's response becomes; the response is closed after. */
  private interface ResponseReader<V> {
    V read(Response response) throws IOException;
  }

  /**
   * Queues a request on OkHttp's dispatcher: the future completes with what {@code reader} makes of the response,
   * or exceptionally with the typed exception; cancelling it cancels the HTTP call.
   */
  private <V> CompletableFuture<V> enqueue(Request request, ResponseReader<V> reader) {
    okhttp3.Call httpCall = http.newCall(request);
    CompletableFuture<V> future = new CompletableFuture<>() {
      @Override
      public boolean cancel(boolean mayInterruptIfRunning) {
        // the future first: cancelling the HTTP call fails it at once on a dispatcher thread, and that failure must
        // not complete the future before the cancellation does
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        httpCall.cancel();
        return cancelled;
      }
    };
    httpCall.enqueue(new Callback() {
      @Override
      public void onFailure(okhttp3.Call c, IOException e) {
        future.completeExceptionally(transportFailure(request, e));
      }

      @Override
      public void onResponse(okhttp3.Call c, Response response) {
        try (response) {
          future.complete(reader.read(response));
        } catch (IOException e) {
          future.completeExceptionally(transportFailure(request, e));
        } catch (RuntimeException e) {
          future.completeExceptionally(e);
        }
      }
    });
    return future;
  }

  private Fetched fetched(Response response) throws IOException {
    if (!response.isSuccessful()) {
      throw ApiErrors.fromResponse(response, clock);
    }
    // the transport's retry has read the body into the request's buffer already; this reads it when it has not
    BodyBuffer body = response.request().tag(BodyBuffer.class);
    BodyBuffer.readInto(response).close();
    return new Fetched(response.request(), response.code(), response.header(ApiErrors.REQUEST_ID), body);
  }

  /**
   * Binds a fetched answer to {@code type}, consuming its body.
   *
   * @param fetched the answer
   * @param type the type to bind to
   * @return the value, never null
   * @throws MalformedResponseException when the body is missing or not the JSON promised
   */
  public Object bind(Fetched fetched, Type type) {
    if (fetched.body().size() == 0) {
      throw noBody(fetched.code(), fetched.request(), fetched.requestId(), type);
    }
    try (Utf8Reader chars = new Utf8Reader(fetched.body().array(), fetched.body().size())) {
      Object value = bind(gson.newJsonReader(chars), type, fetched.code(), fetched.request(), fetched.requestId());
      if (value == null) {
        throw new MalformedResponseException("HTTP " + fetched.code() + " from " + describe(fetched.request())
            + " is null; a " + simpleName(type) + " was expected", fetched.code(), fetched.requestId(), null);
      }
      return value;
    } catch (IOException e) {
      // nothing is read from the network here: the body is in memory
      throw new MalformedResponseException("HTTP " + fetched.code() + " from " + describe(fetched.request())
          + " could not be read: " + e.getMessage(), fetched.code(), fetched.requestId(), e);
    }
  }

  private static MalformedResponseException noBody(Response response, Type type) {
    return noBody(response.code(), response.request(), response.header(ApiErrors.REQUEST_ID), type);
  }

  private static MalformedResponseException noBody(int code, Request request, String requestId, Type type) {
    return new MalformedResponseException("HTTP " + code + " from " + describe(request) + " has no body; a "
        + (type == null ? "body" : simpleName(type)) + " was expected", code, requestId, null);
  }

  private static String problem(Exception e) {
    if (e instanceof MalformedJsonException) {
      return "not well-formed JSON";
    }
    if (e instanceof EOFException) {
      return "the JSON ends early";
    }
    if (e instanceof JsonParseException && "data after the JSON document".equals(e.getMessage())) {
      return e.getMessage();
    }
    return "a value of the wrong type or format";
  }

  private static String describe(Request request) {
    return request.method() + " " + request.url().encodedPath();
  }

  private static String simpleName(Type type) {
    return type instanceof Class<?> c ? c.getSimpleName() : type.getTypeName();
  }
}
