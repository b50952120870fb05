package dev.cairn.api.portfolio;

import dev.cairn.api.blueprint.BlueprintServes;
import dev.cairn.api.blueprint.ServedBy;
import dev.cairn.api.collection.ImageAttachments;
import dev.cairn.api.revalidation.ContentChange;
import dev.cairn.api.revalidation.ContentChanges;
import dev.cairn.contract.Blueprints;
import dev.cairn.contract.Feature;
import dev.cairn.contract.SiteContent;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Seed 002's portfolio as the blueprint declares it: its closed lists of categories and pages
 * ({@link SiteContent}), how its photos show (variants and placeholder, never the original), and
 * what each admin write tells the caches in front of it ({@link ContentChanges}).
 */
@Singleton
@ServedBy(Feature.PORTFOLIO)
public final class Portfolio {
    /**
     * The most photos a project has: a reorder rewrites every moved photo's key (a delete and a
     * put each) and the project in one transaction, which holds at most 100 writes.
     */
    public static final int MAX_PHOTOS = 48;

    /** The largest page content, as JSON. */
    public static final int MAX_PAGE_CONTENT_BYTES = 64 * 1024;

    /** The CDN paths of every project read. */
    static final String PROJECTS_CDN_PATH = "/api/projects*";

    private final SiteContent content;
    private final ImageAttachments images;
    private final ContentChanges changes;

    Portfolio(
            @Property(name = BlueprintServes.PROPERTY) String blueprint,
            ImageAttachments images,
            ContentChanges changes) {
        this.content = Blueprints.named(blueprint).content();
        this.images = images;
        this.changes = changes;
    }

    /** The blueprint's categories, in the order lists without a category show them. */
    public List<String> categories() {
        return content.categories();
    }

    /** The blueprint's pages. */
    public List<String> pages() {
        return content.pages();
    }

    boolean isCategory(String category) {
        return content.isCategory(category);
    }

    boolean isPage(String pageId) {
        return content.isPage(pageId);
    }

    /** The image's public form, if the user has it. */
    Optional<ImageAttachments.PublishedImage> image(String ownerId, String imageId) {
        return images.published(ownerId, imageId);
    }

    /** Deletes an image and its media; one already gone is not an error. */
    void deleteImage(String ownerId, String imageId) {
        images.delete(ownerId, imageId);
    }

    static PhotoPlaceholder placeholder(ImageAttachments.PublishedImage image) {
        return image.placeholder() == null
                ? null
                : new PhotoPlaceholder(
                        image.placeholder().color(), image.placeholder().dataUri());
    }

    static List<PhotoVariant> variants(ImageAttachments.PublishedImage image) {
        return image.variants().stream()
                .map(v -> new PhotoVariant(v.width(), v.height(), v.format(), v.url()))
                .toList();
    }

    /**
     * Tells the caches that a project changed: every project read on the CDN, and on the site the
     * home page, the project's category pages (before and after a move) and the project's page.
     */
    void projectChanged(String projectId, String... categories) {
        Set<String> sitePaths = new LinkedHashSet<>(List.of("/"));
        Set<String> tags = new LinkedHashSet<>(List.of("projects"));
        for (String category : categories) {
            sitePaths.add("/work/" + category);
            tags.add("projects:" + category);
        }
        sitePaths.add("/projects/" + projectId);
        tags.add("project:" + projectId);
        changes.changed(new ContentChange(List.of(PROJECTS_CDN_PATH), List.copyOf(sitePaths), List.copyOf(tags)));
    }

    /** Tells the caches that a page changed: its API path, its site path ({@code /} for home), its tag. */
    void pageChanged(String pageId) {
        changes.changed(new ContentChange(
                List.of("/api/pages/" + pageId),
                List.of(pageId.equals("home") ? "/" : "/" + pageId),
                List.of("page:" + pageId)));
    }
}
