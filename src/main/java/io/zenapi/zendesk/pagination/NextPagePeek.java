package io.zenapi.zendesk.pagination;

import java.nio.charset.StandardCharsets;
import okio.Buffer;
import okio.ByteString;

/**
 * Finds the next page's address in the raw end of a page body, before it is bound, so that the next request can
 * start while this page is bound and consumed. Only a hint: the engine compares it with the address the bound page
 * gives and drops the early request when they differ. It answers only when the body says plainly that more follows
 * ({@code "has_more":true}, {@code "end_of_stream":false}, or an offset list's {@code next_page}); anything unusual
 * (an escaped character in the address, the members not near the end) gives no hint.
 */
final class NextPagePeek {
  /** Zendesk puts the paging members after the items; they fit in this many bytes at the end. */
  private static final long TAIL = 4096;
  private static final ByteString HAS_MORE_TRUE = ByteString.encodeUtf8("\"has_more\":true");
  private static final ByteString HAS_MORE = ByteString.encodeUtf8("\"has_more\":");
  private static final ByteString NEXT = ByteString.encodeUtf8("\"next\":\"");
  private static final ByteString END_OF_STREAM_FALSE = ByteString.encodeUtf8("\"end_of_stream\":false");
  private static final ByteString END_OF_STREAM = ByteString.encodeUtf8("\"end_of_stream\":");
  private static final ByteString AFTER_URL = ByteString.encodeUtf8("\"after_url\":\"");
  private static final ByteString NEXT_PAGE = ByteString.encodeUtf8("\"next_page\":\"");

  private NextPagePeek() {}

  /**
   * The next page's address as the body's end gives it.
   *
   * @param body the whole body (not consumed)
   * @return the address, or null when there is none or it is not plain
   */
  static String next(Buffer body) {
    long from = Math.max(0, body.size() - TAIL);
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
  private static String value(Buffer body, ByteString marker, long from) {
    long at = last(body, marker, from);
    if (at < 0) {
      return null;
    }
    long start = at + marker.size();
    long end = indexOf(body, (byte) '"', start);
    if (end < 0 || end - start > TAIL) {
      return null;
    }
    byte[] bytes = new byte[(int) (end - start)];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = body.getByte(start + i);
      if (bytes[i] == '\\') {
        return null;
      }
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static long last(Buffer body, ByteString marker, long from) {
    long found = -1;
    for (long at = indexOf(body, marker, from); at >= 0; at = indexOf(body, marker, at + 1)) {
      found = at;
    }
    return found;
  }

  // okio declares IOException on indexOf(ByteString); an in-memory Buffer never throws it
  private static long indexOf(Buffer body, ByteString marker, long from) {
    try {
      return body.indexOf(marker, from);
    } catch (java.io.IOException e) {
      return -1;
    }
  }

  private static long indexOf(Buffer body, byte b, long from) {
    return body.indexOf(b, from);
  }
}
