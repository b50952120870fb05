package dev.cairn.api.portfolio;

import dev.cairn.api.blueprint.ServedBy;
import dev.cairn.api.collection.SiteReads;
import dev.cairn.contract.Feature;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Marks every answer of the portfolio's reads that does not say how to cache it (an error) {@code
 * no-store}, so that neither the CDN nor a browser keeps a 404 or a 401 of a public route. It runs
 * around the authentication filter, so that it sees that filter's refusals too.
 */
@ServerFilter({"/api/projects", "/api/projects/**", "/api/pages/**"})
@ServedBy(Feature.PORTFOLIO)
final class PublicReadErrors implements Ordered {

    @ResponseFilter
    void noStore(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (request.getMethod() == HttpMethod.GET && !response.getHeaders().contains(HttpHeaders.CACHE_CONTROL)) {
            response.header(HttpHeaders.CACHE_CONTROL, SiteReads.NO_STORE);
        }
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }
}
