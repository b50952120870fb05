package dev.cairn.api.collection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EntityTagsTest {

    @Test
    void anItemsTagIsItsVersionQuoted() {
        assertThat(EntityTags.of(3)).isEqualTo("\"3\"");
    }

    @Test
    void ifMatchExpectsTheVersionItsTagHoldsOrTheStoredOneForAStar() {
        assertThat(EntityTags.expectedBy("\"3\"", 7)).isEqualTo(3L);
        assertThat(EntityTags.expectedBy(" W/\"4\" ", 7)).isEqualTo(4L);
        assertThat(EntityTags.expectedBy("*", 7)).isEqualTo(7L);
        assertThat(EntityTags.expectedBy("\"three\"", 7)).isNull();
    }

    @Test
    void theCurrentTagAStarOrAListHoldingItMatch() {
        assertThat(EntityTags.noneMatchHolds("\"3\"", "\"3\"")).isTrue();
        assertThat(EntityTags.noneMatchHolds(" \"3\" ", "\"3\"")).isTrue();
        assertThat(EntityTags.noneMatchHolds("*", "\"3\"")).isTrue();
        assertThat(EntityTags.noneMatchHolds("\"1\", \"3\"", "\"3\"")).isTrue();
        assertThat(EntityTags.noneMatchHolds("\"1\",\"2\",\"3\"", "\"3\"")).isTrue();
    }

    @Test
    void weakTagsAreComparedWeakly() {
        assertThat(EntityTags.noneMatchHolds("W/\"3\"", "\"3\"")).isTrue();
        assertThat(EntityTags.noneMatchHolds("\"1\", W/\"3\"", "\"3\"")).isTrue();
        assertThat(EntityTags.noneMatchHolds("\"3\"", "W/\"3\"")).isTrue();
    }

    @Test
    void otherTagsAndMalformedHeadersMatchNothing() {
        assertThat(EntityTags.noneMatchHolds(null, "\"3\"")).isFalse();
        assertThat(EntityTags.noneMatchHolds("", "\"3\"")).isFalse();
        assertThat(EntityTags.noneMatchHolds("\"2\"", "\"3\"")).isFalse();
        assertThat(EntityTags.noneMatchHolds("\"1\", \"2\"", "\"3\"")).isFalse();
        assertThat(EntityTags.noneMatchHolds("\"33\"", "\"3\"")).isFalse();
        assertThat(EntityTags.noneMatchHolds("3", "\"3\"")).isFalse();
        assertThat(EntityTags.noneMatchHolds("\"3", "\"3\"")).isFalse();
        assertThat(EntityTags.noneMatchHolds("w/\"3\"", "\"3\"")).isFalse();
        assertThat(EntityTags.noneMatchHolds("\"3\"x", "\"3\"")).isFalse();
        assertThat(EntityTags.noneMatchHolds("\"3\"", null)).isFalse();
        assertThat(EntityTags.noneMatchHolds("*", null)).isFalse();
    }
}
