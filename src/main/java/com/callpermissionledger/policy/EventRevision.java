package com.callpermissionledger.policy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The storage revision of an event payload. The policy package stays framework-free, so the
 * serializer configuration reads this annotation where Axon would read its own {@code @Revision}.
 * Change the value whenever a stored field changes meaning or name, and add an upcaster.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventRevision {
    String value();
}
