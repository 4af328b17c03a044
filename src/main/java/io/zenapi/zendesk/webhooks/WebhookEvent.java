package io.zenapi.zendesk.webhooks;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.zenapi.zendesk.internal.Json;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The payload of a webhook subscribed to Zendesk events ({@code zen:event-type:...}): the envelope every event shares
 * ({@code type}, {@code id}, {@code time}, {@code zendesk_event_version}, {@code subject}, {@code account_id}), its
 * {@code detail} typed by the kind of object ({@link #user()}, {@link #organization()}, {@link #ticket()}), and its
 * {@code event} (for a {@code ..._changed} event, {@link #change()}: the current and previous values). An event type
 * this class does not know is still read whole: {@link #detailJson()}, {@link #eventJson()} and {@link #json()}.
 * Source: Zendesk's API reference, "Webhook event types" and its user, organization and ticket event pages.
 *
 * <p>Parse a body only after {@link WebhookVerifier#verify} accepted it. A webhook connected to a trigger or an
 * automation sends the JSON its admin wrote, not an event: read it with {@link #freeForm(byte[])}.
 */
public final class WebhookEvent {
  private static final String EVENT_TYPE = "zen:event-type:";
  private final JsonObject json;

  private WebhookEvent(JsonObject json) {
    this.json = json;
  }

  /**
   * Reads an event from a verified body.
   *
   * @param body the body's bytes (UTF-8 JSON)
   * @return the event
   * @throws IllegalArgumentException when the body is not JSON, not an object, or has no event {@code type}
   */
  public static WebhookEvent parse(byte[] body) {
    JsonElement parsed = read(body);
    if (!parsed.isJsonObject()) {
      throw new IllegalArgumentException("the webhook body is not a Zendesk event: not a JSON object");
    }
    JsonObject object = parsed.getAsJsonObject();
    JsonElement type = object.get("type");
    if (type == null || !type.isJsonPrimitive() || !type.getAsString().startsWith(EVENT_TYPE)) {
      throw new IllegalArgumentException("the webhook body is not a Zendesk event: no \"type\" starting with "
          + EVENT_TYPE + " (a trigger or automation webhook sends free-form JSON: use freeForm)");
    }
    return new WebhookEvent(object);
  }

  /**
   * The body of a webhook connected to a trigger or an automation, whose JSON its admin wrote: as a tree.
   *
   * @param body the body's bytes (UTF-8 JSON)
   * @return the JSON
   * @throws IllegalArgumentException when the body is not JSON
   */
  public static JsonElement freeForm(byte[] body) {
    return read(body);
  }

  private static JsonElement read(byte[] body) {
    if (body == null || body.length == 0) {
      throw new IllegalArgumentException("the webhook body is empty");
    }
    try {
      return JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
    } catch (JsonParseException e) {
      throw new IllegalArgumentException("the webhook body is not JSON", e);
    }
  }

  /**
   * The event type, e.g. {@code zen:event-type:user.created}.
   *
   * @return the type
   */
  public String type() {
    return json.get("type").getAsString();
  }

  /**
   * The event type without its {@code zen:event-type:} prefix, e.g. {@code user.created}.
   *
   * @return the short type
   */
  public String shortType() {
    return type().substring(EVENT_TYPE.length());
  }

  /**
   * The event's own id: the same event delivered twice has the same id, so it is what to deduplicate by.
   *
   * @return the id, or null
   */
  public String id() {
    return text("id");
  }

  /**
   * When the event happened.
   *
   * @return the time, or null when the payload has none
   * @throws IllegalArgumentException when {@code time} is not an ISO-8601 date-time
   */
  public OffsetDateTime time() {
    String time = text("time");
    try {
      return time == null ? null : OffsetDateTime.parse(time);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("the event's time is not an ISO-8601 date-time: " + time, e);
    }
  }

  /**
   * The version of the event schema, e.g. {@code 2022-06-20}.
   *
   * @return the version, or null
   */
  public String zendeskEventVersion() {
    return text("zendesk_event_version");
  }

  /**
   * What the event is about, e.g. {@code zen:user:6596848315901}.
   *
   * @return the subject, or null
   */
  public String subject() {
    return text("subject");
  }

  /**
   * The account the event belongs to.
   *
   * @return the account id, or null
   */
  public Long accountId() {
    JsonElement id = json.get("account_id");
    return id == null || id.isJsonNull() ? null : id.getAsLong();
  }

  /**
   * The detail of a user event ({@code zen:event-type:user.*}).
   *
   * @return the user, or empty for another kind of event
   */
  public Optional<UserDetail> user() {
    return detailOf("user.", UserDetail.class);
  }

  /**
   * The detail of an organization event ({@code zen:event-type:organization.*}).
   *
   * @return the organization, or empty for another kind of event
   */
  public Optional<OrganizationDetail> organization() {
    return detailOf("organization.", OrganizationDetail.class);
  }

  /**
   * The detail of a ticket event ({@code zen:event-type:ticket.*}).
   *
   * @return the ticket, or empty for another kind of event
   */
  public Optional<TicketDetail> ticket() {
    return detailOf("ticket.", TicketDetail.class);
  }

  /**
   * The current and previous values of a {@code ..._changed} event.
   *
   * @return the change, or empty when the event has no {@code current}/{@code previous}
   */
  public Optional<Change> change() {
    JsonObject event = eventJson();
    if (event == null || !event.has("current") && !event.has("previous")) { // "meta" alone is not a change
      return Optional.empty();
    }
    return Optional.of(new Change(event.get("current"), event.get("previous")));
  }

  /**
   * The {@code detail} object as sent.
   *
   * @return the detail, or null
   */
  public JsonObject detailJson() {
    JsonElement detail = json.get("detail");
    return detail != null && detail.isJsonObject() ? detail.getAsJsonObject() : null;
  }

  /**
   * The {@code event} object as sent.
   *
   * @return the event, or null
   */
  public JsonObject eventJson() {
    JsonElement event = json.get("event");
    return event != null && event.isJsonObject() ? event.getAsJsonObject() : null;
  }

  /**
   * The whole payload as sent.
   *
   * @return the payload
   */
  public JsonObject json() {
    return json;
  }

  private <T> Optional<T> detailOf(String prefix, Class<T> type) {
    JsonObject detail = detailJson();
    if (detail == null || !shortType().startsWith(prefix)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Json.GSON.fromJson(detail, type));
    } catch (JsonParseException e) {
      throw new IllegalArgumentException("the detail of " + type() + " is not a " + type.getSimpleName() + ": "
          + e.getMessage(), e);
    }
  }

  private String text(String member) {
    JsonElement e = json.get(member);
    return e == null || e.isJsonNull() ? null : e.getAsString();
  }

  @Override
  public String toString() {
    return "WebhookEvent[" + type() + " " + id() + " about " + subject() + "]";
  }

  /**
   * The detail of a user event; ids come as strings, as Zendesk sends them in events.
   *
   * @param id the user's id
   * @param email the primary email
   * @param externalId the external id
   * @param role end-user, agent or admin
   * @param organizationId the default organization's id ("0" for none)
   * @param defaultGroupId the default group's id ("0" for none)
   * @param createdAt when the user was created
   * @param updatedAt when the user was last updated
   */
  public record UserDetail(String id, String email,
      @com.google.gson.annotations.SerializedName("external_id") String externalId, String role,
      @com.google.gson.annotations.SerializedName("organization_id") String organizationId,
      @com.google.gson.annotations.SerializedName("default_group_id") String defaultGroupId,
      @com.google.gson.annotations.SerializedName("created_at") String createdAt,
      @com.google.gson.annotations.SerializedName("updated_at") String updatedAt) {}

  /**
   * The detail of an organization event.
   *
   * @param id the organization's id
   * @param name its name
   * @param externalId its external id
   * @param groupId its group's id
   * @param sharedTickets whether its users see each other's tickets
   * @param sharedComments whether its users see each other's comments
   * @param createdAt when it was created
   * @param updatedAt when it was last updated
   */
  public record OrganizationDetail(String id, String name,
      @com.google.gson.annotations.SerializedName("external_id") String externalId,
      @com.google.gson.annotations.SerializedName("group_id") String groupId,
      @com.google.gson.annotations.SerializedName("shared_tickets") Boolean sharedTickets,
      @com.google.gson.annotations.SerializedName("shared_comments") Boolean sharedComments,
      @com.google.gson.annotations.SerializedName("created_at") String createdAt,
      @com.google.gson.annotations.SerializedName("updated_at") String updatedAt) {}

  /**
   * The detail of a ticket event (Zendesk's "Ticket events" reference lists these members; ids come as strings).
   *
   * @param id the ticket's id
   * @param subject its subject
   * @param description its first comment
   * @param status its status
   * @param priority its priority
   * @param type its type
   * @param isPublic whether it has public comments
   * @param externalId its external id
   * @param actorId the user whose action caused the event
   * @param requesterId the requester's id
   * @param submitterId the submitter's id
   * @param assigneeId the assignee's id
   * @param groupId the group's id
   * @param organizationId the organization's id
   * @param brandId the brand's id
   * @param formId the ticket form's id
   * @param tags its tags
   * @param createdAt when it was created
   * @param updatedAt when it was last updated
   */
  public record TicketDetail(String id, String subject, String description, String status, String priority,
      String type, @com.google.gson.annotations.SerializedName("is_public") Boolean isPublic,
      @com.google.gson.annotations.SerializedName("external_id") String externalId,
      @com.google.gson.annotations.SerializedName("actor_id") String actorId,
      @com.google.gson.annotations.SerializedName("requester_id") String requesterId,
      @com.google.gson.annotations.SerializedName("submitter_id") String submitterId,
      @com.google.gson.annotations.SerializedName("assignee_id") String assigneeId,
      @com.google.gson.annotations.SerializedName("group_id") String groupId,
      @com.google.gson.annotations.SerializedName("organization_id") String organizationId,
      @com.google.gson.annotations.SerializedName("brand_id") String brandId,
      @com.google.gson.annotations.SerializedName("form_id") String formId,
      java.util.List<String> tags,
      @com.google.gson.annotations.SerializedName("created_at") String createdAt,
      @com.google.gson.annotations.SerializedName("updated_at") String updatedAt) {}

  /**
   * What a {@code ..._changed} event changed.
   *
   * @param current the value now (JSON null, or null when absent)
   * @param previous the value before
   */
  public record Change(JsonElement current, JsonElement previous) {
    /**
     * The current value bound to a type, e.g. {@code change.current(Boolean.class)}.
     *
     * @param type the type
     * @param <T> the type
     * @return the value, or null
     */
    public <T> T current(Class<T> type) {
      return current == null ? null : Json.GSON.fromJson(current, type);
    }

    /**
     * The previous value bound to a type.
     *
     * @param type the type
     * @param <T> the type
     * @return the value, or null
     */
    public <T> T previous(Class<T> type) {
      return previous == null ? null : Json.GSON.fromJson(previous, type);
    }
  }
}
