package dev.cairn.api.snapstart;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.cairn.api.data.Ids;
import dev.cairn.api.secrets.SecretValues;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import io.micronaut.inject.BeanDefinition;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Primes the API before the SnapStart snapshot, with requests that change nothing: the health
 * route and an authenticated route through the real handler (routing, filters, the access-token
 * verifier with its JWKS fetch, the error envelope), then the steps every {@link PrimingSteps}
 * bean contributes (the collections engine's reads and JSON round trips of each collection), then
 * builds every singleton not built yet. After a restore it gives the process new random state.
 */
public final class SnapStartPriming implements Resource {
    private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);

    /**
     * A token in Cognito's shape whose signature cannot verify: the verifier parses it, fetches the
     * pool's keys and rejects it, as it would a forged one.
     */
    static final String UNVERIFIABLE_TOKEN = base64("{\"kid\":\"snapstart-priming\",\"alg\":\"RS256\"}") + "."
            + base64("{\"sub\":\"" + PrimingSteps.SENTINEL_OWNER + "\",\"token_use\":\"access\",\"exp\":1}") + "."
            + base64("not a signature");

    private static final String CAIRN_PACKAGE = "dev.cairn.";

    private final APIGatewayV2HTTPEventFunction handler;

    public SnapStartPriming(APIGatewayV2HTTPEventFunction handler) {
        this.handler = handler;
    }

    /**
     * Primes {@code handler} before each checkpoint. The caller keeps the returned resource: CRaC
     * holds registered resources weakly.
     */
    public static SnapStartPriming register(APIGatewayV2HTTPEventFunction handler) {
        SnapStartPriming priming = new SnapStartPriming(handler);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        restore();
    }

    /**
     * Runs the priming requests, then builds the singletons. A failing step is logged and skipped;
     * a singleton that cannot be built fails the checkpoint ({@link #buildSingletons}).
     */
    public List<String> prime() {
        ApplicationContext app = handler.getApplicationContext();
        List<String> primed = new ArrayList<>();
        step(primed, "health", () -> expect(send("/api/health", Map.of()), 200));
        step(
                primed,
                "access token",
                () -> expect(send("/api/user/profile", Map.of("authorization", "Bearer " + UNVERIFIABLE_TOKEN)), 401));
        for (PrimingSteps contribution : app.getBeansOfType(PrimingSteps.class)) {
            for (PrimingSteps.Step contributed : contribution.steps()) {
                step(primed, contributed.name(), contributed.work());
            }
        }
        primed.add("singletons: " + buildSingletons(app));
        LOG.info("SnapStart priming done: {}", primed);
        return primed;
    }

    /**
     * Builds every singleton the context defines, so that a restored function has them all. The
     * handler's context builds them on first use ({@code ApiHandler}): a cold start without a
     * snapshot pays only for what its request needs, while the snapshot holds what eager
     * initialization used to build at init. A singleton that cannot be built fails the checkpoint,
     * as it failed the init before: a deploy with a broken configuration stops there.
     *
     * @return how many singletons it built or found built
     */
    static int buildSingletons(ApplicationContext app) {
        int built = 0;
        for (BeanDefinition<?> definition : app.getAllBeanDefinitions()) {
            if (definition.isSingleton()
                    && !definition.isAbstract()
                    && !definition.isIterable()
                    && isCairns(definition)) {
                app.getBean(definition);
                built++;
            }
        }
        return built;
    }

    /** Cairn's own beans and what its factories make (the AWS SDK clients); the framework's own
     * singletons are built by the priming requests as far as a request needs them. */
    private static boolean isCairns(BeanDefinition<?> definition) {
        Class<?> made = definition.getDeclaringType().orElse(definition.getBeanType());
        return made.getName().startsWith(CAIRN_PACKAGE)
                || definition.getBeanType().getName().startsWith(CAIRN_PACKAGE);
    }

    /** After a restore: new random state, so that no two restored environments share it. */
    public void restore() {
        Ids.reseed();
    }

    private APIGatewayV2HTTPResponse send(String path, Map<String, String> extraHeaders) {
        Map<String, String> headers = new HashMap<>(extraHeaders);
        headers.put("accept", "application/json");
        originVerifyHeader().ifPresent(header -> headers.put(header.getKey(), header.getValue()));
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("$default")
                .withRawPath(path)
                .withRawQueryString("")
                .withHeaders(headers)
                .withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("snapstart-priming")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod("GET")
                                .withPath(path)
                                .withProtocol("HTTP/1.1")
                                .withSourceIp("127.0.0.1")
                                .withUserAgent("cairn-snapstart-priming")
                                .build())
                        .build())
                .build();
        return handler.handleRequest(event, new MockLambdaContext());
    }

    /**
     * The origin-verify header the CDN would add, so that priming requests get past that filter to
     * the routes; read the way the filter reads it.
     */
    private java.util.Optional<Map.Entry<String, String>> originVerifyHeader() {
        ApplicationContext app = handler.getApplicationContext();
        String header =
                app.getProperty("cairn.origin-verify.header", String.class).orElse("X-Origin-Verify");
        String secret =
                app.getProperty("cairn.origin-verify.secret", String.class).orElse("");
        String arn =
                app.getProperty("cairn.origin-verify.secret-arn", String.class).orElse("");
        if (secret.isBlank() && !arn.isBlank()) {
            String field = app.getProperty("cairn.origin-verify.secret-field", String.class)
                    .orElse("");
            secret = app.getBean(SecretValues.class).read(arn, field.isBlank() ? null : field);
        }
        return secret.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(Map.entry(header, secret));
    }

    private static void expect(APIGatewayV2HTTPResponse response, int status) {
        if (response.getStatusCode() != status) {
            throw new IllegalStateException("answered " + response.getStatusCode() + ", expected " + status);
        }
    }

    private static void step(List<String> primed, String name, Runnable step) {
        try {
            step.run();
            primed.add(name);
        } catch (RuntimeException e) {
            LOG.warn("SnapStart priming step '{}' failed: {}", name, e.toString());
        }
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
