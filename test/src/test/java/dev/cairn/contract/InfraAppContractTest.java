package dev.cairn.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.auth.Public;
import dev.cairn.api.data.TableDefinition;
import dev.cairn.api.data.Tables;
import dev.cairn.api.keys.ApiKeys;
import dev.cairn.api.media.MediaObjects;
import dev.cairn.constructs.EdgeDefaults;
import dev.cairn.infra.ApiContract;
import dev.cairn.infra.Blueprint;
import dev.cairn.infra.CairnApp;
import dev.cairn.infra.StageConfig;
import dev.cairn.infra.TableSpec;
import io.micronaut.context.ApplicationContext;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.CrossStackReferences;
import software.amazon.awscdk.ReferenceStrength;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.lambda.Code;

/** What infra/ deploys and what app/ expects must be the same thing. */
class InfraAppContractTest {

    @Test
    void theBlueprintsWithTheirWholeApiCreateExactlyTheTablesAndIndexesItUses() {
        for (String name : List.of("guitar-collection", "personal-site")) {
            Map<String, String> deployed = new TreeMap<>();
            for (TableSpec table : Blueprint.named(name).allTables()) {
                List<String> indexes = table.indexes().stream()
                        .map(i -> i.name()
                                + keys(
                                        i.partitionKey().name(),
                                        i.sortKey() == null ? null : i.sortKey().name()))
                        .sorted()
                        .toList();
                String sortKey =
                        table.sortKey() == null ? null : table.sortKey().name();
                deployed.put(table.logicalName(), keys(table.partitionKey().name(), sortKey) + indexes);
            }
            Map<String, String> used = new TreeMap<>();
            for (TableDefinition table : Tables.forBlueprint(name)) {
                List<String> indexes = table.indexes().stream()
                        .map(i -> i.name() + keys(i.partitionKey(), i.sortKey()))
                        .sorted()
                        .toList();
                used.put(table.logicalName(), keys(table.partitionKey(), table.sortKey()) + indexes);
            }
            assertThat(deployed).as(name).isEqualTo(used);
        }
        TableSpec apiKeys = Blueprint.named("personal-site").allTables().stream()
                .filter(t -> t.logicalName().equals(ApiKeys.TABLE.logicalName()))
                .findFirst()
                .orElseThrow();
        assertThat(apiKeys.timeToLive()).isEqualTo(ApiKeys.EXPIRES_AT);
    }

    @Test
    void everyTableTheAppReadsExistsInEveryBlueprintWithTheSameKeys() {
        for (Blueprint blueprint : Blueprint.BLUEPRINTS.values()) {
            Map<String, TableSpec> deployed =
                    blueprint.allTables().stream().collect(Collectors.toMap(TableSpec::logicalName, t -> t));
            for (TableDefinition expected : Tables.forBlueprint(blueprint.name())) {
                TableSpec table = deployed.get(expected.logicalName());
                assertThat(table)
                        .as(blueprint.name() + " has table " + expected.logicalName())
                        .isNotNull();
                assertThat(table.environmentVariable()).isEqualTo(expected.environmentVariable());
                assertThat(table.partitionKey().name()).isEqualTo(expected.partitionKey());
                assertThat(table.sortKey() == null ? null : table.sortKey().name())
                        .isEqualTo(expected.sortKey());
                assertThat(table.indexes().stream().map(TableSpec.Index::name).toList())
                        .containsAll(expected.indexes().stream()
                                .map(TableDefinition.Index::name)
                                .toList());
            }
        }
    }

    @Test
    void apiGatewayLetsThroughExactlyTheAppsPublicRoutes() {
        try (ApplicationContext app = ApplicationContext.builder()
                .properties(Map.of(
                        "cairn.aws.region", "us-east-1",
                        "cairn.auth.issuer", "http://127.0.0.1:9/pool",
                        "cairn.auth.client-ids", "contract"))
                .start()) {
            Set<String> publicRoutes = new TreeSet<>();
            app.getBean(Router.class).uriRoutes().forEach(route -> {
                UriRouteInfo<?, ?> info = route;
                // Micronaut answers HEAD for every GET by itself; API Gateway lists the GETs.
                if (info.getAnnotationMetadata().hasAnnotation(Public.class)
                        && !"HEAD".equals(info.getHttpMethodName())) {
                    publicRoutes.add(info.getHttpMethodName() + " "
                            + info.getUriMatchTemplate().toPathString());
                }
            });
            assertThat(publicRoutes).containsExactlyInAnyOrderElementsOf(ApiContract.PUBLIC_ROUTES);
        }
    }

