package io.zenapi.zendesk.pagination;

import io.zenapi.zendesk.internal.BodyBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Finds the next page's address in the raw end of a page body, before it is bound, so that the next request can
 * start while this page is bound and consumed. Only a hint: the engine compares it with the address the bound page
 * gives and drops the early request when they differ. It answers only when the body says plainly that more follows
 * ({@code "has_more":true}, {@code "end_of_stream":false}, or an offset list's {@code next_page}); anything unusual
 * (an escaped character in the address, a blank address, the members not near the end) gives no hint.
 */
final class NextPagePeek {
  /** Zendesk puts the paging members after the items; they fit in this many bytes at the end. */
  private static final int TAIL = 4096;
  private static final byte[] HAS_MORE_TRUE = ascii("\"has_more\":true");
  private static final byte[] HAS_MORE = ascii("\"has_more\":");
  private static final byte[] NEXT = ascii("\"next\":\"");
  private static final byte[] END_OF_STREAM_FALSE = ascii("\"end_of_stream\":false");
  private static final byte[] END_OF_STREAM = ascii("\"end_of_stream\":");
  private static final byte[] AFTER_URL = ascii("\"after_url\":\"");
  private static final byte[] NEXT_PAGE = ascii("\"next_page\":\"");

  private NextPagePeek() {}

  /**
   * The next page's address as the body's end gives it.
   *
   * @param body the whole body (not changed)
   * @return the address, or null when there is none or it is not plain
   */
  static String next(BodyBuffer body) {
    int from = Math.max(0, body.size() - TAIL);
    if (last(body, END_OF_STREAM, from) >= 0) {
      if (last(body, END_OF_STREAM_FALSE, from) < 0) {
        return null;
      }
      String url = value(body, AFTER_URL, from);
      return url != null ? url : value(body, NEXT_PAGE, from);
    }
    if (last(body, HAS_MORE, from) >= 0) {
      return last(body, HAS_MORE_TRUE, from) >= 0 ? value(body, NEXT, from) : null;
    }
    return value(body, NEXT_PAGE, from);
  }

  /** The string after the last {@code marker} (which ends with the opening quote), or null. */
  private static String value(BodyBuffer body, byte[] marker, int from) {
    int at = last(body, marker, from);
    if (at < 0) {
      return null;
    }
    int start = at + marker.length;
    int end = start;
    while (end < body.size() && body.get(end) != '"') {
      if (body.get(end) == '\\' || end - start > TAIL) {
        return null;
      }
      end++;
    }
    if (end == body.size() || end == start) {
      return null; // cut off, or blank: the engine reads a blank link as none too
    }
    byte[] bytes = new byte[end - start];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = body.get(start + i);
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** Where the last {@code marker} at or after {@code from} starts, or -1. */
  private static int last(BodyBuffer body, byte[] marker, int from) {
    for (int at = body.size() - marker.length; at >= from; at--) {
      if (matches(body, marker, at)) {
        return at;
      }
    }
    return -1;
  }

  private static boolean matches(BodyBuffer body, byte[] marker, int at) {
    for (int i = 0; i < marker.length; i++) {
      if (body.get(at + i) != marker[i]) {
        return false;
      }
    }
    return true;
  }

  private static byte[] ascii(String marker) {
    return marker.getBytes(StandardCharsets.US_ASCII);
  }
}
