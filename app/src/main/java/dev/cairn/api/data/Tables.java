package dev.cairn.api.data;

import dev.cairn.api.files.Files;
import dev.cairn.api.guitar.Guitars;
import dev.cairn.api.keys.ApiKeys;
import dev.cairn.api.media.ImageRecords;
import dev.cairn.api.site.SiteCollections;
import dev.cairn.api.user.UserProfiles;
import java.util.ArrayList;
import java.util.List;

/** Every table the app reads, for the local stack to create and the CDK app to match. */
public final class Tables {
    private Tables() {}

    /** The tables a blueprint's features use. Every blueprint has user profiles and images. */
    public static List<TableDefinition> forBlueprint(String blueprint) {
        List<TableDefinition> tables = new ArrayList<>(List.of(UserProfiles.TABLE, ImageRecords.TABLE));
        switch (blueprint) {
            case "guitar-collection" -> tables.add(Guitars.TABLE);
            case "personal-site" ->
                tables.addAll(List.of(SiteCollections.NOTES, SiteCollections.BOOKMARKS, Files.TABLE, ApiKeys.TABLE));
            default -> {
                // The other blueprints' own features are not in the API yet.
            }
        }
        return List.copyOf(tables);
    }
}
