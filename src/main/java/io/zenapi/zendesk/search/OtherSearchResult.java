package io.zenapi.zendesk.search;

import com.google.gson.JsonElement;
import io.zenapi.zendesk.internal.NameSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A search result of a {@code result_type} this client has no model for (Zendesk may add types): every member is kept
 * in {@link #additionalProperties()}, readable with {@code additionalProperty(name, type)}, and written back as it
 * came.
 */
public final class OtherSearchResult implements SearchResult {
  private final Map<String, JsonElement> members = new LinkedHashMap<>();
  private final Set<String> nulls = new NameSet();

  @Override
  public Map<String, JsonElement> additionalProperties() {
    return members;
  }

  @Override
  public Set<String> explicitNulls() {
    return nulls;
  }

  /** The type and the member names; never values. */
  @Override
  public String toString() {
    return "OtherSearchResult{result_type=" + resultType() + ", members=" + members.keySet() + "}";
  }
}
