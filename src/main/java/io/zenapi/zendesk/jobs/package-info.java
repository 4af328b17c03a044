/**
 * Waiting for Zendesk's background jobs (bulk updates, imports, merges): {@link io.zenapi.zendesk.jobs.Jobs}.
 */
package io.zenapi.zendesk.jobs;
