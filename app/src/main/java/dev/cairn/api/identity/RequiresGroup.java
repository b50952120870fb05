package dev.cairn.api.identity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Limits a route to members of a Cognito group (the token's {@code cognito:groups}); anyone else
 * signed in gets 403 {@code AUTH_FORBIDDEN}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresGroup {
    String value();

    /** The group of administrators that AuthPool creates. */
    String ADMIN = "admin";
}
