package dev.cairn.api.portfolio;

import dev.cairn.api.blueprint.ServedBy;
import dev.cairn.api.collection.ImageAttachments;
import dev.cairn.api.collection.SiteDocuments;
import dev.cairn.api.collection.SiteItems;
import dev.cairn.api.data.Ids;
import dev.cairn.api.http.ApiException;
import dev.cairn.api.http.ErrorCodes;
import dev.cairn.contract.Feature;
import dev.cairn.contract.Tables;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Seed 002's projects and their photos. Anyone reads published projects, by category in their
 * order (a Query on the category/order index, never a Scan); admins also read drafts, and write.
 *
 * <p>A project and its photos change together: every photo write puts the project at its next
 * version in the same transaction, conditioned on the version read, so that the project's version
 * (its ETag) covers its photos, a photo count read before a write still holds when it commits,
 * and a reorder either moves every photo or none.
 */
@Singleton
@ServedBy(Feature.PORTFOLIO)
public class ProjectService {
    static final String RESOURCE = "project";
    static final String PHOTO_RESOURCE = "photo";

    private final SiteItems items;
    private final SiteDocuments documents;
    private final Portfolio portfolio;
    private final Clock clock = Clock.systemUTC();

    ProjectService(SiteItems items, SiteDocuments documents, Portfolio portfolio) {
        this.items = items;
        this.documents = documents;
        this.portfolio = portfolio;
    }

    /**
     * The published projects of a category by their order, or (category null) of every category in
     * the blueprint's order; with {@code drafts}, unpublished ones too. An unknown category is 400.
     */
    public List<ProjectView> list(@Nullable String category, boolean drafts) {
        List<String> categories;
        if (category == null) {
            categories = portfolio.categories();
        } else if (portfolio.isCategory(category)) {
            categories = List.of(category);
        } else {
            throw SiteDocuments.invalid(
                    RESOURCE, "category", "must be one of " + String.join(", ", portfolio.categories()));
        }
        List<ProjectView> projects = new ArrayList<>();
        for (String each : categories) {
            for (Map<String, AttributeValue> item : inCategory(each)) {
                if (drafts || published(item)) {
                    projects.add(view(item, null));
                }
            }
        }
        return projects;
    }

    /** A project with its photos in order; 404 if it is missing, or a draft and {@code drafts} is false. */
    public ProjectView get(String projectId, boolean drafts) {
        Map<String, AttributeValue> project = visible(projectId, drafts);
        return view(project, photoViews(projectId, photos(projectId)));
    }

    /** A project's photos in order; 404 as {@link #get}. */
    public List<PhotoView> photos(String projectId, boolean drafts) {
        visible(projectId, drafts);
        return photoViews(projectId, photos(projectId));
    }

    /** Creates a project (a draft unless {@code published}); its order is after the category's last by default. */
    public ProjectView create(ProjectInput input) {
        checkCategory(input.category());
        if (input.coverPhotoId() != null) {
            throw SiteDocuments.invalid(RESOURCE, "coverPhotoId", "must be one of the project's photos");
        }
        String id = Ids.newId();
        int order = input.order() != null ? input.order() : nextOrder(input.category());
        String now = now();
        Map<String, AttributeValue> item = toItem(id, input, order, null, now, now, 1);
        items.put(Tables.PROJECTS, item, 0);
        portfolio.projectChanged(id, input.category());
        return view(item, null);
    }

    /** Replaces a project's fields; a stale {@code version} or {@code If-Match} is 409. */
    public ProjectView replace(String projectId, ProjectInput input, @Nullable String ifMatch) {
        Map<String, AttributeValue> current = read(projectId);
        long expected = SiteDocuments.expectedVersion(version(current), input.version(), ifMatch, RESOURCE);
        return write(projectId, current, expected, input);
    }

