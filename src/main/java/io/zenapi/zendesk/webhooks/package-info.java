/**
 * Receiving Zendesk webhooks: {@link io.zenapi.zendesk.webhooks.WebhookVerifier} checks a delivery's signature and
 * timestamp, {@link io.zenapi.zendesk.webhooks.WebhookEvent} reads an event-subscribed webhook's payload. No web
 * framework is needed: both take the header values and the raw body bytes.
 */
package io.zenapi.zendesk.webhooks;
