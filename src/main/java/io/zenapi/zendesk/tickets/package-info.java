/** Conflict-safe ticket updates: {@link io.zenapi.zendesk.tickets.Tickets}. */
package io.zenapi.zendesk.tickets;