    /** Applies a JSON merge patch to a project's fields; a stale {@code version} or {@code If-Match} is 409. */
    public ProjectView patch(String projectId, JsonNode patch, @Nullable String ifMatch) {
        Map<String, AttributeValue> current = read(projectId);
        ProjectInput merged = documents.patch(input(current), patch, ProjectInput.class, RESOURCE);
        long expected = SiteDocuments.expectedVersion(version(current), merged.version(), ifMatch, RESOURCE);
        return write(projectId, current, expected, merged);
    }

    /** Deletes a project, then its photos with their images and media. */
    public void delete(String projectId, @Nullable String ifMatch) {
        Map<String, AttributeValue> current = read(projectId);
        long expected = SiteDocuments.expectedVersion(version(current), null, ifMatch, RESOURCE);
        items.delete(Tables.PROJECTS, projectKey(projectId), expected);
        for (Map<String, AttributeValue> photo : photos(projectId)) {
            items.delete(Tables.PHOTOS, photoKey(photo), version(photo));
            portfolio.deleteImage(photo.get("ownerId").s(), photo.get("imageId").s());
        }
        portfolio.projectChanged(projectId, current.get("category").s());
    }

    /**
     * Appends a photo made from one of the admin's uploaded images; at most {@link
     * Portfolio#MAX_PHOTOS} a project (429 beyond).
     */
    public PhotoView addPhoto(String adminId, String projectId, PhotoInput input) {
        Map<String, AttributeValue> project = read(projectId);
        if (!isUuid(input.imageId())
                || portfolio.image(adminId, input.imageId()).isEmpty()) {
            throw SiteDocuments.invalid(PHOTO_RESOURCE, "imageId", "is not one of your images");
        }
        List<Map<String, AttributeValue>> photos = photos(projectId);
        if (photos.size() >= Portfolio.MAX_PHOTOS) {
            throw new ApiException(
                    429, ErrorCodes.RATE_LIMITED, "A project can have at most " + Portfolio.MAX_PHOTOS + " photos");
        }
        if (photos.stream().anyMatch(p -> p.get("imageId").s().equals(input.imageId()))) {
            throw SiteDocuments.invalid(PHOTO_RESOURCE, "imageId", "is already a photo of this project");
        }
        int order = photos.stream()
                        .mapToInt(p -> Integer.parseInt(p.get("order").n()))
                        .max()
                        .orElse(0)
                + 1;
        String now = now();
        Map<String, AttributeValue> photo = new LinkedHashMap<>();
        photo.put("projectId", AttributeValue.fromS(projectId));
        String photoId = Ids.newId();
        photo.put("orderPhoto", AttributeValue.fromS(orderPhoto(order, photoId)));
        photo.put("photoId", AttributeValue.fromS(photoId));
        photo.put("imageId", AttributeValue.fromS(input.imageId()));
        photo.put("ownerId", AttributeValue.fromS(adminId));
        if (input.altText() != null) {
            photo.put("altText", AttributeValue.fromS(input.altText()));
        }
        photo.put("order", AttributeValue.fromN(Integer.toString(order)));
        photo.put("version", AttributeValue.fromN("1"));
        photo.put("createdAt", AttributeValue.fromS(now));
        photo.put("updatedAt", AttributeValue.fromS(now));
        items.transact(List.of(items.createWrite(Tables.PHOTOS, photo), touched(project, version(project), now)));
        portfolio.projectChanged(projectId, project.get("category").s());
        return photoView(projectId, photo).orElseThrow();
    }

