package dev.cairn.contracttest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.identity.Public;
import dev.cairn.api.storage.MediaObjects;
import dev.cairn.constructs.EdgeDefaults;
import dev.cairn.contract.Blueprint;
import dev.cairn.contract.Blueprints;
import dev.cairn.contract.EnvironmentVariables;
import dev.cairn.contract.Feature;
import dev.cairn.contract.Functions;
import dev.cairn.contract.MediaLayout;
import dev.cairn.contract.RoutePolicy;
import dev.cairn.contract.TableDefinition;
import dev.cairn.infra.BlueprintFile;
import dev.cairn.infra.CairnApp;
import dev.cairn.infra.StageConfig;
import io.micronaut.context.ApplicationContext;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.CrossStackReferences;
import software.amazon.awscdk.ReferenceStrength;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.lambda.Code;

/**
 * What cannot be written once: the contract ({@code dev.cairn.contract}) is what both sides read,
 * and this checks that each side does what it says, for every built-in blueprint and a custom one
 * (infra/blueprints/chess-club.yaml): the app's routes and configuration, and the synthesized IAM
 * grants, environment, gateway routes and bucket rules.
 */
class InfraAppContractTest {
    /** Every built-in blueprint and the example custom one, synthesized once (dev stage). */
    private static final Map<Blueprint, CairnApp.Stacks> BUILT = build();

