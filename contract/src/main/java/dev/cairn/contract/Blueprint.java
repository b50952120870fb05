package dev.cairn.contract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One app Cairn deploys: the features the API serves for it, the tables it has, whether it has a
 * static site and private media, and what one user may hold. A blueprint creates only what it
 * names here. The built-in ones are in {@link Blueprints}; a custom one (a YAML file of the CDK
 * app) has no features, only its own tables.
 *
 * @param name e.g. {@code guitar-collection}; the app reads it from {@code CAIRN_BLUEPRINT}
 * @param description one line for stack descriptions
 * @param features what the API serves beyond what every blueprint serves (sign-in, the account,
 *     images)
 * @param extraTables tables beyond the core ones and the features' own: tables no API feature
 *     reads yet (the recipe archive's), or a custom blueprint's
 * @param site whether it serves a static front end from a site bucket
 * @param privateMediaAreas the areas under {@code private/USER/}: each feature's own, always
 *     included, and any others named here (the retreat app's audio). Empty means no private media.
 * @param limits what one user may hold
 * @param content the closed lists of its site-owned content (categories, pages); {@link
 *     SiteContent#NONE} unless it serves {@link Feature#PORTFOLIO}, which needs at least one of each
 * @param searchLanguages the languages its search indexes analyze, the first being an item's
 *     language when it names none: always English and Portuguese, then the ones the blueprint lists
 */
public record Blueprint(
        String name,
        String description,
        Set<Feature> features,
        List<TableDefinition> extraTables,
        boolean site,
        List<String> privateMediaAreas,
        Limits limits,
        SiteContent content,
        List<Language> searchLanguages) {

    /** Every blueprint's user profiles and image records, created first. */
    public static final List<TableDefinition> CORE_TABLES = List.of(Tables.USERS, Tables.IMAGES);

    /** The languages every search index analyzes, in this order. */
    public static final List<Language> ALWAYS_SEARCHED = List.of(Language.EN, Language.PT);

    public Blueprint {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank (value: " + name + ")");
        }
        features = features.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(features));
        extraTables = List.copyOf(extraTables);
        Set<String> areas = new LinkedHashSet<>();
        features.stream()
                .map(Feature::privateMediaArea)
                .filter(Objects::nonNull)
                .forEach(areas::add);
        areas.addAll(privateMediaAreas);
        privateMediaAreas = List.copyOf(areas);
        limits = Objects.requireNonNullElse(limits, Limits.DEFAULTS);
        content = Objects.requireNonNullElse(content, SiteContent.NONE);
        Set<Language> languages = new LinkedHashSet<>(ALWAYS_SEARCHED);
        languages.addAll(searchLanguages == null ? List.of() : searchLanguages);
        searchLanguages = List.copyOf(languages);
        if (features.contains(Feature.PORTFOLIO)
                && (content.categories().isEmpty() || content.pages().isEmpty())) {
            throw new IllegalArgumentException("blueprint " + name + " serves " + Feature.PORTFOLIO
                    + " and must name its categories and pages (value: " + content + ")");
        }
        Set<String> tableNames = new HashSet<>();
        for (TableDefinition table : tables(features, extraTables)) {
            if (!tableNames.add(table.name())) {
                throw new IllegalArgumentException(
                        "tables of blueprint " + name + " must have unique names (value: " + table.name() + ")");
            }
        }
    }

    public static Builder builder(String name, String description) {
        return new Builder(name, description);
    }

    /** The core tables, then the features', then the extra ones: every table the blueprint creates. */
    public List<TableDefinition> allTables() {
        return tables(features, extraTables);
    }

    /** The table named {@code tableName}; fails, naming the blueprint and the table, if there is none. */
    public TableDefinition table(String tableName) {
        return allTables().stream()
                .filter(t -> t.name().equals(tableName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("table of blueprint " + name + " must be one of "
                        + allTables().stream().map(TableDefinition::name).toList() + " (value: " + tableName + ")"));
    }

    /** The search indexes of the features it serves, in the features' order; empty for most blueprints. */
    public List<SearchIndex> searchIndexes() {
        return features.stream()
                .map(Feature::searchIndex)
                .filter(Objects::nonNull)
                .toList();
    }

    public boolean serves(Feature feature) {
        return features.contains(feature);
    }

    /** Whether some media are private (read only through signed URLs): the API then uses {@code private/}. */
    public boolean privateMedia() {
        return !privateMediaAreas.isEmpty();
    }

    private static List<TableDefinition> tables(Set<Feature> features, List<TableDefinition> extraTables) {
        List<TableDefinition> all = new ArrayList<>(CORE_TABLES);
        features.forEach(feature -> all.addAll(feature.tables()));
        all.addAll(extraTables);
        return List.copyOf(all);
    }

    /**
     * What one user may hold. The app reads each from {@code cairn.limits.*}, which the CDK app sets
     * from the blueprint through {@link #environment()}; a value beyond them is refused with 413 or
     * 429.
     *
     * @param apiKeys API keys per user; default 20
     * @param storedBytes bytes of uploads (images, files, receipts) per user; default 1 GiB
     * @param files uploads kept per user (images, files, receipts); default 1000
     */
    public record Limits(int apiKeys, long storedBytes, int files) {
        public static final int DEFAULT_API_KEYS = 20;
        public static final long DEFAULT_STORED_BYTES = 1L << 30;
        public static final int DEFAULT_FILES = 1000;
        public static final Limits DEFAULTS = new Limits(DEFAULT_API_KEYS, DEFAULT_STORED_BYTES, DEFAULT_FILES);

        public Limits {
            positive("apiKeys", apiKeys);
            positive("storedBytes", storedBytes);
            positive("files", files);
        }

        /** The variables that set these limits in the app, with their values, in a stable order. */
        public Map<String, String> environment() {
            Map<String, String> environment = new LinkedHashMap<>();
            environment.put(EnvironmentVariables.LIMITS_API_KEYS, Integer.toString(apiKeys));
            environment.put(EnvironmentVariables.LIMITS_STORED_BYTES, Long.toString(storedBytes));
            environment.put(EnvironmentVariables.LIMITS_FILES, Integer.toString(files));
            return Collections.unmodifiableMap(environment);
        }

        private static void positive(String field, long value) {
            if (value < 1) {
                throw new IllegalArgumentException(field + " must be at least 1 (value: " + value + ")");
            }
        }
    }

    /** Builds a blueprint; by default no features, no extra tables, no site, no private media, default limits. */
    public static final class Builder {
        private final String name;
        private final String description;
        private final Set<Feature> features = EnumSet.noneOf(Feature.class);
        private final List<TableDefinition> extraTables = new ArrayList<>();
        private final List<String> privateMediaAreas = new ArrayList<>();
        private boolean site;
        private Limits limits = Limits.DEFAULTS;
        private SiteContent content = SiteContent.NONE;
        private final List<Language> searchLanguages = new ArrayList<>();

        private Builder(String name, String description) {
            this.name = name;
            this.description = description;
        }

        public Builder features(Feature... served) {
            features.addAll(List.of(served));
            return this;
        }

        public Builder extraTables(TableDefinition... tables) {
            return extraTables(List.of(tables));
        }

        public Builder extraTables(List<TableDefinition> tables) {
            extraTables.addAll(tables);
            return this;
        }

        public Builder site(boolean hasSite) {
            this.site = hasSite;
            return this;
        }

        public Builder privateMediaAreas(String... areas) {
            return privateMediaAreas(List.of(areas));
        }

        public Builder privateMediaAreas(List<String> areas) {
            privateMediaAreas.addAll(areas);
            return this;
        }

        public Builder limits(Limits perUser) {
            this.limits = perUser;
            return this;
        }

        /** The closed lists of the site-owned content ({@link Feature#PORTFOLIO}). */
        public Builder content(SiteContent siteContent) {
            this.content = siteContent;
            return this;
        }

        /** Languages its search analyzes beyond {@link Blueprint#ALWAYS_SEARCHED}. */
        public Builder searchLanguages(Language... languages) {
            searchLanguages.addAll(List.of(languages));
            return this;
        }

        public Blueprint build() {
            return new Blueprint(
                    name,
                    description,
                    features,
                    extraTables,
                    site,
                    privateMediaAreas,
                    limits,
                    content,
                    searchLanguages);
        }
    }
}
