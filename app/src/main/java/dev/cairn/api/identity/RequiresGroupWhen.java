package dev.cairn.api.identity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a {@link Public} route ask for a token of a Cognito group when a query parameter is {@code
 * true}: {@code GET /api/projects} is open to anyone, {@code GET /api/projects?drafts=true} only to
 * admins. Without the parameter a token changes nothing and is not even read, so that every caller
 * gets the one public answer a CDN can share. With it, the route is checked as if it had {@link
 * RequiresGroup}: 401 without a valid token, 403 {@code AUTH_FORBIDDEN} outside the group.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresGroupWhen {
    /** The group, e.g. {@link RequiresGroup#ADMIN}. */
    String value();

    /** The query parameter that, set to {@code true}, asks for the group. */
    String parameter();
}
