package dev.cairn.api.http;

import io.micronaut.core.annotation.Nullable;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

/** Constraint violation paths as the client knows its fields. */
public final class FieldErrors {
    private FieldErrors() {}

    /** {@code register.request.email} becomes {@code email}: the client knows no method or argument names. */
    @Nullable
    public static String fieldOf(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER) {
                continue;
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                // tags[0], detailedSpecs[radius]: the element, not "<list element>"
                Object at = node.getIndex() != null ? node.getIndex() : node.getKey();
                if (at != null) {
                    field.append('[').append(at).append(']');
                }
                continue;
            }
            if (node.getName() == null) {
                continue;
            }
            if (!field.isEmpty()) {
                field.append('.');
            }
            field.append(node.getName());
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? null : field.toString();
    }
}
