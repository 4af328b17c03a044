/**
 * The HTTP transport: one OkHttp interceptor per concern (authentication, retry, rate limits, logging with
 * redaction) and the immutable policies that configure them. Interceptors throw only {@code IOException};
 * the client turns failures into typed exceptions in one place.
 */
package io.zenapi.zendesk.transport;
