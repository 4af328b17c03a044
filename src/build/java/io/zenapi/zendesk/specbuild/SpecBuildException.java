package io.zenapi.zendesk.specbuild;

import java.util.List;

/** A problem in the spec files that stops the build; its message names the file(s), the item and the fix. */
public final class SpecBuildException extends RuntimeException {
  private final List<String> problems;

  /** One problem. */
  public SpecBuildException(String problem) {
    this(List.of(problem));
  }

  /** Several problems, reported together so that one build shows all of them. */
  public SpecBuildException(List<String> problems) {
    super(format(problems));
    this.problems = List.copyOf(problems);
  }

  /** The individual problems, each a complete sentence. */
  public List<String> problems() {
    return problems;
  }

  private static String format(List<String> problems) {
    if (problems.size() == 1) {
      return problems.get(0);
    }
    StringBuilder sb = new StringBuilder(problems.size() + " problems in the OpenAPI specs:");
    for (String p : problems) {
      sb.append("\n  - ").append(p);
    }
    return sb.toString();
  }
}
