package dev.cairn.api.http;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the resource a controller serves, so that its validation and not-found errors carry the
 * resource's codes: {@code @ErrorResource("guitar")} gives {@code GUITAR_VALIDATION_ERROR}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ErrorResource {
    String value();
}
