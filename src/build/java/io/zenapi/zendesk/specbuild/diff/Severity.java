package io.zenapi.zendesk.specbuild.diff;

/** How a spec change lands on code that calls the generated Java client. */
public enum Severity {
  /** The caller's code no longer compiles, or compiles against a different method or type (a renamed method, a
   * removed getter, a new argument, a retyped field). */
  BREAKING("Breaking for Java callers"),
  /** The caller's code compiles unchanged but the API behaves differently (a field became required, a documented
   * value went away). */
  BEHAVIOUR("Compiles, but behaves differently"),
  /** Nothing a caller has to change (a new operation, a new optional field, a new enum value). */
  COMPATIBLE("Compatible");

  private final String title;

  Severity(String title) {
    this.title = title;
  }

  /** The heading of this class of change in the report. */
  public String title() {
    return title;
  }
}
