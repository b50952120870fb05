package dev.cairn.api.data;

import dev.cairn.contract.TableDefinition;
import io.micronaut.context.annotation.ConfigurationProperties;
import java.util.Map;

/**
 * The deployed names of the app's tables, by logical name: {@code cairn.tables.users=...}, set in
 * Lambda from {@code DYNAMODB_TABLE_USERS} and locally by the local stack.
 */
@ConfigurationProperties("cairn")
public record TableNames(Map<String, String> tables) {

    public TableNames {
        tables = tables == null ? Map.of() : Map.copyOf(tables);
    }

    /** The deployed name of {@code table}; fails, naming the variable to set, if there is none. */
    public String of(TableDefinition table) {
        String name = tables.get(table.name());
        if (name == null || name.isBlank()) {
            throw new IllegalStateException("cairn.tables." + table.name() + " (" + table.environmentVariable()
                    + ") must name the " + table.name() + " table");
        }
        return name;
    }
}
