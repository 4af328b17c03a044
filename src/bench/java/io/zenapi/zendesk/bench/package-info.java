/**
 * {@code make bench}: pagination throughput and allocation of this client against the raw floor (OkHttp + Gson) and
 * the cloudbees zendesk-java-client, a 1,000,000-ticket pass under {@code -Xmx64m}, and the cost of waiting for 250
 * jobs. Loopback only; the server runs in its own JVM so that what is measured is the client alone.
 */
package io.zenapi.zendesk.bench;
