package dev.cairn.endtoend;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The blueprint of the local stack a test class runs against; without it, guitar-collection. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface StackBlueprint {
    String value();
}
