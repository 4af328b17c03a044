package io.zenapi.zendesk.pagination;

import io.zenapi.zendesk.internal.ModelFields;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The items at the boundary between two pages of a time-based incremental export. Zendesk starts the next page at
 * the previous page's {@code end_time}, inclusive, so the items stamped exactly {@code end_time} come again: this
 * remembers their ids (a page holds at most a few with the same second) and drops them from the next page, and only
 * them. The state travels in a saved position as its URL fragment ({@code #seen=<end_time>:<id>,<id>}), which is
 * never sent, so a sync resumed in another process drops them too.
 */
final class TimeBoundary {
  private static final String FRAGMENT = "seen=";

  private final long time;
  private final Set<String> ids;

  private TimeBoundary(long time, Set<String> ids) {
    this.time = time;
    this.ids = ids;
  }

  /** No boundary yet: nothing is dropped. */
  static final TimeBoundary NONE = new TimeBoundary(Long.MIN_VALUE, Set.of());

  /** The boundary after a page whose {@code end_time} is {@code endTime}: the ids of its items stamped then. */
  static TimeBoundary after(List<?> items, long endTime) {
    Set<String> at = new HashSet<>();
    for (Object item : items) {
      if (stamp(item) == endTime) {
        at.add(String.valueOf(ModelFields.get(item, "id")));
      }
    }
    return new TimeBoundary(endTime, at);
  }

  /** The boundary a saved position's fragment carries, or {@link #NONE}. */
  static TimeBoundary fromFragment(String fragment) {
    if (fragment == null || !fragment.startsWith(FRAGMENT)) {
      return NONE;
    }
    String[] parts = fragment.substring(FRAGMENT.length()).split(":", 2);
    try {
      Set<String> ids = new HashSet<>();
      if (parts.length == 2 && !parts[1].isEmpty()) {
        ids.addAll(List.of(parts[1].split(",")));
      }
      return new TimeBoundary(Long.parseLong(parts[0]), ids);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a saved export position: the fragment " + fragment
          + " does not read as seen=<end_time>:<id>,...", e);
    }
  }

  /** This boundary as a URL fragment; null when there is none. */
  String fragment() {
    return time == Long.MIN_VALUE ? null : FRAGMENT + time + ":" + String.join(",", ids);
  }

  /** The items without the ones the previous page already gave. */
  <T> List<T> drop(List<T> items) {
    if (ids.isEmpty()) {
      return items;
    }
    List<T> out = new ArrayList<>(items.size());
    for (T item : items) {
      if (!(stamp(item) == time && ids.contains(String.valueOf(ModelFields.get(item, "id"))))) {
        out.add(item);
      }
    }
    return out;
  }

  /**
   * When an exported item was stamped, in epoch seconds: its {@code generated_timestamp} (tickets) or its
   * {@code updated_at}; {@code Long.MIN_VALUE} when it has neither.
   */
  private static long stamp(Object item) {
    Object generated = ModelFields.get(item, "generated_timestamp");
    if (generated instanceof Number n) {
      return n.longValue();
    }
    Object updated = ModelFields.get(item, "updated_at");
    if (updated instanceof OffsetDateTime t) {
      return t.toEpochSecond();
    }
    if (updated instanceof String s) {
      try {
        return OffsetDateTime.parse(s).toEpochSecond();
      } catch (java.time.format.DateTimeParseException e) {
        return Long.MIN_VALUE;
      }
    }
    return Long.MIN_VALUE;
  }
}
