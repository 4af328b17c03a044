package io.zenapi.zendesk;

import io.zenapi.zendesk.errors.ApiErrors;
import io.zenapi.zendesk.transport.RateLimitStatus;
import java.util.Optional;
import okhttp3.Headers;

/**
 * A successful response with its metadata, from {@link ZendeskClient#executeRaw}: the HTTP status, the headers,
 * Zendesk's request id and rate limit, and the body bound to the operation's type.
 *
 * @param <T> the body type
 */
public final class ZendeskResponse<T> {
  private final int status;
  private final Headers headers;
  private final RateLimitStatus rateLimit;
  private final T body;

  /**
   * A response as the client read it.
   *
   * @param status the HTTP status (2xx)
   * @param headers the response headers
   * @param rateLimit the rate limit these headers report
   * @param body the bound body, or null when the operation returns none
   */
  public ZendeskResponse(int status, Headers headers, RateLimitStatus rateLimit, T body) {
    this.status = status;
    this.headers = headers;
    this.rateLimit = rateLimit;
    this.body = body;
  }

  /**
   * The HTTP status.
   *
   * @return a 2xx status (errors are thrown as exceptions)
   */
  public int status() {
    return status;
  }

  /**
   * The response headers.
   *
   * @return the headers as received
   */
  public Headers headers() {
    return headers;
  }

  /**
   * One header's value.
   *
   * @param name the header name, in any case
   * @return its last value, or empty when absent
   */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name));
  }

  /**
   * Zendesk's id of this request ({@code X-Zendesk-Request-Id}), for support tickets and logs.
   *
   * @return the id, or empty when the server sent none
   */
  public Optional<String> requestId() {
    return header(ApiErrors.REQUEST_ID);
  }

  /**
   * The rate limit this response reports.
   *
   * @return the status, or {@link RateLimitStatus#UNKNOWN} when the response carries no rate-limit header
   */
  public RateLimitStatus rateLimit() {
    return rateLimit;
  }

  /**
   * The body, bound to the operation's type.
   *
   * @return the body, or null for an operation that returns none
   */
  public T body() {
    return body;
  }

  /** Status and request id; never headers or body, which may hold personal data. */
  @Override
  public String toString() {
    return "ZendeskResponse{status=" + status + ", requestId=" + requestId().orElse("-") + "}";
  }
}
