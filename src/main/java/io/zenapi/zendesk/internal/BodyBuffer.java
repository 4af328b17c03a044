package io.zenapi.zendesk.internal;

import java.io.IOException;
import java.util.Arrays;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * A reusable array a page body is read into whole. A walk over a long list reads hundreds of kilobytes a page; read
 * into okio segments they were fresh garbage every page (okio pools only 64 KiB), read into one of these they reuse
 * the same memory page after page. The request carries it as a tag, so the transport's retry reads every attempt into
 * it and a body cut off mid-way is retried like any connection failure.
 */
public final class BodyBuffer {
  private byte[] bytes = new byte[8192];
  private int size;

  /**
   * Reads {@code response}'s body whole into the buffer that {@code response}'s request carries, when it carries
   * one, and returns the response with a body over the buffer; otherwise returns {@code response} unchanged.
   *
   * @param response a response whose body has not been read
   * @return the response, its body read into the request's buffer when there is one
   * @throws IOException when reading the body fails (the response is closed)
   */
  public static Response readInto(Response response) throws IOException {
    BodyBuffer buffer = response.request().tag(BodyBuffer.class);
    ResponseBody body = response.body();
    if (buffer == null || body == null || body instanceof View) {
      return response;
    }
    try (response) {
      buffer.readFrom(body.source());
    }
    return response.newBuilder().body(new View(buffer, body.contentType())).build();
  }

  /**
   * {@code request} with this buffer attached: its body is read into the buffer by {@link #readInto(Response)}.
   *
   * @param request the request
   * @return the request carrying this buffer
   */
  public Request attachTo(Request request) {
    return request.newBuilder().tag(BodyBuffer.class, this).build();
  }

  /** Replaces the content with everything {@code source} has left. */
  void readFrom(BufferedSource source) throws IOException {
    size = 0;
    while (true) {
      if (size == bytes.length) {
        bytes = Arrays.copyOf(bytes, bytes.length * 2);
      }
      int read = source.read(bytes, size, bytes.length - size);
      if (read == -1) {
        return;
      }
      size += read;
    }
  }

  /**
   * The number of bytes held.
   *
   * @return the size
   */
  public int size() {
    return size;
  }

  /** The array; its first {@link #size()} bytes are the content. Not copied: read it, never keep it. */
  byte[] array() {
    return bytes;
  }

  /**
   * The byte at {@code index}.
   *
   * @param index from 0 to {@link #size()} (exclusive)
   * @return the byte
   */
  public byte get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException(index);
    }
    return bytes[index];
  }

  /** A response body over a filled buffer, for anything after the transport that reads the body itself. */
  private static final class View extends ResponseBody {
    private final BodyBuffer buffer;
    private final MediaType type;
    private okio.Buffer source;

    View(BodyBuffer buffer, MediaType type) {
      this.buffer = buffer;
      this.type = type;
    }

    @Override
    public MediaType contentType() {
      return type;
    }

    @Override
    public long contentLength() {
      return buffer.size;
    }

    @Override
    public BufferedSource source() {
      if (source == null) {
        source = new okio.Buffer().write(buffer.bytes, 0, buffer.size); // a copy: only for unusual readers
      }
      return source;
    }

    @Override
    public void close() {
      // nothing to release unless a reader asked for the copy (the default would make one to close it)
      if (source != null) {
        source.clear();
      }
    }
  }
}
