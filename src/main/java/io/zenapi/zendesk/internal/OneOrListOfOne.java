package io.zenapi.zendesk.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a generated model field holding one object that Zendesk sends either as the object or, as its reference
 * documents it, as a list of that one object (the {@code ticket} of "Recover Suspended Ticket"). The model adapter
 * reads both; a list of more than one is a malformed response. Set through an overlay's
 * {@code x-field-extra-annotation}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface OneOrListOfOne {}
