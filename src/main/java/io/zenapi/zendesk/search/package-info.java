/**
 * Search results typed by their {@code result_type}: {@link io.zenapi.zendesk.search.SearchResult}, the type of
 * every item of the generated {@code SearchResponse} and {@code SearchExportResponse}.
 */
package io.zenapi.zendesk.search;
