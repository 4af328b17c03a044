package io.zenapi.zendesk.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a generated Retrofit declaration: Zendesk honours an {@code Idempotency-Key} on this operation (today ticket
 * creation), so the client sends a fresh key with each call and the transport may retry it. Set by the spec tool's
 * {@code NonIdempotentWrites} rule; read by {@link WriteSafety}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface IdempotencyKeyHonoured {}
