package dev.cairn.api.blueprint;

import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;
import io.micronaut.core.annotation.AnnotationMetadataProvider;
import io.micronaut.core.value.PropertyResolver;

/** The condition behind {@link ServedBy}: the feature is in the blueprint's list. */
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
        if (!BlueprintFeatures.serves(blueprint, feature)) {
            context.fail("blueprint " + blueprint + " does not serve " + feature);
            return false;
        }
        return true;
    }
}
