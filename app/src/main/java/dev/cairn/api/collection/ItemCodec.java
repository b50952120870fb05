package dev.cairn.api.collection;

import io.micronaut.json.tree.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * JSON documents to DynamoDB attributes and back, structurally: objects are maps, arrays are
 * lists, numbers keep their decimal digits. The record types decide the shape; nothing here
 * reflects on them.
 */
final class ItemCodec {
    private ItemCodec() {}

    /** The object's fields as item attributes; nulls are left out (absent and null mean the same). */
    static Map<String, AttributeValue> toItem(JsonNode object) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : object.entries()) {
            if (!field.getValue().isNull()) {
                item.put(field.getKey(), toAttribute(field.getValue()));
            }
        }
        return item;
    }

    static AttributeValue toAttribute(JsonNode node) {
        if (node.isString()) {
            return AttributeValue.fromS(node.getStringValue());
        }
        if (node.isBoolean()) {
            return AttributeValue.fromBool(node.getBooleanValue());
        }
        if (node.isNumber()) {
            return AttributeValue.fromN(number(node).toPlainString());
        }
        if (node.isArray()) {
            List<AttributeValue> list = new ArrayList<>(node.size());
            for (JsonNode value : node.values()) {
                list.add(toAttribute(value));
            }
            return AttributeValue.fromL(list);
        }
        if (node.isObject()) {
            return AttributeValue.fromM(toItem(node));
        }
        return AttributeValue.fromNul(true);
    }

    static JsonNode toJson(Map<String, AttributeValue> item) {
        Map<String, JsonNode> object = new LinkedHashMap<>();
        item.forEach((name, value) -> object.put(name, toJson(value)));
        return JsonNode.createObjectNode(object);
    }

    static JsonNode toJson(AttributeValue value) {
        return switch (value.type()) {
            case S -> JsonNode.createStringNode(value.s());
            case N -> numberNode(new BigDecimal(value.n()));
            case BOOL -> JsonNode.createBooleanNode(value.bool());
            case L ->
                JsonNode.createArrayNode(
                        value.l().stream().map(ItemCodec::toJson).toList());
            case M -> toJson(value.m());
            case SS ->
                JsonNode.createArrayNode(
                        value.ss().stream().map(JsonNode::createStringNode).toList());
            case NS ->
                JsonNode.createArrayNode(value.ns().stream()
                        .map(n -> numberNode(new BigDecimal(n)))
                        .toList());
            default -> JsonNode.nullNode();
        };
    }

    private static BigDecimal number(JsonNode node) {
        Number number = node.getNumberValue();
        return number instanceof BigDecimal decimal ? decimal : new BigDecimal(number.toString());
    }

    private static JsonNode numberNode(BigDecimal number) {
        if (number.scale() <= 0 && number.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
            return JsonNode.createNumberNode(number.longValueExact());
        }
        return JsonNode.createNumberNode(number);
    }
}