    private static Map<Blueprint, CairnApp.Stacks> build() {
        try {
            Path code = Files.createTempDirectory("cairn-code");
            Files.writeString(code.resolve("placeholder.txt"), "injected");
            App app = new App(AppProps.builder()
                    .outdir(Files.createTempDirectory("cairn-contract").toString())
                    .build());
            CrossStackReferences.of(app).consume(ReferenceStrength.STRONG);
            List<Blueprint> blueprints = new ArrayList<>(Blueprints.all());
            blueprints.add(BlueprintFile.resolve("chess-club", Path.of("..").resolve(BlueprintFile.DIRECTORY)));
            Map<Blueprint, CairnApp.Stacks> built = new LinkedHashMap<>();
            for (Blueprint blueprint : blueprints) {
                built.put(
                        blueprint,
                        CairnApp.build(app, StageConfig.DEV, blueprint, List.of(), Code.fromAsset(code.toString())));
            }
            return built;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void apiGatewayLetsThroughExactlyTheAppsPublicRoutes() {
        for (Blueprint blueprint : BUILT.keySet()) {
            Map<String, Object> tables = new TreeMap<>();
            for (TableDefinition table : blueprint.allTables()) {
                tables.put("cairn.tables." + table.name(), table.name());
            }
            assertThat(publicRoutesServed(blueprint.name(), tables))
                    .as(blueprint.name())
                    .containsExactlyInAnyOrderElementsOf(RoutePolicy.publicRoutes(blueprint));
        }
    }

    @Test
    void eachBlueprintServesItsFeaturesRoutesWhateverTableVariablesExist() {
        // Every table of every blueprint named, as if each variable existed: only the blueprint may decide.
        Map<String, Object> everyTable = new TreeMap<>();
        for (Blueprint blueprint : BUILT.keySet()) {
            for (TableDefinition table : blueprint.allTables()) {
                everyTable.put("cairn.tables." + table.name(), table.name());
            }
        }
        assertThat(everyTable).containsKey("cairn.tables.bookmarks");
        Set<String> common = routesServed("a-blueprint-with-no-features", everyTable);
        assertThat(common).contains("POST /api/auth/login", "GET /api/user/profile", "POST /api/images/upload-url");
        for (Blueprint blueprint : BUILT.keySet()) {
            Set<String> served = routesServed(blueprint.name(), everyTable);
            assertThat(served).as(blueprint.name()).containsAll(common);
            Set<String> own = new TreeSet<>();
            served.stream()
                    .filter(route -> !common.contains(route))
                    .map(route -> collection(route.substring(route.indexOf(' ') + 1)))
                    .forEach(own::add);
            Set<String> declared = blueprint.features().stream()
                    .flatMap(feature -> feature.routePrefixes().stream())
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(own).as(blueprint.name()).isEqualTo(declared);
            // API keys reach only routes the app serves.
            for (String prefix : RoutePolicy.apiKeyPrefixes(blueprint)) {
                assertThat(served.stream()
                                .anyMatch(r -> r.substring(r.indexOf(' ') + 1).startsWith(prefix)))
                        .as(blueprint.name() + " serves " + prefix)
                        .isTrue();
            }
        }
    }

    @Test
    void theGatewayLetsThroughWithoutAJwtExactlyThePublicAndApiKeyRoutes() {
        BUILT.forEach((blueprint, stacks) -> {
            Set<String> open = new TreeSet<>();
            Template.fromStack(stacks.service())
                    .findResources(
                            "AWS::ApiGatewayV2::Route",
                            Match.objectLike(
                                    Map.of("Properties", Match.objectLike(Map.of("AuthorizationType", "NONE")))))
                    .values()
                    .forEach(route -> open.add(String.valueOf(properties(route).get("RouteKey"))));
            Set<String> expected = new TreeSet<>(RoutePolicy.publicRoutes(blueprint));
            expected.addAll(RoutePolicy.apiKeyGatewayRoutes(blueprint));
            assertThat(open).as(blueprint.name()).isEqualTo(expected);
        });
    }

    @Test
    void theFunctionsGetTheMediaAccessTheLayoutNames() {
        BUILT.forEach((blueprint, stacks) -> {
            // The functions' grants on the media bucket (not the site deployment's on the site bucket).
            Set<String> granted = objectPrefixes(
                    Template.fromStack(stacks.service()),
                    "AWS::IAM::Policy",
                    statement -> statement.contains("Media") && statement.contains("s3:"));
            Set<String> expected = new TreeSet<>(MediaLayout.USER_PREFIXES);
            if (!blueprint.privateMedia()) {
                expected.remove(MediaLayout.PRIVATE);
            }
            assertThat(granted).as(blueprint.name()).isEqualTo(expected);
            String service = Template.fromStack(stacks.service()).toJSON().toString();
            assertThat(service).as(blueprint.name()).contains("wildcard=" + MediaLayout.ORIGINAL_EVENT_PATTERN);
            Template data = Template.fromStack(stacks.data());
            assertThat(objectPrefixes(
                            data, "AWS::S3::BucketPolicy", statement -> statement.contains("cloudfront.amazonaws.com")))
                    .as(blueprint.name() + ": the CDN reads")
                    .containsExactly(MediaLayout.IMAGES);
            String rules = data.findResources("AWS::S3::Bucket").toString();
            if (blueprint.privateMedia()) {
                assertThat(rules)
                        .as(blueprint.name())
                        .contains("Prefix=" + MediaLayout.ARCHIVE_PREFIX)
                        .contains(MediaLayout.RECEIPT_ARCHIVE_TAGS
                                .keySet()
                                .iterator()
                                .next());
            } else {
                assertThat(rules).as(blueprint.name()).doesNotContain("Id=Archive");
            }
        });
    }

    @Test
    void theFunctionsGetTheEnvironmentTheAppReads() throws IOException {
        Set<String> read = variablesTheAppReads();
        assertThat(read)
                .contains(
                        EnvironmentVariables.SIGNING_SECRET_ARN,
                        EnvironmentVariables.CDN_DOMAIN,
                        EnvironmentVariables.USER_POOL_ID);
        BUILT.forEach((blueprint, stacks) -> {
            Map<String, Object> environment =
                    environmentOf(Template.fromStack(stacks.service()), Functions.API_HANDLER);
            Set<String> tables = blueprint.allTables().stream()
                    .map(TableDefinition::environmentVariable)
                    .collect(Collectors.toSet());
            for (String variable : read) {
                boolean needed = variable.startsWith(EnvironmentVariables.TABLE_PREFIX)
                        ? tables.contains(variable)
                        : SEARCH.contains(variable)
                                ? !blueprint.searchIndexes().isEmpty()
                                : !NOT_FROM_INFRA.contains(variable) && !REVALIDATION.contains(variable);
                if (needed) {
                    assertThat(environment).as(blueprint.name()).containsKey(variable);
                }
            }
            assertThat(environment.keySet()).as(blueprint.name()).containsAll(tables);
            assertThat(environment)
                    .as(blueprint.name())
                    .containsKeys(
                            EnvironmentVariables.USER_POOL_ID,
                            EnvironmentVariables.CLIENT_ID,
                            EnvironmentVariables.MEDIA_BUCKET,
                            EnvironmentVariables.STAGE)
                    .containsEntry(EnvironmentVariables.BLUEPRINT, blueprint.name())
                    .containsAllEntriesOf(blueprint.limits().environment());
        });
    }

    @Test
    void siteOwnedContentIsRevalidatedByTheWorkerTheAppProvides() {
        BUILT.forEach((blueprint, stacks) -> {
            Template service = Template.fromStack(stacks.service());
            Map<String, Object> api = environmentOf(service, Functions.API_HANDLER);
            if (!blueprint.serves(Feature.PORTFOLIO)) {
                assertThat(api).as(blueprint.name()).doesNotContainKey(EnvironmentVariables.REVALIDATION_QUEUE_URL);
                assertThat(handlersDeployed(service))
                        .as(blueprint.name())
                        .doesNotContain(Functions.REVALIDATION_HANDLER);
                return;
            }
            assertThat(api).as(blueprint.name()).containsKey(EnvironmentVariables.REVALIDATION_QUEUE_URL);
            assertThat(environmentOf(service, Functions.REVALIDATION_HANDLER))
                    .as(blueprint.name())
                    .containsKeys(
                            EnvironmentVariables.CDN_DISTRIBUTION_ID,
                            EnvironmentVariables.REVALIDATION_SECRET_ARN,
                            EnvironmentVariables.STAGE)
                    .containsEntry(EnvironmentVariables.BLUEPRINT, blueprint.name())
                    // The dev stage names no front end: the worker only invalidates the CDN.
                    .doesNotContainKey(EnvironmentVariables.REVALIDATE_URL);
        });
    }

    @Test
    void everyHandlerTheInfraDeploysIsOneTheContractNames() {
        BUILT.forEach((blueprint, stacks) -> {
            for (var stack : stacks.all()) {
                assertThat(Functions.HANDLERS)
                        .as(stack.getStackName())
                        .containsAll(handlersDeployed(Template.fromStack(stack)).stream()
                                .filter(handler -> handler.startsWith("dev.cairn."))
                                .toList());
            }
        });
    }

    @Test
    void everyHandlerTheInfraDeploysIsAClassOfTheApp() throws ClassNotFoundException {
        for (String handler : Functions.HANDLERS) {
            assertThat(Class.forName(Functions.handlerClass(handler)))
                    .as(handler)
                    .isNotNull();
        }
    }

    @Test
    void theFirewallLetsThroughTheBodiesTheApiAccepts() throws IOException {
        java.util.Properties properties = new java.util.Properties();
        try (var in = ApplicationContext.class.getClassLoader().getResourceAsStream("application.properties")) {
            properties.load(in);
        }
        assertThat(Integer.parseInt(properties.getProperty("cairn.api.max-body-bytes")))
                .isEqualTo(RoutePolicy.MAX_BODY_BYTES);
    }

    @Test
    void theCdnKeepsPublicMediaNoLongerThanTheAppAsks() {
        assertThat(EdgeDefaults.MEDIA_TTL.toSeconds().longValue()).isEqualTo(MediaObjects.PUBLIC_CACHE_SECONDS);
        assertThat(EdgeDefaults.MEDIA_CACHE_CONTROL).isEqualTo("public, max-age=" + MediaObjects.PUBLIC_CACHE_SECONDS);
    }

    /** Set by the Lambda runtime, or optional with a default that fits the infra. */
    private static final Set<String> NOT_FROM_INFRA = Set.of("AWS_REGION", "ORIGIN_VERIFY_SECRET_FIELD");

    /**
     * The revalidation's: the queue only where a blueprint has site-owned content, the rest the
     * worker's (checked on it), the hook's URL only where the stage names one.
     */
    private static final Set<String> REVALIDATION = Set.of(
            EnvironmentVariables.REVALIDATION_QUEUE_URL,
            EnvironmentVariables.REVALIDATE_URL,
            EnvironmentVariables.REVALIDATION_SECRET_ARN,
            EnvironmentVariables.CDN_DISTRIBUTION_ID);

    /** Search's: the api, the indexer and the reindex of blueprints with search indexes only. */
    private static final Set<String> SEARCH =
            Set.of(EnvironmentVariables.SEARCH_ENDPOINT, EnvironmentVariables.SEARCH_SIGNING_SERVICE);

    @Test
    void searchIsWiredWhereABlueprintDeclaresItAndNowhereElse() {
        BUILT.forEach((blueprint, stacks) -> {
            Template service = Template.fromStack(stacks.service());
            Map<String, Object> api = environmentOf(service, Functions.API_HANDLER);
            if (blueprint.searchIndexes().isEmpty()) {
                assertThat(api).as(blueprint.name()).doesNotContainKeys(SEARCH.toArray(String[]::new));
                assertThat(handlersDeployed(service))
                        .as(blueprint.name())
                        .doesNotContain(Functions.SEARCH_INDEXER_HANDLER, Functions.SEARCH_REINDEX_HANDLER);
                return;
            }
            for (String handler : List.of(
                    Functions.API_HANDLER, Functions.SEARCH_INDEXER_HANDLER, Functions.SEARCH_REINDEX_HANDLER)) {
                assertThat(environmentOf(service, handler)).as(handler).containsKeys(SEARCH.toArray(String[]::new));
            }
            for (var index : blueprint.searchIndexes()) {
                assertThat(environmentOf(service, Functions.SEARCH_INDEXER_HANDLER))
                        .as(blueprint.name())
                        .containsKey(index.table().environmentVariable());
            }
        });
    }

    /** The handlers of the functions in {@code template}. */
    private static Set<String> handlersDeployed(Template template) {
        Set<String> handlers = new TreeSet<>();
        template.findResources("AWS::Lambda::Function")
                .values()
                .forEach(function ->
                        handlers.add(String.valueOf(properties(function).get("Handler"))));
        return handlers;
    }

    /** Every {@code ${VARIABLE:...}} of the app's application.properties. */
    private static Set<String> variablesTheAppReads() throws IOException {
        String properties;
        try (var in = ApplicationContext.class.getClassLoader().getResourceAsStream("application.properties")) {
            assertThat(in).as("the app's application.properties").isNotNull();
            properties = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Set<String> variables = new TreeSet<>();
        Matcher matcher = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]").matcher(properties);
        while (matcher.find()) {
            variables.add(matcher.group(1));
        }
        return variables;
    }

    /**
     * The object prefixes ({@code PREFIX/*}) named by the policy statements of {@code type} that
     * {@code relevant} picks (their text), e.g. the ones on the media bucket.
     */
    @SuppressWarnings("unchecked")
    private static Set<String> objectPrefixes(Template template, String type, Predicate<String> relevant) {
        Set<String> prefixes = new TreeSet<>();
        Pattern prefix = Pattern.compile("[\\[ ,]/([a-z-]+/)\\*[,\\]]");
        for (Map<String, Object> policy : template.findResources(type).values()) {
            Map<String, Object> document =
                    (Map<String, Object>) properties(policy).get("PolicyDocument");
            for (Object statement : (List<Object>) document.get("Statement")) {
                String text = statement.toString();
                if (relevant.test(text)) {
                    Matcher matcher = prefix.matcher(text);
                    while (matcher.find()) {
                        prefixes.add(matcher.group(1));
                    }
                }
            }
        }
        return prefixes;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<String, Object> resource) {
        return (Map<String, Object>) resource.get("Properties");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environmentOf(Template template, String handler) {
        Map<String, Map<String, Object>> functions = template.findResources(
                "AWS::Lambda::Function",
                Match.objectLike(Map.of("Properties", Match.objectLike(Map.of("Handler", handler)))));
        assertThat(functions).as(handler).hasSize(1);
        Map<String, Object> environment = (Map<String, Object>)
                properties(functions.values().iterator().next()).get("Environment");
        return (Map<String, Object>) environment.get("Variables");
    }

    /** {@code /api/guitars/{id}/notes} is part of {@code /api/guitars}. */
    private static String collection(String path) {
        String[] parts = path.split("/");
        return "/" + parts[1] + "/" + parts[2];
    }

    /** The app's {@code @Public} routes when it serves {@code blueprint} (HEAD left out, as above). */
    private static Set<String> publicRoutesServed(String blueprint, Map<String, Object> tables) {
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
                // Micronaut answers HEAD for every GET by itself; API Gateway lists the GETs.
                if (info.getAnnotationMetadata().hasAnnotation(Public.class)
                        && !"HEAD".equals(info.getHttpMethodName())) {
                    routes.add(info.getHttpMethodName() + " "
                            + info.getUriMatchTemplate().toPathString());
                }
            });
            return routes;
        }
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
}
