package io.zenapi.zendesk.internal;

import java.io.Reader;

/**
 * Decodes bytes already in memory as UTF-8: a tight loop for ASCII (nearly all of Zendesk's JSON), the full decoder
 * only for other bytes, a malformed or cut-off sequence becoming U+FFFD as with {@link java.io.InputStreamReader}. No
 * copy of the bytes and no {@link java.nio.charset.CharsetDecoder}.
 */
final class Utf8Reader extends Reader {
  private static final char REPLACEMENT = '\uFFFD';
  private final byte[] bytes;
  private int pos;
  private final int limit;

  Utf8Reader(byte[] bytes, int length) {
    this.bytes = bytes;
    this.limit = length;
  }

  @Override
  public int read(char[] cbuf, int off, int len) {
    if (len == 0) {
      return 0;
    }
    int n = 0;
    while (n < len) {
      if (pos == limit) {
        break;
      }
      int b;
      // ASCII: copy until the first byte that is not, or the end of either array
      while (n < len && pos < limit && (b = bytes[pos]) >= 0) {
        cbuf[off + n++] = (char) b;
        pos++;
      }
      if (n == len || pos == limit) {
        continue;
      }
      b = bytes[pos] & 0xFF;
      int need = b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 && b < 0xE0 ? 2 : 1;
      if (need == 1) {
        cbuf[off + n++] = REPLACEMENT; // a stray continuation byte or an invalid lead byte
        pos++;
        continue;
      }
      int cp = decode(need);
      if (cp < 0) {
        cbuf[off + n++] = REPLACEMENT;
        pos++;
        continue;
      }
      if (cp > 0xFFFF) {
        if (len - n < 2) {
          break; // a surrogate pair does not fit: it comes with the next read
        }
        cbuf[off + n++] = Character.highSurrogate(cp);
        cbuf[off + n++] = Character.lowSurrogate(cp);
      } else {
        cbuf[off + n++] = (char) cp;
      }
      pos += need;
    }
    return n == 0 ? -1 : n;
  }

  /** The code point of the {@code need}-byte sequence at {@code pos}, or -1 when it is malformed or cut off. */
  private int decode(int need) {
    if (limit - pos < need) {
      return -1;
    }
    int cp = bytes[pos] & (need == 2 ? 0x1F : need == 3 ? 0x0F : 0x07);
    for (int i = 1; i < need; i++) {
      int c = bytes[pos + i] & 0xFF;
      if ((c & 0xC0) != 0x80) {
        return -1;
      }
      cp = (cp << 6) | (c & 0x3F);
    }
    boolean valid = need == 2 ? cp >= 0x80
        : need == 3 ? cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)
        : cp >= 0x10000 && cp <= 0x10FFFF;
    return valid ? cp : -1;
  }

  @Override
  public void close() {
    // nothing to release: the bytes belong to the caller
  }
}
