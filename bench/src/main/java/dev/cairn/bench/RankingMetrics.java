package dev.cairn.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Ranking quality of one answer against graded judgements (0 to 3; a result not judged counts as
 * 0): precision at k with grade 2 or more as relevant, and nDCG at k with gain {@code 2^grade - 1}
 * and discount {@code log2(rank + 1)}.
 */
final class RankingMetrics {
    /** The lowest grade that counts as relevant for precision. */
    static final int RELEVANT = 2;

    private RankingMetrics() {}

    /**
     * The share of the first {@code k} results that are relevant; fewer than {@code k} results count
     * the missing ranks as misses.
     */
    static double precisionAt(int k, List<String> ranked, Map<String, Integer> grades) {
        int relevant = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            if (grades.getOrDefault(ranked.get(i), 0) >= RELEVANT) {
                relevant++;
            }
        }
        return (double) relevant / k;
    }

    /** DCG of the first {@code k} grades as given, in rank order. */
    static double dcgAt(int k, List<Integer> gradesInRankOrder) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, gradesInRankOrder.size()); i++) {
            dcg += (Math.pow(2, gradesInRankOrder.get(i)) - 1) / (Math.log(i + 2) / Math.log(2));
        }
        return dcg;
    }

    /**
     * DCG of the answer's first {@code k} results over the DCG of the best possible first {@code k}
     * (all judged recipes, best grade first); 0 when nothing is judged relevant.
     */
    static double ndcgAt(int k, List<String> ranked, Map<String, Integer> grades) {
        List<Integer> actual = new ArrayList<>();
        for (String id : ranked) {
            actual.add(grades.getOrDefault(id, 0));
        }
        List<Integer> ideal = new ArrayList<>(grades.values());
        ideal.sort((a, b) -> Integer.compare(b, a));
        double best = dcgAt(k, ideal);
        return best == 0 ? 0 : dcgAt(k, actual) / best;
    }
}
