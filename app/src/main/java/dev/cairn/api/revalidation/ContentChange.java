package dev.cairn.api.revalidation;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * What an admin write changed, as the caches that hold it name it.
 *
 * @param cdnPaths the CDN's cached API paths to invalidate, e.g. {@code /api/projects*} (a trailing
 *     {@code *} takes every query string and everything below)
 * @param sitePaths the front end's paths to revalidate, e.g. {@code /projects/ID}
 * @param tags the front end's fetch tags to revalidate, e.g. {@code projects:interiors}
 */
@Serdeable
public record ContentChange(List<String> cdnPaths, List<String> sitePaths, List<String> tags) {
    public ContentChange {
        cdnPaths = List.copyOf(cdnPaths);
        sitePaths = List.copyOf(sitePaths);
        tags = List.copyOf(tags);
    }
}