    /** What each blueprint serves beyond what every blueprint serves (auth, user, images, docs, health). */
    private static final Map<String, Set<String>> FEATURE_COLLECTIONS = Map.of(
            "guitar-collection", Set.of("/api/guitars"),
            "personal-site", Set.of("/api/notes", "/api/bookmarks", "/api/files", "/api/keys"),
            "recipe-archive", Set.of(),
            "photo-portfolio", Set.of(),
            "retreat-audio", Set.of());

    @Test
    void eachBlueprintServesItsOwnRoutesWhateverTableVariablesExist() {
        // Every table of every blueprint named, as if each variable existed: only the blueprint may decide.
        Map<String, Object> everyTable = new TreeMap<>();
        for (Blueprint blueprint : Blueprint.BLUEPRINTS.values()) {
            for (TableSpec table : blueprint.allTables()) {
                everyTable.put("cairn.tables." + table.logicalName(), table.logicalName());
            }
        }
        assertThat(everyTable).containsKey("cairn.tables.bookmarks");
        Set<String> common = routesServed("a-blueprint-with-no-features", everyTable);
        assertThat(common).contains("POST /api/auth/login", "GET /api/user/profile", "POST /api/images/upload-url");
        assertThat(FEATURE_COLLECTIONS.keySet()).containsExactlyInAnyOrderElementsOf(Blueprint.BLUEPRINTS.keySet());
        for (Blueprint blueprint : Blueprint.BLUEPRINTS.values()) {
            Set<String> served = routesServed(blueprint.name(), everyTable);
            assertThat(served).as(blueprint.name()).containsAll(common);
            Set<String> own = new TreeSet<>();
            served.stream()
                    .filter(route -> !common.contains(route))
                    .map(route -> collection(route.substring(route.indexOf(' ') + 1)))
                    .forEach(own::add);
            assertThat(own).as(blueprint.name()).isEqualTo(new TreeSet<>(FEATURE_COLLECTIONS.get(blueprint.name())));
            // The gateway lets API keys through only where the app serves the collection.
            for (String route : ApiContract.appAuthorizedRoutes(blueprint)) {
                String path = route.substring(route.indexOf(' ') + 1).replace("/{proxy+}", "");
                assertThat(served.stream()
                                .anyMatch(r -> r.substring(r.indexOf(' ') + 1).startsWith(path)))
                        .as(blueprint.name() + " serves " + path)
                        .isTrue();
            }
        }
    }

    @Test
    void theFirewallLetsThroughTheBodiesTheApiAccepts() throws IOException {
        java.util.Properties properties = new java.util.Properties();
        try (var in = ApplicationContext.class.getClassLoader().getResourceAsStream("application.properties")) {
            properties.load(in);
        }
        assertThat(Integer.parseInt(properties.getProperty("cairn.api.max-body-bytes")))
                .isEqualTo(ApiContract.MAX_BODY_BYTES);
    }

    /** {@code /api/guitars/{id}/notes} is part of {@code /api/guitars}. */
    private static String collection(String path) {
        String[] parts = path.split("/");
        return "/" + parts[1] + "/" + parts[2];
    }

    private static Set<String> routesServed(String blueprint, Map<String, Object> tables) {
        Map<String, Object> properties = new TreeMap<>(tables);
        properties.put("cairn.blueprint", blueprint);
        properties.put("cairn.aws.region", "us-east-1");
        properties.put("cairn.auth.issuer", "http://127.0.0.1:9/pool");
        properties.put("cairn.auth.client-ids", "contract");
        try (ApplicationContext app =
                ApplicationContext.builder().properties(properties).start()) {
            Set<String> routes = new TreeSet<>();
            app.getBean(Router.class).uriRoutes().forEach(route -> {
                UriRouteInfo<?, ?> info = route;
                if (!"HEAD".equals(info.getHttpMethodName())) {
                    routes.add(info.getHttpMethodName() + " "
                            + info.getUriMatchTemplate().toPathString());
                }
            });
            return routes;
        }
    }

