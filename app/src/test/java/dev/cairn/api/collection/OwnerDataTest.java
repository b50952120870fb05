package dev.cairn.api.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class OwnerDataTest {

    @Test
    void erasureDeletesEveryRowOfThePartitionByItsTableKey() {
        Map<String, AttributeValue> item = Map.of(
                "userId", AttributeValue.fromS("user-1"),
                "thingId", AttributeValue.fromS("0190-a"),
                "brand", AttributeValue.fromS("Fender"));
        Map<String, AttributeValue> facetRow = Map.of(
                "userId", AttributeValue.fromS("user-1"),
                "thingId", AttributeValue.fromS("#facet#brand#Fender"),
                "count", AttributeValue.fromN("1"));

        List<Map<String, AttributeValue>> keys =
                OwnerData.keys(List.of(item, facetRow), Thing.COLLECTION.keyAttributes(null));

        assertThat(keys)
                .containsExactly(
                        Map.of("userId", AttributeValue.fromS("user-1"), "thingId", AttributeValue.fromS("0190-a")),
                        Map.of(
                                "userId",
                                AttributeValue.fromS("user-1"),
                                "thingId",
                                AttributeValue.fromS("#facet#brand#Fender")));
    }
}