    /** Applies a JSON merge patch (its alternative text) to a photo. */
    public PhotoView updatePhoto(String projectId, String photoId, JsonNode patch, @Nullable String ifMatch) {
        Map<String, AttributeValue> project = read(projectId);
        long expected = SiteDocuments.expectedVersion(version(project), null, ifMatch, RESOURCE);
        Map<String, AttributeValue> photo = photo(projectId, photoId);
        String altText = photo.containsKey("altText") ? photo.get("altText").s() : null;
        PhotoPatch changed = documents.patch(new PhotoPatch(altText), patch, PhotoPatch.class, PHOTO_RESOURCE);
        Map<String, AttributeValue> updated = new LinkedHashMap<>(photo);
        String now = now();
        updated.remove("altText");
        if (changed.altText() != null) {
            updated.put("altText", AttributeValue.fromS(changed.altText()));
        }
        updated.put("version", AttributeValue.fromN(Long.toString(version(photo) + 1)));
        updated.put("updatedAt", AttributeValue.fromS(now));
        items.transact(List.of(items.putWrite(Tables.PHOTOS, updated), touched(project, expected, now)));
        portfolio.projectChanged(projectId, project.get("category").s());
        return photoView(projectId, updated).orElseThrow();
    }

    /** Removes a photo with its image and media; the project's cover, if it was this photo, goes too. */
    public void deletePhoto(String projectId, String photoId, @Nullable String ifMatch) {
        Map<String, AttributeValue> project = read(projectId);
        long expected = SiteDocuments.expectedVersion(version(project), null, ifMatch, RESOURCE);
        Map<String, AttributeValue> photo = photo(projectId, photoId);
        Map<String, AttributeValue> updated = new LinkedHashMap<>(project);
        if (project.containsKey("coverPhotoId")
                && project.get("coverPhotoId").s().equals(photoId)) {
            updated.remove("coverPhotoId");
        }
        String now = now();
        items.transact(List.of(items.deleteWrite(Tables.PHOTOS, photoKey(photo)), touched(updated, expected, now)));
        portfolio.deleteImage(photo.get("ownerId").s(), photo.get("imageId").s());
        portfolio.projectChanged(projectId, project.get("category").s());
    }

    /**
     * Puts a project's photos in the given order, in one transaction: the ids must be exactly the
     * project's photos, each once, else 400 and nothing changes.
     */
    public List<PhotoView> reorder(String projectId, List<String> photoIds, @Nullable String ifMatch) {
        Map<String, AttributeValue> project = read(projectId);
        long expected = SiteDocuments.expectedVersion(version(project), null, ifMatch, RESOURCE);
        List<Map<String, AttributeValue>> photos = photos(projectId);
        Map<String, Map<String, AttributeValue>> byId = new LinkedHashMap<>();
        photos.forEach(p -> byId.put(p.get("photoId").s(), p));
        Set<String> seen = new HashSet<>();
        for (String id : photoIds) {
            if (!byId.containsKey(id)) {
                throw SiteDocuments.invalid(PHOTO_RESOURCE, "photoIds", "names " + id + ", not a photo of the project");
            }
            if (!seen.add(id)) {
                throw SiteDocuments.invalid(PHOTO_RESOURCE, "photoIds", "names " + id + " twice");
            }
        }
        if (seen.size() != byId.size()) {
            throw SiteDocuments.invalid(PHOTO_RESOURCE, "photoIds", "must name every photo of the project");
        }
        String now = now();
        List<TransactWriteItem> writes = new ArrayList<>();
        List<Map<String, AttributeValue>> ordered = new ArrayList<>();
        for (int i = 0; i < photoIds.size(); i++) {
            Map<String, AttributeValue> photo = byId.get(photoIds.get(i));
            int order = i + 1;
            if (Integer.parseInt(photo.get("order").n()) == order) {
                ordered.add(photo);
                continue;
            }
            Map<String, AttributeValue> moved = new LinkedHashMap<>(photo);
            moved.put("orderPhoto", AttributeValue.fromS(orderPhoto(order, photoIds.get(i))));
            moved.put("order", AttributeValue.fromN(Integer.toString(order)));
            moved.put("updatedAt", AttributeValue.fromS(now));
            writes.add(items.deleteWrite(Tables.PHOTOS, photoKey(photo)));
            writes.add(items.createWrite(Tables.PHOTOS, moved));
            ordered.add(moved);
        }
        writes.add(touched(project, expected, now));
        items.transact(writes);
        portfolio.projectChanged(projectId, project.get("category").s());
        return photoViews(projectId, ordered);
    }

