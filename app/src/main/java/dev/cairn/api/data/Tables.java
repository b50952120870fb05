package dev.cairn.api.data;

import dev.cairn.api.blueprint.BlueprintFeatures;
import dev.cairn.api.blueprint.Feature;
import dev.cairn.api.files.PrivateFiles;
import dev.cairn.api.guitar.Guitars;
import dev.cairn.api.keys.ApiKeys;
import dev.cairn.api.media.ImageRecords;
import dev.cairn.api.site.SiteCollections;
import dev.cairn.api.user.UserProfiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Every table the app reads, for the local stack to create and the CDK app to match. */
public final class Tables {
    private Tables() {}

    /**
     * The tables a blueprint's features use ({@link BlueprintFeatures}). Every blueprint has user
     * profiles and images.
     */
    public static List<TableDefinition> forBlueprint(String blueprint) {
        List<TableDefinition> tables = new ArrayList<>(List.of(UserProfiles.TABLE, ImageRecords.TABLE));
        Set<Feature> features = BlueprintFeatures.of(blueprint);
        for (Feature feature : features) {
            tables.add(
                    switch (feature) {
                        case GUITARS -> Guitars.TABLE;
                        case NOTES -> SiteCollections.NOTES;
                        case BOOKMARKS -> SiteCollections.BOOKMARKS;
                        case FILES -> PrivateFiles.TABLE;
                        case API_KEYS -> ApiKeys.TABLE;
                    });
        }
        return List.copyOf(tables);
    }
}
