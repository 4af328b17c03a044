package io.zenapi.zendesk.pagination;

import java.util.Objects;

/**
 * Where a paginated list stands: the address of a page, to save and to resume from with
 * {@link Paginated#resumeFrom(PagePosition)}. It holds no credentials; its string form survives a restart.
 */
public final class PagePosition {
  private final String url;

  private PagePosition(String url) {
    this.url = url;
  }

  /**
   * A position from its saved string form ({@link #toString()}).
   *
   * @param saved a string {@link #toString()} returned
   * @return the position
   * @throws IllegalArgumentException when it is not an http(s) URL
   */
  public static PagePosition parse(String saved) {
    if (saved == null || okhttp3.HttpUrl.parse(saved) == null) {
      throw new IllegalArgumentException("not a saved page position: " + saved);
    }
    return new PagePosition(saved);
  }

  /**
   * The page's URL.
   *
   * @return the URL, absolute
   */
  public String url() {
    return url;
  }

  /** The string to save; {@link #parse(String)} reads it back. */
  @Override
  public String toString() {
    return url;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PagePosition p && p.url.equals(url);
  }

  @Override
  public int hashCode() {
    return Objects.hash(url);
  }
}
