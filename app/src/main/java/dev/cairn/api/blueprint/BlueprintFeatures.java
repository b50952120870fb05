package dev.cairn.api.blueprint;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which features each blueprint serves: the one place that decides. A feature's beans carry
 * {@link ServedBy}, so a route exists because the blueprint ({@code cairn.blueprint}, set from
 * {@code CAIRN_BLUEPRINT}) lists it here, never because some table's variable happens to be set:
 * retreat-audio's {@code bookmarks} table is its own, not the personal site's bookmarks.
 */
public final class BlueprintFeatures {
    private static final Map<String, Set<Feature>> SERVED = Map.of(
            "guitar-collection", EnumSet.of(Feature.GUITARS),
            "personal-site", EnumSet.of(Feature.NOTES, Feature.BOOKMARKS, Feature.FILES, Feature.API_KEYS),
            "recipe-archive", EnumSet.noneOf(Feature.class),
            "photo-portfolio", EnumSet.noneOf(Feature.class),
            "retreat-audio", EnumSet.noneOf(Feature.class));

    private BlueprintFeatures() {}

    /** The features {@code blueprint} serves; none for a blueprint not listed (a custom one). */
    public static Set<Feature> of(String blueprint) {
        Set<Feature> features = blueprint == null ? null : SERVED.get(blueprint);
        return features == null ? EnumSet.noneOf(Feature.class) : EnumSet.copyOf(features);
    }

    public static boolean serves(String blueprint, Feature feature) {
        return of(blueprint).contains(feature);
    }
}
