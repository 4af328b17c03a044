package io.zenapi.zendesk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The page decoder gives the same text as the JDK's UTF-8 decoder, whatever the read sizes. */
class Utf8ReaderTest {
  @Test
  void decodesEveryRangeOfCodePointsExactlyAsTheJdkDoesWhateverTheReadSize() throws IOException {
    Random random = new Random(42);
    int[][] ranges = {{0x20, 0x7F}, {0x80, 0x7FF}, {0x800, 0xD7FF}, {0xE000, 0xFFFD}, {0x10000, 0x10FFFF}};
    for (int round = 0; round < 2_000; round++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(200);
      for (int i = 0; i < length; i++) {
        int[] range = ranges[random.nextInt(ranges.length)];
        text.appendCodePoint(range[0] + random.nextInt(range[1] - range[0]));
      }
      byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
      byte[] padded = java.util.Arrays.copyOf(bytes, bytes.length + random.nextInt(8)); // only length counts
      assertEquals(text.toString(), readAll(new Utf8Reader(padded, bytes.length), 1 + random.nextInt(9)),
          "round " + round);
    }
  }

  @Test
  void malformedOrCutOffSequencesBecomeReplacementCharactersAndTheTextAroundThemIsKept() throws IOException {
    byte[] bytes = {'a', (byte) 0xC3, 'b', (byte) 0x80, 'c', (byte) 0xE2, (byte) 0x82, 'd', (byte) 0xF0, (byte) 0x9F};
    String text = readAll(new Utf8Reader(bytes, bytes.length), 4);
    assertEquals("a\uFFFDb\uFFFDc\uFFFD\uFFFDd\uFFFD\uFFFD", text);
    assertTrue(text.chars().filter(c -> c == '\uFFFD').count() > 0);
  }

  private static String readAll(Reader reader, int chunk) throws IOException {
    StringBuilder out = new StringBuilder();
    char[] buffer = new char[chunk + 1]; // room for a surrogate pair at the smallest chunk
    for (int n; (n = reader.read(buffer, 0, buffer.length)) != -1; ) {
      out.append(buffer, 0, n);
    }
    return out.toString();
  }
}
