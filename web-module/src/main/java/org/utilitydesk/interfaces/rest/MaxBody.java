package org.utilitydesk.interfaces.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The most a request body to this method (or to every method of this resource) may hold, in bytes, where it needs
 * more than {@link BodyLimit#DEFAULT_BYTES}: a batch, an article, a file. {@link BodyLimit} holds requests to it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface MaxBody {

    /** Bytes. */
    long value();

    /** The message key a body over the limit is refused with (e.g. a photo's own); empty: the general one. */
    String message() default "";
}
