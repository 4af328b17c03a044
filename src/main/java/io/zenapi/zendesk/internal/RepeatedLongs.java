package io.zenapi.zendesk.internal;

import com.google.gson.JsonSyntaxException;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;

/**
 * Reads a {@code Long} as Gson does ({@code nextLong()}: a number, or a string holding one), handing out the same
 * object for a value read recently: a page of tickets repeats the same custom field ids on every ticket, and the same
 * brand, form and group ids, so each of those is one object rather than one per occurrence (16 bytes each, more than
 * 200 a ticket). A small direct-mapped table of immutable {@code Long}s; a value that misses simply takes its slot.
 * Sharing across threads needs no lock: a {@code Long}'s value is final, so a thread sees a whole one or an older one.
 */
final class RepeatedLongs extends TypeAdapter<Long> {
  private static final int SLOTS = 1024; // a power of two; 4 KiB of references and at most 16 KiB of Longs
  private final Long[] recent = new Long[SLOTS];

  @Override
  public Long read(JsonReader in) throws IOException {
    if (in.peek() == JsonToken.NULL) {
      in.nextNull();
      return null;
    }
    long value;
    try {
      value = in.nextLong();
    } catch (NumberFormatException e) {
      throw new JsonSyntaxException(e); // as Gson's own Long adapter
    }
    int slot = (int) (value ^ (value >>> 29) ^ (value >>> 43)) & (SLOTS - 1);
    Long seen = recent[slot];
    if (seen != null && seen == value) {
      return seen;
    }
    Long boxed = value; // Long.valueOf: the JDK's own cache still serves -128 to 127
    recent[slot] = boxed;
    return boxed;
  }

  @Override
  public void write(JsonWriter out, Long value) throws IOException {
    if (value == null) {
      out.nullValue();
    } else {
      out.value(value.longValue());
    }
  }
}
