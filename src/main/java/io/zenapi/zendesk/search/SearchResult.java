package io.zenapi.zendesk.search;

import io.zenapi.zendesk.ZendeskModel;
import io.zenapi.zendesk.generated.model.GroupObject;
import io.zenapi.zendesk.generated.model.OrganizationObject;
import io.zenapi.zendesk.generated.model.TicketObject;
import io.zenapi.zendesk.generated.model.UserObject;
import java.util.Map;

/**
 * One result of {@code search} or {@code search/export}, bound to the model its {@code result_type} names: a
 * {@link TicketObject}, {@link UserObject}, {@link OrganizationObject} or {@link GroupObject}; a type Zendesk adds
 * later arrives as an {@link OtherSearchResult} that keeps every member. Use a pattern match:
 *
 * <pre>{@code
 * for (SearchResult r : response.getResults()) {
 *   if (r instanceof TicketObject t) { ... t.getSubject() ... }
 *   else if (r instanceof UserObject u) { ... u.getEmail() ... }
 * }
 * }</pre>
 */
public interface SearchResult extends ZendeskModel {
  /** The JSON member that names a result's type. */
  String DISCRIMINATOR = "result_type";

  /** The model of each known {@code result_type}. */
  Map<String, Class<? extends SearchResult>> TYPES = Map.of(
      "ticket", TicketObject.class,
      "user", UserObject.class,
      "organization", OrganizationObject.class,
      "group", GroupObject.class);

  /**
   * The result's type as Zendesk sent it.
   *
   * @return {@code ticket}, {@code user}, {@code organization}, {@code group}, another type, or null when absent
   */
  default String resultType() {
    return additionalProperty(DISCRIMINATOR, String.class).orElse(null);
  }
}
