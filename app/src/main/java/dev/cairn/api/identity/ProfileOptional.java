package dev.cairn.api.identity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Admits a valid access token to the route even when its user has no profile (every other route
 * refuses it with 401). Only the account's deletion needs this: a deletion that stopped half way,
 * after the profile went, can then be run again with the same token.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ProfileOptional {}
