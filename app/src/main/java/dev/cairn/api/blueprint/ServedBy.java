package dev.cairn.api.blueprint;

import dev.cairn.contract.Feature;
import io.micronaut.context.annotation.Requires;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The bean exists only when the app's blueprint serves {@link #value()}, as the contract's
 * blueprint catalogue says ({@link dev.cairn.contract.Blueprints}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Requires(condition = BlueprintServes.class)
public @interface ServedBy {
    Feature value();
}
