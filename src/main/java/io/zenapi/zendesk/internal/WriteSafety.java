package io.zenapi.zendesk.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.zenapi.zendesk.errors.WriteOutcomeUnknownException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.net.ssl.SSLHandshakeException;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.Buffer;
import retrofit2.Invocation;

/**
 * Whether a request may be sent twice: the one rule the transport's retries and the client's exceptions share.
 *
 * <p>GET, HEAD and OPTIONS may. POST and PATCH may only with an {@code Idempotency-Key}. PUT and DELETE may unless
 * the operation is marked {@link NotIdempotent} (by the spec tool) and, for a mark that names body members, the
 * request sets one of them. A failure that certainly happened before the request left
 * ({@link #neverSent(IOException)}) may be retried whatever the request.
 */
public final class WriteSafety {
  /** The header that makes a POST or PATCH safe to send twice. */
  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

  /**
   * Tag for a request whose caller must know whether the transport sent it again after a failure that may have
   * reached Zendesk: a safe update, whose replayed write meets 409 when its first copy landed. Filled by the retry
   * interceptor on the call's thread, read after the call.
   */
  public static final class Replays {
    private volatile String ambiguousFailure;

    /**
     * Records that the request is sent again after a failure that may have reached Zendesk.
     *
     * @param failure what failed, for messages
     */
    public void sentAgainAfter(String failure) {
      this.ambiguousFailure = failure;
    }

    /**
     * The last failure after which the request was sent again although it may have reached Zendesk.
     *
     * @return the failure, or null when every copy sent before the last certainly did not count
     */
    public String ambiguousFailure() {
      return ambiguousFailure;
    }
  }

  private WriteSafety() {}

  /**
   * Why a request must not be sent again after a failure that may have reached Zendesk.
   *
   * @param request the request
   * @return the reason, for messages, or null when the request may be sent again
   */
  public static String whyNotReplayable(Request request) {
    String method = request.method();
    if (SAFE.contains(method) || request.header(IDEMPOTENCY_KEY) != null) {
      return null;
    }
    if (method.equals("POST") || method.equals("PATCH")) {
      return method + " is not idempotent and has no " + IDEMPOTENCY_KEY;
    }
    Invocation invocation = request.tag(Invocation.class);
    NotIdempotent mark = invocation == null ? null : invocation.method().getAnnotation(NotIdempotent.class);
    if (mark == null) {
      return null;
    }
    if (mark.when().length == 0) {
      return "it " + mark.reason() + " each time it is applied";
    }
    List<String> set = request.body() == null ? List.of() : setMembers(bodyText(request), mark.when());
    return set.isEmpty() ? null
        : "its body sets " + String.join(", ", set) + ", which is added again each time it is applied";
  }

  /**
   * Whether a request may change something at Zendesk.
   *
   * @param request the request
   * @return false for GET, HEAD and OPTIONS
   */
  public static boolean isWrite(Request request) {
    return !SAFE.contains(request.method());
  }

  /**
   * Whether a failure certainly happened before any byte of the request reached Zendesk (no connection was made).
   *
   * @param failure the failure
   * @return true for a refused or unroutable connection, an unknown host or a failed TLS handshake
   */
  public static boolean neverSent(IOException failure) {
    return failure instanceof ConnectException || failure instanceof NoRouteToHostException
        || failure instanceof UnknownHostException || failure instanceof SSLHandshakeException;
  }

  /**
   * The request with a fresh {@code Idempotency-Key} when its operation is {@link IdempotencyKeyHonoured} and it has
   * none yet; otherwise the request itself.
   *
   * @param request the request, before its first attempt
   * @return the request to send on every attempt
   */
  public static Request withIdempotencyKey(Request request) {
    Invocation invocation = request.tag(Invocation.class);
    if (invocation == null || request.header(IDEMPOTENCY_KEY) != null
        || !invocation.method().isAnnotationPresent(IdempotencyKeyHonoured.class)) {
      return request;
    }
    return request.newBuilder().header(IDEMPOTENCY_KEY, UUID.randomUUID().toString()).build();
  }

  /**
   * The exception for a write whose outcome is unknown, carrying what is needed to check it.
   *
   * @param request the request as sent
   * @param what what happened and what to do, after "outcome unknown: METHOD /path "
   * @param cause the failure
   * @return the exception
   */
  public static WriteOutcomeUnknownException outcomeUnknown(Request request, String what, Throwable cause) {
    Invocation invocation = request.tag(Invocation.class);
    return new WriteOutcomeUnknownException("outcome unknown: " + request.method() + " " + request.url().encodedPath()
        + " " + what, request.method(), request.url().toString(),
        invocation == null ? null : invocation.method().getName(), bodyText(request),
        request.header(IDEMPOTENCY_KEY), cause);
  }

  /**
   * The body as sent, as text; null without a body or when it cannot be read again.
   *
   * @param request the request
   * @return the body text, or null
   */
  public static String bodyText(Request request) {
    RequestBody body = request.body();
    if (body == null || body.isOneShot() || body.isDuplex()) {
      return null;
    }
    try (Buffer buffer = new Buffer()) {
      body.writeTo(buffer);
      return buffer.readUtf8();
    } catch (IOException e) {
      return null;
    }
  }

  /** The given dotted members the JSON body sets to something other than null (through arrays). */
  private static List<String> setMembers(String body, String[] members) {
    JsonElement json;
    try {
      json = body == null ? null : JsonParser.parseString(body);
    } catch (RuntimeException e) {
      json = null;
    }
    if (json == null) {
      return List.of(members); // a body that cannot be read back as JSON: assume the worst
    }
    List<String> out = new ArrayList<>();
    for (String member : members) {
      if (sets(json, member.split("\\."), 0)) {
        out.add(member);
      }
    }
    return out;
  }

  private static boolean sets(JsonElement node, String[] path, int at) {
    if (node == null || node.isJsonNull()) {
      return false;
    }
    if (at == path.length) {
      return true;
    }
    if (node.isJsonArray()) {
      for (JsonElement item : node.getAsJsonArray()) {
        if (sets(item, path, at)) {
          return true;
        }
      }
      return false;
    }
    return node.isJsonObject() && sets(node.getAsJsonObject().get(path[at]), path, at + 1);
  }
}
