package dev.cairn.api.revalidation;

/**
 * Tells the caches in front of the API that site-owned content changed: the CDN drops its copies
 * and the front end revalidates its pages. Delivery is asynchronous and retried; a failure is
 * logged and never fails the write that caused it.
 */
public interface ContentChanges {
    /** Called after a committed admin write; returns at once and never throws. */
    void changed(ContentChange change);
}
