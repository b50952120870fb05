package dev.cairn.api.portfolio;

import dev.cairn.api.blueprint.ServedBy;
import dev.cairn.api.collection.SiteReads;
import dev.cairn.contract.Feature;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Marks every answer of the portfolio's reads that does not say how to cache it (an error) {@code
 * no-store}, so that neither the CDN nor a browser keeps a 404 or a 401 of a public route.
 */
@ServerFilter({"/api/projects", "/api/projects/**", "/api/pages/**"})
@ServedBy(Feature.PORTFOLIO)
final class PublicReadErrors {

    @ResponseFilter
    void noStore(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (request.getMethod() == HttpMethod.GET && !response.getHeaders().contains(HttpHeaders.CACHE_CONTROL)) {
            response.header(HttpHeaders.CACHE_CONTROL, SiteReads.NO_STORE);
        }
    }
}
