package dev.cairn.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {
    private static final Map<String, Integer> GRADES = Map.of("a", 3, "b", 2, "c", 1);

    @Test
    void precisionCountsGradeTwoAndAboveAmongTheFirstK() {
        Map<String, Integer> grades = Map.of("a", 3, "c", 2, "d", 1, "e", 2);
        // a (3), x (not judged), c (2), d (1, below relevant), e (2): 3 of 5; f is past k.
        assertThat(RankingMetrics.precisionAt(5, List.of("a", "x", "c", "d", "e", "f"), grades))
                .isEqualTo(0.6);
    }

    @Test
    void precisionCountsMissingRanksAsMisses() {
        assertThat(RankingMetrics.precisionAt(5, List.of("a"), GRADES)).isEqualTo(0.2);
        assertThat(RankingMetrics.precisionAt(5, List.of(), GRADES)).isZero();
    }

    @Test
    void dcgDiscountsEachGainByTheLogOfItsRank() {
        // (2^3-1)/log2(2) + (2^2-1)/log2(3) + (2^1-1)/log2(4) = 7 + 1.8927893 + 0.5
        assertThat(RankingMetrics.dcgAt(10, List.of(3, 2, 1))).isCloseTo(9.3927893, within(1e-6));
        // Only the first k count.
        assertThat(RankingMetrics.dcgAt(1, List.of(3, 2, 1))).isEqualTo(7.0);
    }

    @Test
    void ndcgOfTheIdealOrderIsOne() {
        assertThat(RankingMetrics.ndcgAt(10, List.of("a", "b", "c"), GRADES)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void ndcgOfAShuffledAnswerByHand() {
        // Ranked c, x, a, b: DCG = 1/log2(2) + 0 + 7/log2(4) + 3/log2(5) = 1 + 3.5 + 1.2920297 = 5.7920297.
        // Ideal a, b, c: 7 + 3/log2(3) + 1/log2(4) = 9.3927893. Ratio 0.6166464.
        assertThat(RankingMetrics.ndcgAt(10, List.of("c", "x", "a", "b"), GRADES))
                .isCloseTo(0.6166464, within(1e-6));
    }

    @Test
    void ndcgCutsTheIdealAtK() {
        // k = 1: the answer's b gives 2^2-1 = 3, the ideal a gives 2^3-1 = 7.
        assertThat(RankingMetrics.ndcgAt(1, List.of("b", "a"), GRADES)).isCloseTo(3.0 / 7.0, within(1e-12));
    }

    @Test
    void ndcgIsZeroForAnEmptyAnswerOrNothingJudged() {
        assertThat(RankingMetrics.ndcgAt(10, List.of(), GRADES)).isZero();
        assertThat(RankingMetrics.ndcgAt(10, List.of("a"), Map.of())).isZero();
    }
}