    private ProjectView write(
            String projectId, Map<String, AttributeValue> current, long expected, ProjectInput input) {
        if (expected != version(current)) {
            throw SiteDocuments.conflict();
        }
        checkCategory(input.category());
        String oldCategory = current.get("category").s();
        if (input.coverPhotoId() != null
                && photos(projectId).stream()
                        .noneMatch(p -> p.get("photoId").s().equals(input.coverPhotoId()))) {
            throw SiteDocuments.invalid(RESOURCE, "coverPhotoId", "must be one of the project's photos");
        }
        int order;
        if (input.order() != null) {
            order = input.order();
        } else if (oldCategory.equals(input.category())) {
            order = Integer.parseInt(current.get("order").n());
        } else {
            order = nextOrder(input.category());
        }
        Map<String, AttributeValue> item = toItem(
                projectId, input, order, current, current.get("createdAt").s(), now(), expected + 1);
        items.put(Tables.PROJECTS, item, expected);
        if (oldCategory.equals(input.category())) {
            portfolio.projectChanged(projectId, oldCategory);
        } else {
            portfolio.projectChanged(projectId, oldCategory, input.category());
        }
        return view(item, null);
    }

    /** The project at its next version, for a transaction that changes its photos. */
    private TransactWriteItem touched(Map<String, AttributeValue> project, long expected, String now) {
        Map<String, AttributeValue> next = new LinkedHashMap<>(project);
        next.put("version", AttributeValue.fromN(Long.toString(expected + 1)));
        next.put("updatedAt", AttributeValue.fromS(now));
        return items.versionedWrite(Tables.PROJECTS, next, expected);
    }

    private void checkCategory(String category) {
        if (!portfolio.isCategory(category)) {
            throw SiteDocuments.invalid(
                    RESOURCE, "category", "must be one of " + String.join(", ", portfolio.categories()));
        }
    }

    private int nextOrder(String category) {
        return inCategory(category).stream()
                        .mapToInt(p -> Integer.parseInt(p.get("order").n()))
                        .max()
                        .orElse(0)
                + 1;
    }

    private List<Map<String, AttributeValue>> inCategory(String category) {
        return items.query(Tables.PROJECTS, Tables.PROJECT_CATEGORY_ORDER_INDEX, "category", category);
    }

    private List<Map<String, AttributeValue>> photos(String projectId) {
        return items.query(Tables.PHOTOS, null, "projectId", projectId);
    }

    private Map<String, AttributeValue> photo(String projectId, String photoId) {
        return photos(projectId).stream()
                .filter(p -> p.get("photoId").s().equals(photoId))
                .findFirst()
                .orElseThrow(() -> new ApiException(404, ErrorCodes.notFound(PHOTO_RESOURCE), "Photo not found"));
    }

    private Map<String, AttributeValue> read(String projectId) {
        if (!isUuid(projectId)) {
            throw notFound();
        }
        return items.get(Tables.PROJECTS, projectKey(projectId)).orElseThrow(ProjectService::notFound);
    }

    private Map<String, AttributeValue> visible(String projectId, boolean drafts) {
        Map<String, AttributeValue> project = read(projectId);
        if (!drafts && !published(project)) {
            throw notFound();
        }
        return project;
    }

    private List<PhotoView> photoViews(String projectId, List<Map<String, AttributeValue>> photos) {
        return photos.stream()
                .sorted(Comparator.comparing(p -> p.get("orderPhoto").s()))
                .map(p -> photoView(projectId, p))
                .flatMap(Optional::stream)
                .toList();
    }

