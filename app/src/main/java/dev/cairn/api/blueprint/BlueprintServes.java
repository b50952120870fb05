package dev.cairn.api.blueprint;

import dev.cairn.contract.Blueprints;
import dev.cairn.contract.Feature;
import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;
import io.micronaut.core.annotation.AnnotationMetadataProvider;
import io.micronaut.core.value.PropertyResolver;

/**
 * The condition behind {@link ServedBy}: the feature is one the blueprint serves. A route exists
 * because the blueprint ({@code cairn.blueprint}, set from {@code CAIRN_BLUEPRINT}) lists its
 * feature, never because some table's variable happens to be set: retreat-audio's {@code
 * bookmarks} table is its own, not the personal site's bookmarks. A blueprint that is not built in
 * (a custom one) serves no feature.
 */
public final class BlueprintServes implements Condition {
    /** The blueprint's name, from {@code CAIRN_BLUEPRINT} in AWS and set by the local stack. */
    public static final String PROPERTY = "cairn.blueprint";

    @Override
    public boolean matches(ConditionContext context) {
        AnnotationMetadataProvider component = context.getComponent();
        Feature feature = component
                .getAnnotationMetadata()
                .enumValue(ServedBy.class, Feature.class)
                .orElse(null);
        if (feature == null) {
            return false;
        }
        String blueprint = context.getBeanContext() instanceof PropertyResolver properties
                ? properties.getProperty(PROPERTY, String.class).orElse(null)
                : null;
        if (!Blueprints.featuresOf(blueprint).contains(feature)) {
            context.fail("blueprint " + blueprint + " does not serve " + feature);
            return false;
        }
        return true;
    }
}
