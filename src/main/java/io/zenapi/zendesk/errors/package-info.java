/**
 * The exceptions of the client: all unchecked, all under {@link io.zenapi.zendesk.errors.ZendeskException}.
 *
 * <pre>
 * ZendeskException
 * ├── ZendeskApiException             an HTTP error status, with status(), requestId(), error(), description()
 * │   ├── BadRequestException         400, 422
 * │   ├── AuthenticationException     401
 * │   ├── PermissionDeniedException   403
 * │   ├── NotFoundException           404
 * │   ├── ConflictException           409
 * │   └── RateLimitedException        429, with retryAfter()
 * ├── ZendeskTransportException       no usable HTTP exchange: connection, timeout, interrupt
 * ├── MalformedResponseException      a 2xx whose body is not the JSON expected
 * ├── PaginationException             a cursor or next page that does not advance
 * ├── JobFailedException / JobTimeoutException
 * └── UpdateConflictException         a safe update still conflicting after its attempts
 * </pre>
 * Status codes map to exceptions in exactly one place, {@link io.zenapi.zendesk.errors.ApiErrors}. Messages
 * carry the status, Zendesk's error and description and the request id, never credentials or bodies.
 */
package io.zenapi.zendesk.errors;
