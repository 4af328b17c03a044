/**
 * One pagination engine for every list operation: {@link io.zenapi.zendesk.pagination.Paginated}, made by
 * {@code ZendeskClient.paginate(...)}.
 */
package io.zenapi.zendesk.pagination;
