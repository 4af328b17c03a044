/**
 * Credentials and the interceptor that applies them. Credentials never appear in {@code toString()}, logs or
 * exception messages.
 */
package io.zenapi.zendesk.auth;
