package dev.cairn.api.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.snapstart.SnapStartPriming;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void aSnapStartRestoreGivesIdsNewRandomState() {
        SecureRandom before = Ids.random();

        new SnapStartPriming(null).afterRestore(null);

        assertThat(Ids.random()).isNotSameAs(before);
        assertThat(Ids.newId()).isNotEqualTo(Ids.newId());
    }

    @Test
    void idsAreVersion7AndSortByTime() {
        assertThat(Ids.uuidV7(1_000L).version()).isEqualTo(7);
        assertThat(Ids.uuidV7(1_000L).toString()).isLessThan(Ids.uuidV7(2_000L).toString());
    }
}
