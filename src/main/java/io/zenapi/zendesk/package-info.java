/**
 * A Java client for the Zendesk Support REST API.
 *
 * <p>The API itself is generated at build time from the OpenAPI specs in {@code openapi/}: Retrofit interfaces in
 * {@code io.zenapi.zendesk.generated.api}, Gson models in {@code io.zenapi.zendesk.generated.model}. Those
 * packages are never written by hand. Everything else under {@code io.zenapi.zendesk} is hand-written.
 */
package io.zenapi.zendesk;
