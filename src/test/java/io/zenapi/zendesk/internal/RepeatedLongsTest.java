package io.zenapi.zendesk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonSyntaxException;
import com.google.gson.reflect.TypeToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Longs read as Gson reads them, a value repeated on a page being one object. */
class RepeatedLongsTest {
  private static List<Long> read(String json) {
    return Json.GSON.fromJson(json, new TypeToken<List<Long>>() {}.getType());
  }

  @Test
  void aRepeatedValueIsOneObjectAndEveryValueIsRight() {
    List<Long> ids = read("[360001000000, 360001000000, 9223372036854775807, -9223372036854775808, 0, null, \"42\"]");

    assertEquals(360001000000L, ids.get(0));
    assertSame(ids.get(0), ids.get(1), "the same value twice: one object");
    assertEquals(Long.MAX_VALUE, ids.get(2));
    assertEquals(Long.MIN_VALUE, ids.get(3));
    assertEquals(0L, ids.get(4));
    assertNull(ids.get(5));
    assertEquals(42L, ids.get(6), "a quoted number, as Gson reads it");
    assertEquals("[360001000000,360001000000,9223372036854775807,-9223372036854775808,0,null,42]",
        Json.GSON.newBuilder().serializeNulls().create().toJson(ids));
  }

  @Test
  void valuesThatShareASlotNeverGetEachOthersObject() {
    Random random = new Random(3);
    List<Long> expected = new ArrayList<>();
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < 20_000; i++) {
      long v = random.nextInt(4) == 0 ? random.nextLong() : 360_001_000_000L + random.nextInt(3000);
      expected.add(v);
      json.append(i == 0 ? "" : ",").append(v);
    }
    assertEquals(expected, read(json.append(']').toString()));
  }

  @Test
  void notALongIsTheSameErrorAsGsonsOwn() {
    assertThrows(JsonSyntaxException.class, () -> read("[\"abc\"]"));
    assertThrows(JsonSyntaxException.class, () -> read("[1.5]"));
  }
}
