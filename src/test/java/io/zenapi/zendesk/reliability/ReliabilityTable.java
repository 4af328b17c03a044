package io.zenapi.zendesk.reliability;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Test support: rows collected by a reliability test class, printed in its @AfterAll as a Markdown table under a "[reliability]" line. */
final class ReliabilityTable {
  private final String title;
  private final List<String> headers;
  private final List<List<String>> rows = Collections.synchronizedList(new ArrayList<>());

  ReliabilityTable(String title, String... headers) {
    this.title = title;
    this.headers = List.of(headers);
  }

  void add(String... cells) {
    if (cells.length != headers.size()) {
      throw new IllegalArgumentException("expected " + headers.size() + " cells, got " + cells.length);
    }
    rows.add(List.of(cells));
  }

  int size() {
    return rows.size();
  }

  /** {@code [reliability] title} then a Markdown table with padded columns. */
  String render(String summary) {
    List<List<String>> all;
    synchronized (rows) {
      all = new ArrayList<>(rows);
    }
    int[] width = new int[headers.size()];
    for (int i = 0; i < width.length; i++) {
      width[i] = headers.get(i).length();
      for (List<String> r : all) {
        width[i] = Math.max(width[i], r.get(i).length());
      }
    }
    StringBuilder sb = new StringBuilder("[reliability] ").append(title);
    if (summary != null && !summary.isEmpty()) {
      sb.append(" — ").append(summary);
    }
    sb.append('\n');
    line(sb, headers, width);
    StringBuilder rule = new StringBuilder("|");
    for (int w : width) {
      rule.append('-').append("-".repeat(w)).append("-|");
    }
    sb.append(rule).append('\n');
    for (List<String> r : all) {
      line(sb, r, width);
    }
    return sb.toString();
  }

  void print(String summary) {
    System.out.print(render(summary));
    System.out.flush();
  }

  private static void line(StringBuilder sb, List<String> cells, int[] width) {
    sb.append('|');
    for (int i = 0; i < width.length; i++) {
      String c = cells.get(i).replace('|', '/');
      sb.append(' ').append(c).append(" ".repeat(Math.max(0, width[i] - c.length()))).append(" |");
    }
    sb.append('\n');
  }
}
