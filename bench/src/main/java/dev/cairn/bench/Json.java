package dev.cairn.bench;

import dev.cairn.api.data.PrettyJson;
import java.util.Collection;
import java.util.Map;

/** Writes maps, lists, strings and numbers as JSON: enough for results.json. */
final class Json {
    private Json() {}

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value, 0);
        return out.append('\n').toString();
    }

    private static void write(StringBuilder out, Object value, int depth) {
        String indent = "  ".repeat(depth + 1);
        if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.append(first ? "\n" : ",\n").append(indent);
                first = false;
                out.append(PrettyJson.quote(String.valueOf(e.getKey())));
                out.append(": ");
                write(out, e.getValue(), depth + 1);
            }
            out.append(first ? "" : "\n" + "  ".repeat(depth)).append('}');
        } else if (value instanceof Collection<?> list) {
            out.append('[');
            boolean first = true;
            for (Object item : list) {
                out.append(first ? "" : ", ");
                first = false;
                write(out, item, depth + 1);
            }
            out.append(']');
        } else if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
            out.append("null");
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value == null) {
            out.append("null");
        } else {
            out.append(PrettyJson.quote(value.toString()));
        }
    }
}
