package dev.cairn.contract;

import java.util.List;

/**
 * The tables the app reads and the CDK app creates: every blueprint's core tables and each
 * feature's own, and the search indexes features declare over them. Tables only some blueprint
 * creates, without an API that reads them yet (the retreat app's), are declared with their
 * blueprint in {@link Blueprints}.
 */
public final class Tables {
    /** Guitars by brand, for {@code ?brand=}: partition key {@code brand}, sort key {@code userId}. */
    public static final String GUITAR_BRAND_INDEX = "brand-userId-index";
    /** A user's notes in their list order: partition key {@code userId}, sort key {@code listOrder}. */
    public static final String NOTE_ORDER_INDEX = "userId-listOrder-index";
    /** API keys by the keyed hash of the key: how a presented key is found. */
    public static final String API_KEY_HASH_INDEX = "keyHash-index";
    /**
     * A category's projects in their order: partition key {@code category}, sort key {@code order}
     * (a number).
     */
    public static final String PROJECT_CATEGORY_ORDER_INDEX = "category-order-index";
    /** The attribute holding an API key's keyed hash, which {@link #API_KEY_HASH_INDEX} is keyed by. */
    public static final String API_KEY_HASH = "keyHash";

    /** One profile a user, keyed by the Cognito {@code sub}: every blueprint has it. */
    public static final TableDefinition USERS = TableDefinition.of("users", "userId", null);
    /** One record an uploaded image (sort key a UUIDv7, so by time): every blueprint has it. */
    public static final TableDefinition IMAGES = TableDefinition.of("images", "userId", "imageId");

    public static final TableDefinition GUITARS = TableDefinition.of(
            "guitars", "userId", "guitarId", TableDefinition.Index.of(GUITAR_BRAND_INDEX, "brand", "userId"));
    public static final TableDefinition NOTES = TableDefinition.of(
            "notes", "userId", "noteId", TableDefinition.Index.of(NOTE_ORDER_INDEX, "userId", "listOrder"));
    public static final TableDefinition BOOKMARKS = TableDefinition.of("bookmarks", "userId", "bookmarkId");
    public static final TableDefinition FILES = TableDefinition.of("files", "userId", "fileId");
    /** API keys and, in the same partition, their daily usage counters, which expire by {@code expiresAt}. */
    public static final TableDefinition API_KEYS = TableDefinition.of(
                    "api-keys", "userId", "keyId", TableDefinition.Index.of(API_KEY_HASH_INDEX, API_KEY_HASH, null))
            .expiringBy("expiresAt");

    /** The portfolio's projects, keyed by their id alone: they belong to the site, not to a user. */
    public static final TableDefinition PROJECTS = new TableDefinition(
            "projects",
            TableDefinition.Key.text("projectId"),
            null,
            List.of(new TableDefinition.Index(
                    PROJECT_CATEGORY_ORDER_INDEX,
                    TableDefinition.Key.text("category"),
                    TableDefinition.Key.number("order"))),
            null);
    /** A project's photos in their order: partition key {@code projectId}, sort key {@code order#photoId}. */
    public static final TableDefinition PHOTOS = TableDefinition.of("photos", "projectId", "orderPhoto");
    /** The site's pages (home, about, ...), keyed by their name. */
    public static final TableDefinition PAGES = TableDefinition.of("pages", "pageId", null);

    /** A user's recipes (seed 000), newest first; its stream feeds {@link #RECIPE_SEARCH}. */
    public static final TableDefinition RECIPES = TableDefinition.of("recipes", "userId", "recipeId");

    /**
     * The dietary restrictions a recipe may name (seed 000's filters): a closed list, so what a
     * recipe says, what a search filters by and what its counts show agree.
     */
    public static final java.util.List<String> DIETARY = java.util.List.of(
            "vegetarian",
            "vegan",
            "gluten-free",
            "dairy-free",
            "nut-free",
            "egg-free",
            "low-carb",
            "keto",
            "paleo",
            "pescatarian",
            "halal",
            "kosher");

    /**
     * Full-text search over {@link #RECIPES}: title over ingredients over description over steps;
     * tags, dietary restrictions and cuisine as filters with counts; the total time as a range. A
     * user finds their own recipes, the ones shared with them ({@code sharedWith}) and the public
     * ones ({@code visibility} = {@code public}).
     */
    public static final SearchIndex RECIPE_SEARCH = new SearchIndex(
            "recipes",
            RECIPES,
            1,
            "GET /api/recipes/search",
            List.of(
                    SearchIndex.Field.text("title", 3),
                    SearchIndex.Field.text("ingredients", 2),
                    SearchIndex.Field.text("description", 1.5),
                    SearchIndex.Field.text("steps", 1),
                    SearchIndex.Field.facet("tags"),
                    SearchIndex.Field.facet("dietary", DIETARY),
                    SearchIndex.Field.facet("cuisine"),
                    SearchIndex.Field.number("totalMinutes"),
                    SearchIndex.Field.number("servings")),
            "language",
            new SearchIndex.Access("userId", "sharedWith", "visibility", "public"));

    private Tables() {}
}