    /** The photo with its image's public form; empty if the image is gone. */
    private Optional<PhotoView> photoView(String projectId, Map<String, AttributeValue> photo) {
        Optional<ImageAttachments.PublishedImage> image =
                portfolio.image(photo.get("ownerId").s(), photo.get("imageId").s());
        return image.map(i -> new PhotoView(
                photo.get("photoId").s(),
                projectId,
                Integer.parseInt(photo.get("order").n()),
                photo.containsKey("altText") ? photo.get("altText").s() : null,
                i.imageId(),
                i.width(),
                i.height(),
                i.status(),
                Portfolio.placeholder(i),
                Portfolio.variants(i)));
    }

    private static Map<String, AttributeValue> toItem(
            String id,
            ProjectInput input,
            int order,
            @Nullable Map<String, AttributeValue> current,
            String createdAt,
            String updatedAt,
            long version) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        if (current != null) {
            // Attributes another version of the app may have added stay.
            item.putAll(current);
            item.remove("description");
            item.remove("coverPhotoId");
        }
        item.put("projectId", AttributeValue.fromS(id));
        item.put("category", AttributeValue.fromS(input.category()));
        item.put("order", AttributeValue.fromN(Integer.toString(order)));
        item.put("title", AttributeValue.fromS(input.title()));
        if (input.description() != null) {
            item.put("description", AttributeValue.fromS(input.description()));
        }
        if (input.coverPhotoId() != null) {
            item.put("coverPhotoId", AttributeValue.fromS(input.coverPhotoId()));
        }
        item.put("published", AttributeValue.fromBool(Boolean.TRUE.equals(input.published())));
        item.put("createdAt", AttributeValue.fromS(createdAt));
        item.put("updatedAt", AttributeValue.fromS(updatedAt));
        item.put("version", AttributeValue.fromN(Long.toString(version)));
        return item;
    }

    private static ProjectInput input(Map<String, AttributeValue> item) {
        return new ProjectInput(
                item.get("category").s(),
                item.get("title").s(),
                item.containsKey("description") ? item.get("description").s() : null,
                Integer.parseInt(item.get("order").n()),
                item.containsKey("coverPhotoId") ? item.get("coverPhotoId").s() : null,
                published(item),
                null);
    }

    private static ProjectView view(Map<String, AttributeValue> item, @Nullable List<PhotoView> photos) {
        return new ProjectView(
                item.get("projectId").s(),
                item.get("category").s(),
                item.get("title").s(),
                item.containsKey("description") ? item.get("description").s() : null,
                Integer.parseInt(item.get("order").n()),
                item.containsKey("coverPhotoId") ? item.get("coverPhotoId").s() : null,
                published(item),
                item.get("createdAt").s(),
                item.get("updatedAt").s(),
                version(item),
                photos);
    }

    static boolean published(Map<String, AttributeValue> item) {
        AttributeValue published = item.get("published");
        return published != null && Boolean.TRUE.equals(published.bool());
    }

    static long version(Map<String, AttributeValue> item) {
        return Long.parseLong(item.get("version").n());
    }

    /** The sort key of a photo: its order, zero-padded so that keys sort as numbers, then its id. */
    static String orderPhoto(int order, String photoId) {
        return String.format(Locale.ROOT, "%06d#%s", order, photoId);
    }

    static boolean isUuid(String id) {
        try {
            UUID.fromString(id);
            return id.length() == 36;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Map<String, AttributeValue> projectKey(String projectId) {
        return Map.of("projectId", AttributeValue.fromS(projectId));
    }

    private static Map<String, AttributeValue> photoKey(Map<String, AttributeValue> photo) {
        return Map.of("projectId", photo.get("projectId"), "orderPhoto", photo.get("orderPhoto"));
    }

    private String now() {
        return clock.instant().toString();
    }

    private static ApiException notFound() {
        return new ApiException(404, ErrorCodes.notFound(RESOURCE), "Project not found");
    }
}
