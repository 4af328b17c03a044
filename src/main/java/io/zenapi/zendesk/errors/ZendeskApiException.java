package io.zenapi.zendesk.errors;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Zendesk answered with an HTTP error status. Subclasses name the common statuses; others (5xx, 405, ...)
 * arrive as this class. Created by {@link ApiErrors}, the one place that maps statuses to exceptions.
 */
public class ZendeskApiException extends ZendeskException {
  private static final long serialVersionUID = 1L;

  /** The HTTP status code. */
  private final int status;
  /** Zendesk's {@code X-Zendesk-Request-Id}, or null. */
  private final String requestId;
  /** Zendesk's short error code, or null. */
  private final String error;
  /** Zendesk's description of the error, or null. */
  private final String description;
  private final transient Map<String, Object> details;
  private final transient Map<String, List<FieldError>> fieldErrors;

  /**
   * See {@link ApiErrors#toException}.
   *
   * @param e the error response
   */
  public ZendeskApiException(ApiError e) {
    super(e.message());
    this.status = e.status();
    this.requestId = e.requestId();
    this.error = e.error();
    this.description = e.description();
    this.details = e.details() == null ? Map.of() : Map.copyOf(e.details());
    this.fieldErrors = FieldError.from(e.details());
  }

  /**
   * The HTTP status code.
   *
   * @return the status, e.g. 404
   */
  public int status() {
    return status;
  }

  /**
   * Zendesk's {@code X-Zendesk-Request-Id}, for support tickets with Zendesk; empty when absent.
   *
   * @return the request id, or empty
   */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /**
   * Zendesk's short error code ({@code RecordNotFound}, {@code UpdateConflict}, ...); empty when absent.
   *
   * @return the error code, or empty
   */
  public Optional<String> error() {
    return Optional.ofNullable(error);
  }

  /**
   * Zendesk's description of the error, for people; empty when absent.
   *
   * @return the description, or empty
   */
  public Optional<String> description() {
    return Optional.ofNullable(description);
  }

  /**
   * Zendesk's per-field {@code details} (field name → problems); empty when absent.
   *
   * @return the details, unmodifiable; empty when Zendesk sent none
   */
  public Map<String, Object> details() {
    return details == null ? Map.of() : details;
  }

  /**
   * Zendesk's per-field errors, typed: for a 422 {@code RecordInvalid}, each field that was refused with its errors
   * ({@code error} code and {@code description}), in the order Zendesk sent them.
   *
   * @return field → errors, unmodifiable; empty when Zendesk named no field
   */
  public Map<String, List<FieldError>> fieldErrors() {
    return fieldErrors == null ? Map.of() : fieldErrors;
  }
}
