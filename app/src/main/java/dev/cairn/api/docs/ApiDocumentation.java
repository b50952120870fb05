package dev.cairn.api.docs;

import dev.cairn.contract.Blueprints;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** The head of the OpenAPI document the build generates from the controllers. */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Cairn API",
                        version = "1.0.0",
                        description =
                                "Every response is an envelope: {\"success\":true,\"data\":...} or "
                                        + "{\"success\":false,\"error\":{\"code\",\"message\",\"statusCode\",\"requestId\"}}. "
                                        + "Routes marked 'token' need 'Authorization: Bearer <access token>' from /api/auth/login."))
@SecurityScheme(name = ApiDocumentation.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
@SecurityScheme(
        name = ApiDocumentation.API_KEY,
        type = SecuritySchemeType.APIKEY,
        in = SecuritySchemeIn.HEADER,
        paramName = "X-Api-Key",
        description = "Where the blueprint has API keys (POST /api/keys): acts as the key's owner; a read key may"
                + " only GET; never on /api/keys, /api/user or /api/auth.")
public final class ApiDocumentation {
    public static final String BEARER = "bearer";
    public static final String API_KEY = "apiKey";

    /** Where the build puts each blueprint's document, in the artifact. */
    public static final String FOLDER = "META-INF/openapi/";

    /** The document of a custom blueprint: the routes every blueprint serves. */
    public static final String BASE = "base";

    private ApiDocumentation() {}

    /** The resource path of {@code blueprint}'s document: its own if built in, else {@link #BASE}'s. */
    public static String documentOf(String blueprint) {
        return FOLDER + (Blueprints.isBuiltIn(blueprint) ? blueprint : BASE) + ".json";
    }
}
