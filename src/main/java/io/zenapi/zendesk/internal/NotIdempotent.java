package io.zenapi.zendesk.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a generated Retrofit declaration: a PUT or DELETE that Zendesk does not apply idempotently, so the transport
 * never sends it twice after a failure that may have reached Zendesk. Set by the spec tool's
 * {@code NonIdempotentWrites} rule; read by {@link WriteSafety}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface NotIdempotent {
  /**
   * Body members (dotted paths, e.g. {@code ticket.comment}) that make a request non-idempotent when it sets one;
   * empty when every request of the operation is.
   *
   * @return the members, or none
   */
  String[] when() default {};

  /**
   * What every request of the operation adds or sends each time it is applied, for messages; empty with
   * {@link #when()}.
   *
   * @return e.g. "adds tags"
   */
  String reason() default "";
}
