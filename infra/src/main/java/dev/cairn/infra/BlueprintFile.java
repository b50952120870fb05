package dev.cairn.infra;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cairn.contract.Blueprint;
import dev.cairn.contract.Blueprints;
import dev.cairn.contract.TableDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A custom blueprint from {@code infra/blueprints/NAME.yaml} ({@code -c blueprint=NAME}), read
 * into the same {@link Blueprint} record as the built-in ones: no features, its own tables, and
 * with {@code privateMedia} one private area, {@code documents}. Every problem is reported at once,
 * each naming the file and the field:
 *
 * <pre>
 * name: chess-club                 # the file's name, lower case, digits and hyphens
 * description: Chess club results  # one line
 * site: true                       # default false
 * privateMedia: false              # default false
 * tables:                          # beyond users and images, which every blueprint has
 *   - name: games
 *     partitionKey: userId
 *     sortKey: gameId              # optional
 *     indexes:                     # optional global secondary indexes
 *       - name: opponent-index
 *         partitionKey: opponentId
 *         sortKey: { name: rating, type: number }   # a key is a name, or name + type string|number
 * </pre>
 */
public final class BlueprintFile {
    /** Where {@code -c blueprint=NAME} looks for {@code NAME.yaml}, from the repository root. */
    public static final Path DIRECTORY = Path.of("infra", "blueprints");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9-]{0,39}$");
    private static final Pattern TABLE_NAME = Pattern.compile("^[a-z][a-z0-9-]{0,39}$");
    private static final Pattern ATTRIBUTE = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]{0,63}$");
    private static final Pattern INDEX_NAME = Pattern.compile("^[A-Za-z0-9_.-]{3,255}$");
    private static final Set<String> TOP_LEVEL = Set.of("name", "description", "site", "privateMedia", "tables");
    private static final Set<String> TABLE_FIELDS = Set.of("name", "partitionKey", "sortKey", "indexes");
    private static final Set<String> INDEX_FIELDS = Set.of("name", "partitionKey", "sortKey");
    private static final Set<String> KEY_FIELDS = Set.of("name", "type");

    private final Path file;
    private final List<String> problems = new ArrayList<>();

    private BlueprintFile(Path file) {
        this.file = file;
    }

    /** A built-in blueprint by name, else {@code DIRECTORY/NAME.yaml}. */
    public static Blueprint resolve(String name, Path directory) {
        if (Blueprints.isBuiltIn(name)) {
            return Blueprints.named(name);
        }
        Path file = directory.resolve(name + ".yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("blueprint must be one of " + List.copyOf(Blueprints.names())
                    + " or have a file " + file + " (value: " + name + ")");
        }
        return read(file);
    }

    /** Reads and validates one blueprint file. */
    public static Blueprint read(Path file) {
        return new BlueprintFile(file).parse();
    }

    private Blueprint parse() {
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (JacksonException e) {
            throw new IllegalArgumentException(file + ": not valid YAML (" + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + ": must be a mapping with name, description and tables");
        }
        unknownFields(root, TOP_LEVEL, "");
        String fileName = file.getFileName().toString().replaceFirst("\\.yaml$", "");
        String name = text(root, "name", true);
        if (name != null) {
            check(
                    NAME.matcher(name).matches(),
                    "name must be lower-case letters, digits and hyphens (value: " + name + ")");
            check(name.equals(fileName), "name must match the file name " + fileName + " (value: " + name + ")");
            check(!Blueprints.isBuiltIn(name), "name must not be a built-in blueprint's (value: " + name + ")");
        }
        String description = text(root, "description", true);
        boolean site = bool(root, "site");
        boolean privateMedia = bool(root, "privateMedia");
        List<TableDefinition> tables = tables(root.get("tables"));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(file + ": " + String.join("; ", problems));
        }
        return Blueprint.builder(name, description)
                .extraTables(tables)
                .site(site)
                .privateMediaAreas(privateMedia ? List.of(Blueprints.DOCUMENTS_AREA) : List.<String>of())
                .build();
    }

    private List<TableDefinition> tables(JsonNode node) {
        List<TableDefinition> tables = new ArrayList<>();
        if (node == null || node.isNull()) {
            return tables;
        }
        if (!node.isArray()) {
            problems.add("tables must be a list (value: " + node + ")");
            return tables;
        }
        Set<String> names = new HashSet<>();
        Blueprint.CORE_TABLES.forEach(core -> names.add(core.name()));
        for (int i = 0; i < node.size(); i++) {
            String field = "tables[" + i + "]";
            JsonNode table = node.get(i);
            if (!table.isObject()) {
                problems.add(field + " must be a mapping (value: " + table + ")");
                continue;
            }
            unknownFields(table, TABLE_FIELDS, field + ".");
            String name = text(table, "name", field + ".name", true);
            if (name != null) {
                check(
                        TABLE_NAME.matcher(name).matches(),
                        field + ".name must be lower-case letters, digits and hyphens (value: " + name + ")");
                check(
                        names.add(name),
                        field + ".name must be unique and not users or images, which every blueprint has (value: "
                                + name + ")");
            }
            TableDefinition.Key partitionKey = key(table.get("partitionKey"), field + ".partitionKey", true);
            TableDefinition.Key sortKey = key(table.get("sortKey"), field + ".sortKey", false);
            List<TableDefinition.Index> indexes = indexes(table.get("indexes"), field + ".indexes");
            if (name != null && partitionKey != null) {
                tables.add(new TableDefinition(name, partitionKey, sortKey, indexes, null));
            }
        }
        return tables;
    }

    private List<TableDefinition.Index> indexes(JsonNode node, String field) {
        List<TableDefinition.Index> indexes = new ArrayList<>();
        if (node == null || node.isNull()) {
            return indexes;
        }
        if (!node.isArray()) {
            problems.add(field + " must be a list (value: " + node + ")");
            return indexes;
        }
        check(node.size() <= 20, field + " must hold at most 20 indexes (value: " + node.size() + ")");
        Set<String> names = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String at = field + "[" + i + "]";
            JsonNode index = node.get(i);
            if (!index.isObject()) {
                problems.add(at + " must be a mapping (value: " + index + ")");
                continue;
            }
            unknownFields(index, INDEX_FIELDS, at + ".");
            String name = text(index, "name", at + ".name", true);
            if (name != null) {
                check(
                        INDEX_NAME.matcher(name).matches(),
                        at + ".name must be 3..255 letters, digits, '_', '-' or '.' (value: " + name + ")");
                check(names.add(name), at + ".name must be unique (value: " + name + ")");
            }
            TableDefinition.Key partitionKey = key(index.get("partitionKey"), at + ".partitionKey", true);
            TableDefinition.Key sortKey = key(index.get("sortKey"), at + ".sortKey", false);
            if (name != null && partitionKey != null) {
                indexes.add(new TableDefinition.Index(name, partitionKey, sortKey));
            }
        }
        return indexes;
    }

    private TableDefinition.Key key(JsonNode node, String field, boolean required) {
        if (node == null || node.isNull()) {
            check(!required, field + " is required");
            return null;
        }
        String name;
        String type = "string";
        if (node.isTextual()) {
            name = node.asText();
        } else if (node.isObject()) {
            unknownFields(node, KEY_FIELDS, field + ".");
            name = text(node, "name", field + ".name", true);
            if (node.hasNonNull("type")) {
                type = node.get("type").asText();
            }
        } else {
            problems.add(field + " must be an attribute name or {name, type} (value: " + node + ")");
            return null;
        }
        check(
                type.equals("string") || type.equals("number"),
                field + ".type must be string or number (value: " + type + ")");
        if (name == null) {
            return null;
        }
        if (!ATTRIBUTE.matcher(name).matches()) {
            problems.add(field + " must be an attribute name of letters, digits and '_' (value: " + name + ")");
            return null;
        }
        return type.equals("number") ? TableDefinition.Key.number(name) : TableDefinition.Key.text(name);
    }

    private String text(JsonNode node, String key, boolean required) {
        return text(node, key, key, required);
    }

    private String text(JsonNode node, String key, String field, boolean required) {
        JsonNode value = node.get(key);
        if (value == null
                || value.isNull()
                || (value.isTextual() && value.asText().isBlank())) {
            check(!required, field + " is required");
            return null;
        }
        if (!value.isTextual()) {
            problems.add(field + " must be text (value: " + value + ")");
            return null;
        }
        return value.asText().strip();
    }

    private boolean bool(JsonNode node, String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return false;
        }
        check(value.isBoolean(), key + " must be true or false (value: " + value + ")");
        return value.asBoolean(false);
    }

    private void unknownFields(JsonNode node, Set<String> known, String prefix) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            check(
                    known.contains(name),
                    prefix + name + " is not a known field; expected one of "
                            + known.stream().sorted().toList());
        }
    }

    private void check(boolean ok, String problem) {
        if (!ok) {
            problems.add(problem);
        }
    }
}
