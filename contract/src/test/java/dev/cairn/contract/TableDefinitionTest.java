package dev.cairn.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TableDefinitionTest {

    @Test
    void theEnvironmentVariableIsTheNameInUpperCase() {
        assertThat(Tables.API_KEYS.environmentVariable()).isEqualTo("DYNAMODB_TABLE_API_KEYS");
        assertThat(Tables.USERS.environmentVariable()).isEqualTo("DYNAMODB_TABLE_USERS");
    }

    @Test
    void indexesAreFoundByNameOrRefusedNamingTheChoices() {
        assertThat(Tables.GUITARS.index(Tables.GUITAR_BRAND_INDEX).partitionKey())
                .isEqualTo(TableDefinition.Key.text("brand"));
        assertThatThrownBy(() -> Tables.GUITARS.index("model-index"))
                .hasMessage("index of table guitars must be one of [brand-userId-index] (value: model-index)");
    }

    @Test
    void aTableNeedsANameAndAPartitionKey() {
        assertThatThrownBy(() -> TableDefinition.of(" ", "userId", null))
                .hasMessage("name must not be blank (value:  )");
        assertThatThrownBy(() -> TableDefinition.of("t", null, null))
                .hasMessage("key name must not be blank (value: null)");
        assertThat(TableDefinition.Key.nameOf(Tables.USERS.sortKey())).isNull();
    }
}