    private static String keys(String partitionKey, String sortKey) {
        return "(" + partitionKey + "/" + (sortKey == null ? "" : sortKey) + ")";
    }

    /** Set by the Lambda runtime, or optional with a default that fits the infra. */
    private static final Set<String> NOT_FROM_INFRA = Set.of("AWS_REGION", "ORIGIN_VERIFY_SECRET_FIELD");

    /** Every {@code ${VARIABLE:...}} of the app's application.properties. */
    private static Set<String> variablesTheAppReads() throws IOException {
        String properties;
        try (var in = ApplicationContext.class.getClassLoader().getResourceAsStream("application.properties")) {
            assertThat(in).as("the app's application.properties").isNotNull();
            properties = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Set<String> variables = new TreeSet<>();
        java.util.regex.Matcher matcher =
                java.util.regex.Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]").matcher(properties);
        while (matcher.find()) {
            variables.add(matcher.group(1));
        }
        return variables;
    }

    @Test
    void theCdnKeepsPublicMediaNoLongerThanTheAppAsks() {
        assertThat(EdgeDefaults.MEDIA_TTL.toSeconds().longValue()).isEqualTo(MediaObjects.PUBLIC_CACHE_SECONDS);
        assertThat(EdgeDefaults.MEDIA_CACHE_CONTROL).isEqualTo("public, max-age=" + MediaObjects.PUBLIC_CACHE_SECONDS);
    }

    @Test
    void theApiFunctionGetsTheEnvironmentTheAppReads() throws IOException {
        Path code = Files.createTempDirectory("cairn-code");
        Files.writeString(code.resolve("placeholder.txt"), "injected");
        App app = new App(AppProps.builder()
                .outdir(Files.createTempDirectory("cairn-contract").toString())
                .build());
        CrossStackReferences.of(app).consume(ReferenceStrength.STRONG);
        Set<String> read = variablesTheAppReads();
        assertThat(read).contains("SIGNING_SECRET_ARN", "CLOUDFRONT_DOMAIN", "COGNITO_USER_POOL_ID");
        Map<Blueprint, CairnApp.Stacks> built = new java.util.LinkedHashMap<>();
        for (Blueprint blueprint : Blueprint.BLUEPRINTS.values()) {
            built.put(
                    blueprint,
                    CairnApp.build(app, StageConfig.DEV, blueprint, List.of(), Code.fromAsset(code.toString())));
        }
        for (Map.Entry<Blueprint, CairnApp.Stacks> entry : built.entrySet()) {
            Blueprint blueprint = entry.getKey();
            CairnApp.Stacks stacks = entry.getValue();
            Map<String, Map<String, Object>> functions = Template.fromStack(stacks.service())
                    .findResources(
                            "AWS::Lambda::Function",
                            Match.objectLike(Map.of(
                                    "Properties", Match.objectLike(Map.of("Handler", ApiContract.API_HANDLER)))));
            String environment = functions.values().iterator().next().toString();
            Set<String> tables = Tables.forBlueprint(blueprint.name()).stream()
                    .map(TableDefinition::environmentVariable)
                    .collect(Collectors.toSet());
            for (String variable : read) {
                boolean needed = variable.startsWith("DYNAMODB_TABLE_")
                        ? tables.contains(variable)
                        : !NOT_FROM_INFRA.contains(variable);
                if (needed) {
                    assertThat(environment).as(blueprint.name()).contains(variable + "=");
                }
            }
            assertThat(environment)
                    .contains("COGNITO_USER_POOL_ID=")
                    .contains("COGNITO_CLIENT_ID=")
                    .contains("S3_BUCKET_MEDIA=")
                    .contains("CAIRN_BLUEPRINT=" + blueprint.name());
        }
    }
}
