package dev.cairn.api.identity;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.servlet.http.ServletHttpRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Who is signing in, as the request shows it, for the identity provider's risk scoring: the
 * caller's IP as API Gateway saw it, the host and path called, and the headers that describe the
 * client. Only headers on {@link #SHARED_HEADERS} leave the API: never credentials, cookies or the
 * origin-verify secret.
 */
public record CallerContext(
        @Nullable String ipAddress, String serverName, String serverPath, Map<String, String> headers) {

    /** Headers that describe a client's software, language and route, and nothing secret. */
    static final List<String> SHARED_HEADERS = List.of(
            "user-agent",
            "accept",
            "accept-language",
            "accept-encoding",
            "origin",
            "referer",
            "x-forwarded-for",
            "cloudfront-viewer-address",
            "cloudfront-viewer-country",
            "cloudfront-is-mobile-viewer",
            "cloudfront-is-desktop-viewer");

    public CallerContext {
        headers = Map.copyOf(headers);
    }

    public static CallerContext of(HttpRequest<?> request) {
        String ip = null;
        String host = null;
        if (request instanceof ServletHttpRequest<?, ?> servlet
                && servlet.getNativeRequest() instanceof APIGatewayV2HTTPEvent event
                && event.getRequestContext() != null) {
            host = event.getRequestContext().getDomainName();
            if (event.getRequestContext().getHttp() != null) {
                ip = event.getRequestContext().getHttp().getSourceIp();
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : SHARED_HEADERS) {
            String value = request.getHeaders().get(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        if (host == null || host.isBlank()) {
            host = request.getHeaders().get("host");
        }
        if (ip == null || ip.isBlank()) {
            ip = request.getRemoteAddress().getAddress() == null
                    ? null
                    : request.getRemoteAddress().getAddress().getHostAddress();
        }
        return new CallerContext(ip, host == null ? "" : host.toLowerCase(Locale.ROOT), request.getPath(), headers);
    }
}
