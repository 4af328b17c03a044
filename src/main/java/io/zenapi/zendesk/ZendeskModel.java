package io.zenapi.zendesk;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import io.zenapi.zendesk.internal.Json;
import io.zenapi.zendesk.internal.ModelFields;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What every generated model ({@code io.zenapi.zendesk.generated.model}) offers beyond its fields.
 *
 * <ul>
 *   <li><b>Nothing the server sends is lost.</b> JSON members the model has no field for (a field Zendesk added
 *       after the spec was written) are kept, in order, in {@link #additionalProperties()}, readable typed with
 *       {@link #additionalProperty(String, Class)}, and written back when the model is sent: a read-modify-write
 *       keeps them. This holds at every level: a nested model or a list element keeps its own.</li>
 *   <li><b>Clearing a field is possible.</b> A field is <i>absent</i> (not sent: the default, so a PUT never wipes
 *       what the caller did not touch), <i>null</i> (sent as JSON {@code null}, e.g. to unassign a ticket:
 *       {@code ticket.putNull("assignee_id")}) or <i>present</i> (set to a value, which wins over a
 *       {@code putNull} made earlier). {@link #presence(String)} tells the three apart, also on a model read from
 *       the server, where a member sent as {@code null} reads as {@link Presence#NULL}.</li>
 * </ul>
 * The client's JSON binding implements this for every generated model; the models only hold the state.
 */
public interface ZendeskModel {
  /** Whether a member is in a model. */
  enum Presence {
    /** Not in the JSON: not sent. */
    ABSENT,
    /** In the JSON as {@code null}: sent as {@code null}. */
    NULL,
    /** In the JSON with a value. */
    PRESENT
  }

  /**
   * The JSON members this model has no field for, in the order they came; a live, mutable view (a member put here
   * is sent too).
   *
   * @return the members by name, never null
   */
  Map<String, JsonElement> additionalProperties();

  /**
   * The names of the fields that are explicitly {@code null}: read as {@code null} from the server, or set with
   * {@link #putNull(String)}. Used by the JSON binding; prefer {@link #presence(String)} and
   * {@link #putNull(String)}.
   *
   * @return the JSON names, a live, mutable set, never null
   */
  Set<String> explicitNulls();

  /**
   * One member the model has no field for, bound to {@code type}.
   *
   * @param name the JSON member name
   * @param type the type to bind it to (a generated model, {@code String}, {@code Long}, a {@code Map}, ...)
   * @param <T> the type
   * @return the value, or empty when there is no such member or it is {@code null}
   * @throws com.google.gson.JsonParseException when the member does not fit {@code type}
   */
  default <T> Optional<T> additionalProperty(String name, Class<T> type) {
    JsonElement value = additionalProperties().get(name);
    return value == null || value.isJsonNull() ? Optional.empty() : Optional.ofNullable(Json.GSON.fromJson(value,
        type));
  }

  /**
   * Makes a member explicitly {@code null}, so that it is sent as {@code null}: for a field of the model, its value
   * is cleared; for any other name, a {@code null} member is added to {@link #additionalProperties()}.
   *
   * @param jsonName the JSON member name, e.g. {@code "assignee_id"}
   * @throws IllegalArgumentException when the name is null or blank
   */
  default void putNull(String jsonName) {
    if (jsonName == null || jsonName.isBlank()) {
      throw new IllegalArgumentException("putNull: the JSON member name must not be blank");
    }
    if (ModelFields.has(getClass(), jsonName)) {
      ModelFields.clear(this, jsonName);
      explicitNulls().add(jsonName);
    } else {
      additionalProperties().put(jsonName, JsonNull.INSTANCE);
    }
  }

  /**
   * Whether a member is absent, explicitly {@code null} or present, for a field of the model or an additional
   * property.
   *
   * @param jsonName the JSON member name
   * @return its presence
   */
  default Presence presence(String jsonName) {
    if (ModelFields.has(getClass(), jsonName)) {
      if (ModelFields.get(this, jsonName) != null) {
        return Presence.PRESENT;
      }
      return explicitNulls().contains(jsonName) ? Presence.NULL : Presence.ABSENT;
    }
    JsonElement value = additionalProperties().get(jsonName);
    return value == null ? Presence.ABSENT : value.isJsonNull() ? Presence.NULL : Presence.PRESENT;
  }
}
