package dev.cairn.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutePolicyTest {

    @Test
    void theGatewaysApiKeyRoutesAndTheAppsCheckAreOneList() {
        Blueprint site = Blueprints.PERSONAL_SITE;
        List<String> prefixes = RoutePolicy.apiKeyPrefixes(site);
        assertThat(prefixes).containsExactly("/api/notes", "/api/bookmarks", "/api/files", "/api/images");
        List<String> fromPrefixes = new ArrayList<>();
        for (String prefix : prefixes) {
            fromPrefixes.add("ANY " + prefix);
            fromPrefixes.add("ANY " + prefix + "/{proxy+}");
            assertThat(RoutePolicy.apiKeyMayReach(site, prefix)).as(prefix).isTrue();
            assertThat(RoutePolicy.apiKeyMayReach(site, prefix + "/x/y"))
                    .as(prefix)
                    .isTrue();
        }
        assertThat(RoutePolicy.apiKeyGatewayRoutes(site)).isEqualTo(fromPrefixes);
    }

    @Test
    void keysNeverReachTokenOnlyRoutesNorUnlistedOnes() {
        Blueprint site = Blueprints.PERSONAL_SITE;
        for (String path :
                List.of("/api/keys", "/api/keys/k-1", "/api/user/profile", "/api/auth/sessions", "/api/admin/users")) {
            assertThat(RoutePolicy.apiKeyMayReach(site, path)).as(path).isFalse();
        }
        assertThat(RoutePolicy.apiKeyMayReach(site, "/api/notesx")).isFalse();
        for (String prefix : RoutePolicy.TOKEN_ONLY_PREFIXES) {
            assertThat(RoutePolicy.apiKeyPrefixes(site)).doesNotContain(prefix);
        }
    }

    @Test
    void blueprintsWithoutKeysLetNoKeyAnywhere() {
        for (Blueprint blueprint : Blueprints.all()) {
            if (!blueprint.serves(Feature.API_KEYS)) {
                assertThat(RoutePolicy.apiKeyGatewayRoutes(blueprint))
                        .as(blueprint.name())
                        .isEmpty();
                assertThat(RoutePolicy.apiKeyMayReach(blueprint, "/api/images")).isFalse();
            }
        }
    }

    @Test
    void everyFeatureRouteIsBelowTheApiPath() {
        for (Feature feature : Feature.values()) {
            for (String prefix : feature.routePrefixes()) {
                assertThat(prefix + "/").startsWith(RoutePolicy.API_PATH_PREFIX);
            }
        }
        assertThat(RoutePolicy.PUBLIC_ROUTES).allMatch(route -> route.contains(" " + RoutePolicy.API_PATH_PREFIX));
    }
}
