package io.zenapi.zendesk.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Parses the timestamps Zendesk sends ({@code 2024-05-01T10:15:30Z}, with an optional fraction of a second and a
 * {@code Z} or {@code +hh:mm} offset) by hand, several times faster than {@link DateTimeFormatter}, and anything
 * else through {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}: the result is the same, precision and offset kept.
 */
public final class Timestamps {
  /**
   * The date of the last timestamp parsed, reused while the dates repeat: a page's timestamps mostly fall on a few
   * days (an export is ordered by time), and a {@link LocalDate} is immutable with final fields, so sharing it across
   * threads without a lock is safe (a thread sees a whole date or an older one).
   */
  private static LocalDate lastDate = LocalDate.EPOCH;

  private Timestamps() {}

  /**
   * The timestamp as an {@link OffsetDateTime}.
   *
   * @param text an ISO-8601 date-time with an offset
   * @return the value
   * @throws DateTimeParseException when it is not one
   */
  public static OffsetDateTime parse(String text) {
    OffsetDateTime fast = fast(text);
    return fast != null ? fast : OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  /** The common shape, or null for anything else (the full parser then decides, and words its error). */
  private static OffsetDateTime fast(String s) {
    int n = s.length();
    if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
        || s.charAt(16) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    int i = 19;
    int nanos = 0;
    if (s.charAt(i) == '.') {
      int start = ++i;
      while (i < n && i - start < 9 && isDigit(s.charAt(i))) {
        nanos = nanos * 10 + (s.charAt(i) - '0');
        i++;
      }
      if (i == start || i < n && isDigit(s.charAt(i))) {
        return null;
      }
      for (int k = i - start; k < 9; k++) {
        nanos *= 10;
      }
    }
    ZoneOffset offset;
    if (i == n - 1 && s.charAt(i) == 'Z') {
      offset = ZoneOffset.UTC;
    } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
      int oh = digits(s, i + 1, 2);
      int om = digits(s, i + 4, 2);
      if ((oh | om) < 0) {
        return null;
      }
      try {
        offset = s.charAt(i) == '+' ? ZoneOffset.ofHoursMinutes(oh, om) : ZoneOffset.ofHoursMinutes(-oh, -om);
      } catch (DateTimeException e) {
        return null;
      }
    } else {
      return null;
    }
    try {
      LocalDate date = lastDate;
      if (date.getDayOfMonth() != day || date.getMonthValue() != month || date.getYear() != year) {
        date = LocalDate.of(year, month, day);
        lastDate = date;
      }
      return OffsetDateTime.of(LocalDateTime.of(date, LocalTime.of(hour, minute, second, nanos)), offset);
    } catch (DateTimeException e) {
      return null; // out of range (month 13, Feb 30): the full parser reports it
    }
  }

  private static int digits(String s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
