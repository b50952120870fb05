package dev.cairn.contract;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The built-in blueprints, one for each seed system, by name. */
public final class Blueprints {
    /** Where a blueprint without its own private area (a custom one) keeps private documents. */
    public static final String DOCUMENTS_AREA = "documents";

    public static final Blueprint GUITAR_COLLECTION = Blueprint.builder(
                    "guitar-collection", "Guitar Collection (seed 001)")
            .features(Feature.GUITARS)
            .site(true)
            .build();

    public static final Blueprint PERSONAL_SITE = Blueprint.builder("personal-site", "Personal website (seed 004)")
            .features(Feature.NOTES, Feature.BOOKMARKS, Feature.FILES, Feature.API_KEYS)
            .site(true)
            .build();

    /**
     * Recipes with full-text search in English, Portuguese, French and Spanish. Its revisions table
     * has no API yet.
     */
    public static final Blueprint RECIPE_ARCHIVE = Blueprint.builder("recipe-archive", "Recipe Archive (seed 000)")
            .features(Feature.RECIPES)
            .searchLanguages(Language.FR, Language.ES)
            .extraTables(TableDefinition.of("recipe-revisions", "recipeId", "revisionId"))
            .site(true)
            .build();

    /**
     * The seed's categories and pages: the API refuses any other. Its admins upload every photo of
     * the site, so one admin may hold far more than a user of the other blueprints.
     */
    public static final Blueprint PHOTO_PORTFOLIO = Blueprint.builder(
                    "photo-portfolio", "S.Goodie Photography portfolio (seed 002)")
            .features(Feature.PORTFOLIO)
            .limits(new Blueprint.Limits(Blueprint.Limits.DEFAULT_API_KEYS, 50L << 30, 10_000))
            .content(new SiteContent(
                    List.of("interiors", "travel", "brand-marketing"), List.of("home", "about", "personal-branding")))
            .site(true)
            .build();

    /**
     * Its {@code bookmarks} table holds places in audio tracks: its own, not the personal site's
     * bookmarks, so it serves no bookmarks routes.
     */
    public static final Blueprint RETREAT_AUDIO = Blueprint.builder("retreat-audio", "Padmakara retreat app (seed 003)")
            .extraTables(
                    TableDefinition.of("content", "pk", "sk"),
                    TableDefinition.of("progress", "userId", "trackId"),
                    TableDefinition.of("bookmarks", "userId", "bookmarkId"))
            .privateMediaAreas("audio")
            .build();

    private static final Map<String, Blueprint> BY_NAME = new TreeMap<>();

    static {
        for (Blueprint blueprint :
                List.of(GUITAR_COLLECTION, PERSONAL_SITE, RECIPE_ARCHIVE, PHOTO_PORTFOLIO, RETREAT_AUDIO)) {
            BY_NAME.put(blueprint.name(), blueprint);
        }
    }

    private Blueprints() {}

    /** Every built-in blueprint, by name. */
    public static Collection<Blueprint> all() {
        return List.copyOf(BY_NAME.values());
    }

    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    public static boolean isBuiltIn(String name) {
        return BY_NAME.containsKey(name);
    }

    /** The built-in blueprint {@code name}, if there is one. */
    public static Optional<Blueprint> find(String name) {
        return Optional.ofNullable(name == null ? null : BY_NAME.get(name));
    }

    /** The built-in blueprint {@code name}; fails, naming the choices, if there is none. */
    public static Blueprint named(String name) {
        return find(name)
                .orElseThrow(() ->
                        new IllegalArgumentException("blueprint must be one of " + names() + " (value: " + name + ")"));
    }

    /**
     * The features {@code name} serves: none for a name that is no built-in blueprint (a custom
     * blueprint's API serves only what every blueprint serves).
     */
    public static Set<Feature> featuresOf(String name) {
        return find(name).map(Blueprint::features).orElse(Set.of());
    }
}
