package dev.cairn.api.portfolio;

import dev.cairn.api.blueprint.ServedBy;
import dev.cairn.api.collection.SiteDocuments;
import dev.cairn.api.collection.SiteItems;
import dev.cairn.api.http.ApiException;
import dev.cairn.api.http.ErrorCodes;
import dev.cairn.contract.Feature;
import dev.cairn.contract.Tables;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Seed 002's pages (home, about, ... as the blueprint lists them): a JSON object of content the
 * front end gives its meaning to, and the images it shows. Anyone reads them; admins write them
 * whole. A page the blueprint does not list, or one never written, is 404.
 */
@Singleton
@ServedBy(Feature.PORTFOLIO)
public class PageService {
    static final String RESOURCE = "page";
    private static final Argument<Map<String, Object>> CONTENT = Argument.mapOf(String.class, Object.class);

    private final SiteItems items;
    private final Portfolio portfolio;
    private final JsonMapper json;
    private final Clock clock = Clock.systemUTC();

    PageService(SiteItems items, Portfolio portfolio, JsonMapper json) {
        this.items = items;
        this.portfolio = portfolio;
        this.json = json;
    }

    /** The page; 404 if the blueprint has no such page or it was never written. */
    public PageView get(String pageId) {
        return view(read(pageId).orElseThrow(PageService::notFound));
    }

    /**
     * Writes the page whole (creating it the first time). Its photos must be images the admin
     * uploaded; a stale {@code version} or {@code If-Match} is 409.
     */
    public PageView put(String adminId, String pageId, PageInput input, @Nullable String ifMatch) {
        if (!portfolio.isPage(pageId)) {
            throw notFound();
        }
        String content = serialized(input.content());
        if (content.getBytes(StandardCharsets.UTF_8).length > Portfolio.MAX_PAGE_CONTENT_BYTES) {
            throw SiteDocuments.invalid(
                    RESOURCE, "content", "must be at most " + Portfolio.MAX_PAGE_CONTENT_BYTES + " bytes as JSON");
        }
        List<String> photos = input.photos() == null ? List.of() : input.photos();
        Set<String> seen = new HashSet<>();
        List<AttributeValue> stored = new ArrayList<>();
        for (int i = 0; i < photos.size(); i++) {
            String imageId = photos.get(i);
            if (!seen.add(imageId)) {
                throw SiteDocuments.invalid(RESOURCE, "photos[" + i + "]", "is there twice");
            }
            if (!ProjectService.isUuid(imageId)
                    || portfolio.image(adminId, imageId).isEmpty()) {
                throw SiteDocuments.invalid(RESOURCE, "photos[" + i + "]", "is not one of your images");
            }
            stored.add(AttributeValue.fromM(
                    Map.of("imageId", AttributeValue.fromS(imageId), "ownerId", AttributeValue.fromS(adminId))));
        }
        Map<String, AttributeValue> current = read(pageId).orElse(null);
        long version = current == null ? 0 : ProjectService.version(current);
        long expected = SiteDocuments.expectedVersion(version, input.version(), ifMatch, RESOURCE);
        if (expected != version) {
            throw SiteDocuments.conflict();
        }
        String now = clock.instant().toString();
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pageId", AttributeValue.fromS(pageId));
        item.put("content", AttributeValue.fromS(content));
        item.put("photos", AttributeValue.fromL(stored));
        item.put(
                "createdAt",
                AttributeValue.fromS(
                        current == null ? now : current.get("createdAt").s()));
        item.put("updatedAt", AttributeValue.fromS(now));
        item.put("version", AttributeValue.fromN(Long.toString(version + 1)));
        items.put(Tables.PAGES, item, version);
        portfolio.pageChanged(pageId);
        return view(item);
    }

    private Optional<Map<String, AttributeValue>> read(String pageId) {
        if (!portfolio.isPage(pageId)) {
            throw notFound();
        }
        return items.get(Tables.PAGES, Map.of("pageId", AttributeValue.fromS(pageId)));
    }

    private PageView view(Map<String, AttributeValue> item) {
        List<PageImage> photos = new ArrayList<>();
        for (AttributeValue photo : item.get("photos").l()) {
            portfolio
                    .image(
                            photo.m().get("ownerId").s(),
                            photo.m().get("imageId").s())
                    .ifPresent(image -> photos.add(new PageImage(
                            image.imageId(),
                            image.width(),
                            image.height(),
                            image.status(),
                            Portfolio.placeholder(image),
                            Portfolio.variants(image))));
        }
        Map<String, Object> content;
        try {
            content = json.readValue(item.get("content").s(), CONTENT);
        } catch (IOException e) {
            throw new UncheckedIOException("A stored page's content is not JSON", e);
        }
        return new PageView(
                item.get("pageId").s(), content, photos, item.get("updatedAt").s(), ProjectService.version(item));
    }

    private String serialized(Map<String, Object> content) {
        try {
            return json.writeValueAsString(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ApiException notFound() {
        return new ApiException(404, ErrorCodes.notFound(RESOURCE), "Page not found");
    }
}
