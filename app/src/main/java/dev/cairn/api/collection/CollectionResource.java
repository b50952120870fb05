package dev.cairn.api.collection;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How a collection controller's resource is named and shown in the OpenAPI document: the build
 * names its routes ({@code listGuitars}, {@code createGuitar}, {@code getGuitar}...), describes
 * their bodies with the controller's record type and answers with the item as clients see it,
 * and documents the list filters of the {@link OwnedCollection} that {@link #declaredBy} holds.
 *
 * <p>The processor must also see the record types: list them in {@code @OpenAPIExtraSchema} on
 * the same controller.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface CollectionResource {
    /** One item, in UpperCamelCase: {@code Guitar}. */
    String singular();

    /** The list, in UpperCamelCase: {@code Guitars}. */
    String plural();

    /** The class with the static {@link OwnedCollection} the controller serves. */
    Class<?> declaredBy();

    /**
     * A record of what an item's view holds beyond the fields clients write and the engine's own
     * ({@code id}, the id attribute, {@code version}, {@code createdAt}, {@code updatedAt}, image
     * URLs): managed attributes and what the resource's hooks add. {@code Void}: nothing.
     */
    Class<?> view() default Void.class;
}
