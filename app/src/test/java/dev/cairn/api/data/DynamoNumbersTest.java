package dev.cairn.api.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class DynamoNumbersTest {

    @Test
    void filtersTakePlainDecimalsOfAtMost38Digits() {
        assertThat(DynamoNumbers.parsePlain("1962")).contains(new BigDecimal("1962"));
        assertThat(DynamoNumbers.parsePlain(" -0.5 ")).contains(new BigDecimal("-0.5"));
        assertThat(DynamoNumbers.parsePlain("+" + "9".repeat(38))).isPresent();
        assertThat(DynamoNumbers.parsePlain("1." + "0".repeat(37))).isPresent();
        for (String bad : new String[] {
            "1e999999999",
            "1E5",
            "9".repeat(39),
            "1." + "0".repeat(38),
            "",
            "-",
            ".5",
            "5.",
            "1.2.3",
            "0x10",
            "NaN",
            "Infinity",
            "1 000",
            "１２",
            "9".repeat(200)
        }) {
            assertThat(DynamoNumbers.parsePlain(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void bodyNumbersMustBeStorableWhateverTheirMagnitude() {
        assertThat(DynamoNumbers.storable(42)).isTrue();
        assertThat(DynamoNumbers.storable(Long.MIN_VALUE)).isTrue();
        assertThat(DynamoNumbers.storable(0.1)).isTrue();
        assertThat(DynamoNumbers.storable(new BigDecimal("0E+999999999"))).isTrue();
        assertThat(DynamoNumbers.storable(new BigDecimal("9.9999999999999999999999999999999999999E+125")))
                .isTrue();
        assertThat(DynamoNumbers.storable(new BigDecimal("-1E-130"))).isTrue();
        assertThat(DynamoNumbers.storable(new BigDecimal("1" + "0".repeat(125))))
                .isTrue();
        assertThat(DynamoNumbers.storable(new BigDecimal("1" + "0".repeat(126))))
                .isFalse();
        assertThat(DynamoNumbers.storable(new BigDecimal("1E-131"))).isFalse();
        assertThat(DynamoNumbers.storable(new BigDecimal("1E+999999999"))).isFalse();
        assertThat(DynamoNumbers.storable(new BigDecimal("-1E+999999999"))).isFalse();
        assertThat(DynamoNumbers.storable(new BigDecimal("1.00000000000000000000000000000000000001")))
                .isFalse();
        assertThat(DynamoNumbers.storable(1e200)).isFalse();
        assertThat(DynamoNumbers.storable(Double.POSITIVE_INFINITY)).isFalse();
        assertThat(DynamoNumbers.storable(Double.NaN)).isFalse();
        assertThat(DynamoNumbers.storable(BigInteger.TWO.pow(1_000_000))).isFalse();
    }
}
