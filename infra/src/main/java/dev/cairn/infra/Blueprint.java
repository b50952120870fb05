package dev.cairn.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One of the seed systems as Cairn deploys it: the tables its features use, and whether it has a
 * static site and private media. A blueprint creates only what it names here.
 *
 * @param name e.g. {@code guitar-collection}
 * @param description one line for stack descriptions
 * @param tables its tables, beyond the users and images tables every blueprint has
 * @param site whether it serves a static front end from a site bucket
 * @param privateMedia whether some media (audio, PDFs, receipts) are served only by signed URLs
 */
public record Blueprint(String name, String description, List<TableSpec> tables, boolean site, boolean privateMedia) {

    /** Every blueprint's user profiles and image records. */
    static final List<TableSpec> CORE =
            List.of(TableSpec.of("users", "userId", null), TableSpec.of("images", "userId", "imageId"));

    public static final Map<String, Blueprint> BLUEPRINTS = new TreeMap<>(Map.of(
            "guitar-collection",
            new Blueprint(
                    "guitar-collection",
                    "Guitar Collection (seed 001)",
                    List.of(TableSpec.of(
                            "guitars",
                            "userId",
                            "guitarId",
                            TableSpec.Index.of("brand-userId-index", "brand", "userId"))),
                    true,
                    true),
            "personal-site",
            new Blueprint(
                    "personal-site",
                    "Personal website (seed 004)",
                    List.of(
                            TableSpec.of(
                                    "notes",
                                    "userId",
                                    "noteId",
                                    TableSpec.Index.of("userId-listOrder-index", "userId", "listOrder")),
                            TableSpec.of("bookmarks", "userId", "bookmarkId"),
                            TableSpec.of("files", "userId", "fileId"),
                            TableSpec.of(
                                            "api-keys",
                                            "userId",
                                            "keyId",
                                            TableSpec.Index.of("keyHash-index", "keyHash", null))
                                    // Daily usage counters of API keys expire on their own.
                                    .expiringBy("expiresAt")),
                    true,
                    true),
            "recipe-archive",
            new Blueprint(
                    "recipe-archive",
                    "Recipe Archive (seed 000)",
                    List.of(
                            TableSpec.of("recipes", "userId", "recipeId"),
                            TableSpec.of("recipe-revisions", "recipeId", "revisionId")),
                    true,
                    false),
            "photo-portfolio",
            new Blueprint(
                    "photo-portfolio",
                    "S.Goodie Photography portfolio (seed 002)",
                    List.of(
                            new TableSpec(
                                    "projects",
                                    TableSpec.Key.text("projectId"),
                                    null,
                                    List.of(new TableSpec.Index(
                                            "category-order-index",
                                            TableSpec.Key.text("category"),
                                            TableSpec.Key.number("order")))),
                            TableSpec.of("photos", "projectId", "orderPhoto"),
                            TableSpec.of("pages", "pageId", null)),
                    true,
                    false),
            "retreat-audio",
            new Blueprint(
                    "retreat-audio",
                    "Padmakara retreat app (seed 003)",
                    List.of(
                            TableSpec.of("content", "pk", "sk"),
                            TableSpec.of("progress", "userId", "trackId"),
                            TableSpec.of("bookmarks", "userId", "bookmarkId")),
                    false,
                    true)));

    public Blueprint {
        tables = List.copyOf(tables);
    }

    public static Blueprint named(String name) {
        Blueprint blueprint = BLUEPRINTS.get(name);
        if (blueprint == null) {
            throw new IllegalArgumentException(
                    "blueprint must be one of " + List.copyOf(BLUEPRINTS.keySet()) + " (value: " + name + ")");
        }
        return blueprint;
    }

    /** The core tables and the blueprint's own, in creation order. */
    public List<TableSpec> allTables() {
        List<TableSpec> all = new ArrayList<>(CORE);
        all.addAll(tables);
        return all;
    }
}
