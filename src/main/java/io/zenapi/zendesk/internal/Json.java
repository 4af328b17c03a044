package io.zenapi.zendesk.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.ToNumberPolicy;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * The one Gson configuration used for the generated models.
 *
 * <ul>
 *   <li>{@link OffsetDateTime} and {@link LocalDate} as ISO-8601 strings (Gson has no adapter for java.time).</li>
 *   <li>Numbers in free-form ({@code Object}) fields become {@code Long} when integral and {@code Double}
 *       otherwise: Gson's default turns every number into a double, so 223443 became 223443.0 and ids above
 *       2^53 lost precision.</li>
 *   <li>Every generated model is bound by {@link ModelAdapterFactory}: members the model has no field for are kept
 *       and written back, and a member is absent, explicitly {@code null} or present
 *       ({@link io.zenapi.zendesk.ZendeskModel}).</li>
 *   <li>A {@code Long} read recently is handed out again ({@link RepeatedLongs}): the ids a page repeats on every
 *       ticket (custom fields, brand, form, group) are one object each.</li>
 *   <li>Nulls are not serialised unless asked for: a field the caller did not set is not sent, so a PUT never
 *       wipes it.</li>
 * </ul>
 */
public final class Json {
  /** The shared, thread-safe instance. */
  public static final Gson GSON = newBuilder().create();

  private Json() {}

  /**
   * A builder with the project's configuration, for callers that add adapters of their own.
   *
   * @return a new builder
   */
  public static GsonBuilder newBuilder() {
    return new GsonBuilder()
        .disableHtmlEscaping()
        .setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE)
        .registerTypeAdapterFactory(new ModelAdapterFactory())
        .registerTypeAdapter(Long.class, new RepeatedLongs())
        .registerTypeAdapter(OffsetDateTime.class,
            new IsoAdapter<>(Timestamps::parse, DateTimeFormatter.ISO_OFFSET_DATE_TIME::format).nullSafe())
        .registerTypeAdapter(LocalDate.class,
            new IsoAdapter<>(LocalDate::parse, DateTimeFormatter.ISO_LOCAL_DATE::format).nullSafe());
  }

  /** Reads and writes one java.time type as an ISO-8601 string. */
  private static final class IsoAdapter<T> extends TypeAdapter<T> {
    private final Function<String, T> parse;
    private final Function<T, String> format;

    IsoAdapter(Function<String, T> parse, Function<T, String> format) {
      this.parse = parse;
      this.format = format;
    }

    @Override
    public void write(JsonWriter out, T value) throws IOException {
      out.value(format.apply(value));
    }

    @Override
    public T read(JsonReader in) throws IOException {
      if (in.peek() != JsonToken.STRING) {
        throw new JsonParseException("expected an ISO-8601 date string at " + in.getPath() + " but was " + in.peek());
      }
      String text = in.nextString();
      try {
        return parse.apply(text);
      } catch (DateTimeParseException e) {
        throw new JsonParseException("not an ISO-8601 date at " + in.getPath() + ": '" + text + "'", e);
      }
    }
  }
}
