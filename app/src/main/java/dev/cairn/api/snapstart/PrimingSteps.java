package dev.cairn.api.snapstart;

import java.util.List;

/**
 * Priming steps a part of the API contributes: work that changes nothing and loads what that part's
 * first request would otherwise load (SDK marshalling and signing, JSON bindings, validation).
 * {@link SnapStartPriming} finds every implementation among the beans, so priming names no
 * feature: the collections engine, for one, reads and round-trips the JSON of every collection.
 */
public interface PrimingSteps {

    /** A partition key no Cognito {@code sub} can take (subs are UUIDs): reads on it find nothing. */
    String SENTINEL_OWNER = "#snapstart-priming";

    /** An item id no item has, for reads in {@link #SENTINEL_OWNER}'s partition. */
    String SENTINEL_ID = "00000000-0000-7000-8000-000000000000";

    /** The steps, in the order they run; a step that throws is logged and skipped. */
    List<Step> steps();

    /** One step, named as priming's log and result list name it, e.g. {@code guitar get}. */
    record Step(String name, Runnable work) {}
}
