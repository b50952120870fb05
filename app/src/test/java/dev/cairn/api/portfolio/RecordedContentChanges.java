package dev.cairn.api.portfolio;

import dev.cairn.api.revalidation.ContentChange;
import dev.cairn.api.revalidation.ContentChanges;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The content changes of the portfolio's tests, kept in order so that a test can read what each write told. */
@Singleton
@Requires(property = RecordedContentChanges.PROPERTY, value = "true")
public final class RecordedContentChanges implements ContentChanges {
    static final String PROPERTY = "cairn.test.record-content-changes";

    private final List<ContentChange> changes = new CopyOnWriteArrayList<>();

    @Override
    public void changed(ContentChange change) {
        changes.add(change);
    }

    List<ContentChange> all() {
        return List.copyOf(changes);
    }

    void clear() {
        changes.clear();
    }
}
