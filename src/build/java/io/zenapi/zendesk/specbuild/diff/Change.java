package io.zenapi.zendesk.specbuild.diff;

/**
 * One change between two specs, as a Java caller sees it.
 *
 * @param severity how it lands on calling code
 * @param kind what changed, for counting and tests: one of the {@code Change.Kind} names
 * @param where the HTTP operation ({@code GET /api/v2/tickets}) or the model ({@code schema Ticket})
 * @param java the Java element affected ({@code TicketsApi.listTickets}, {@code Ticket.status})
 * @param what the change in words
 */
public record Change(Severity severity, Kind kind, String where, String java, String what) {
  /** What changed. */
  public enum Kind {
    /** An operation (a generated method) was added. */
    OPERATION_ADDED,
    /** An operation was removed. */
    OPERATION_REMOVED,
    /** An operation's operationId (its Java method name) changed. */
    OPERATION_RENAMED,
    /** An operation moved to another path or tag (another URL or interface). */
    OPERATION_MOVED,
    /** An operation was marked deprecated. */
    OPERATION_DEPRECATED,
    /** A parameter (a method argument) was added. */
    PARAMETER_ADDED,
    /** A parameter was removed. */
    PARAMETER_REMOVED,
    /** A parameter's Java type changed. */
    PARAMETER_RETYPED,
    /** A parameter became required or optional. */
    PARAMETER_REQUIRED_CHANGED,
    /** The same arguments in another order. */
    ARGUMENTS_REORDERED,
    /** A request body was added, removed or retyped. */
    REQUEST_BODY_CHANGED,
    /** The Java return type changed. */
    RESPONSE_CHANGED,
    /** A model (component schema) was added. */
    SCHEMA_ADDED,
    /** A model was removed. */
    SCHEMA_REMOVED,
    /** A field was added. */
    FIELD_ADDED,
    /** A field was removed. */
    FIELD_REMOVED,
    /** A field's Java type changed. */
    FIELD_RETYPED,
    /** A field became required or optional. */
    FIELD_REQUIRED_CHANGED,
    /** A documented value was added to an enum. */
    ENUM_VALUE_ADDED,
    /** A documented value was removed from an enum. */
    ENUM_VALUE_REMOVED
  }
}
