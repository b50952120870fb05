package dev.cairn.api.search;

import dev.cairn.api.blueprint.BlueprintServes;
import dev.cairn.contract.Blueprints;
import dev.cairn.contract.Feature;
import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;
import io.micronaut.core.value.PropertyResolver;

/**
 * The condition of the search beans: the app's blueprint ({@code cairn.blueprint}) serves a
 * feature that declares a search index. Elsewhere there is no search client, no engine endpoint
 * to configure and no search route.
 */
public final class SearchDeclared implements Condition {
    @Override
    public boolean matches(ConditionContext context) {
        String blueprint = context.getBeanContext() instanceof PropertyResolver properties
                ? properties.getProperty(BlueprintServes.PROPERTY, String.class).orElse(null)
                : null;
        if (Blueprints.featuresOf(blueprint).stream().map(Feature::searchIndex).allMatch(index -> index == null)) {
            context.fail("blueprint " + blueprint + " declares no search index");
            return false;
        }
        return true;
    }
}
