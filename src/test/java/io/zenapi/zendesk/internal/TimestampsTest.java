package io.zenapi.zendesk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

// The hand parser gives exactly what DateTimeFormatter.ISO_OFFSET_DATE_TIME gives, value, precision and offset.
class TimestampsTest {
  private static OffsetDateTime iso(String s) {
    return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  @Test
  void zendeskShapesParseExactlyAsTheIsoParser() {
    for (String s : List.of("2024-05-01T10:15:30Z", "2024-05-01T10:15:30.5Z", "2024-05-01T10:15:30.123456789Z",
        "2024-02-29T23:59:59+05:30", "1999-12-31T00:00:00-08:00", "2024-05-01T10:15:30.120+01:00",
        "2024-05-01T10:15:30+00:00", "2024-05-01T10:15Z", "+12024-05-01T10:15:30Z")) {
      OffsetDateTime expected = iso(s);
      assertEquals(expected, Timestamps.parse(s), s);
      assertEquals(expected.getOffset(), Timestamps.parse(s).getOffset(), s);
    }
  }

  @Test
  void randomTimestampsMatch() {
    Random r = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      OffsetDateTime t = OffsetDateTime.of(1970 + r.nextInt(100), 1 + r.nextInt(12), 1 + r.nextInt(28),
          r.nextInt(24), r.nextInt(60), r.nextInt(60), r.nextBoolean() ? 0 : r.nextInt(1_000_000_000),
          java.time.ZoneOffset.ofTotalSeconds((r.nextInt(53) - 26) * 1800));
      String s = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
      assertEquals(iso(s), Timestamps.parse(s), s);
    }
  }

  @Test
  void whatTheIsoParserRefusesIsRefused() {
    for (String s : List.of("2024-13-01T10:15:30Z", "2024-02-30T10:15:30Z", "2024-05-01 10:15:30Z",
        "2024-05-01T10:15:30", "2024-05-01T10:15:30.1234567891Z", "2024-05-01T25:00:00Z",
        "2024-05-01T10:15:30+25:00", "2024-05-01T10:15:3xZ", "")) {
      assertThrows(DateTimeParseException.class, () -> iso(s), s);
      assertThrows(DateTimeParseException.class, () -> Timestamps.parse(s), s);
    }
  }
}
