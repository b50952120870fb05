package dev.cairn.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.bench.RecipeCorpus.Recipe;
import dev.cairn.bench.RelevanceJudgements.Query;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RelevanceCorpusTest {
    private static final List<Recipe> CORPUS = RecipeCorpus.generate();

    private static final Pattern MEAT_OR_FISH = Pattern.compile(
            "\\b(bacon|chicken|beef|lamb|pork|chorizo|sausages?|prawns|salmon|cod|tuna|anchov\\w*|fish sauce|ham|"
                    + "pepperoni|guanciale|frango|bacalhau|chouriço|pato|lardons|bœuf|pollo|gambas|conejo|peixe)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern WHEAT = Pattern.compile(
            "\\b(soy sauce|flour|spaghetti|penne|macaroni|breadcrumbs|baguette|pastry|farinha|farine|harina|pâte)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern DAIRY = Pattern.compile(
            "\\b(butter|cream|milk|cheese|parmesan|mozzarella|feta|yoghurt|manteiga|leite|beurre|lait|crème|leche)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    @Test
    void theCommittedCorpusIsWhatTheGeneratorWrites() throws IOException {
        assertThat(resource("/relevance/recipes.json")).isEqualTo(RecipeCorpus.json());
    }

    @Test
    void theCorpusIsLargeAndMostlyEnglishWithThreeOtherLanguages() {
        assertThat(CORPUS).hasSizeGreaterThanOrEqualTo(500);
        Map<String, Long> languages =
                CORPUS.stream().collect(Collectors.groupingBy(Recipe::language, Collectors.counting()));
        assertThat(languages.keySet()).containsExactlyInAnyOrder("en", "pt", "fr", "es");
        assertThat(languages.get("en")).isGreaterThan(CORPUS.size() / 2);
        assertThat(languages.get("pt")).isGreaterThanOrEqualTo(40);
        assertThat(languages.get("fr")).isGreaterThanOrEqualTo(40);
        assertThat(languages.get("es")).isGreaterThanOrEqualTo(40);
        assertThat(CORPUS.stream().map(Recipe::key).collect(Collectors.toSet())).hasSize(CORPUS.size());
    }

    @Test
    void dietaryRestrictionsAgreeWithTheIngredients() {
        for (Recipe recipe : CORPUS) {
            String lines = String.join("\n", recipe.ingredients());
            if (MEAT_OR_FISH.matcher(lines).find()) {
                assertThat(recipe.dietary()).as(recipe.title()).doesNotContain("vegetarian", "vegan");
            }
            if (WHEAT.matcher(lines).find()) {
                assertThat(recipe.dietary()).as(recipe.title()).doesNotContain("gluten-free");
            }
            for (String line : recipe.ingredients()) {
                // Coconut, oat and peanut "milk" and "butter" are not dairy.
                String dairy = line.replaceAll("(?i)(coconut|oat|peanut|de coco) (milk|butter)|leite de coco", "");
                if (DAIRY.matcher(dairy).find()) {
                    assertThat(recipe.dietary()).as(recipe.title()).doesNotContain("dairy-free", "vegan");
                }
            }
            if (recipe.dietary().contains("vegan")) {
                assertThat(recipe.dietary()).contains("vegetarian", "dairy-free", "egg-free");
            }
        }
        assertThat(CORPUS).anyMatch(r -> r.dietary().contains("vegan"));
        assertThat(CORPUS).anyMatch(r -> r.dietary().contains("pescatarian"));
    }

    @Test
    void theCorpusHasPrivateRecipesOfAnotherUserAndOfTheSearcher() {
        assertThat(CORPUS.stream()
                        .filter(r -> !r.visibleTo(RecipeCorpus.SEARCHER))
                        .count())
                .isGreaterThanOrEqualTo(30);
        assertThat(CORPUS)
                .anyMatch(r -> r.owner().equals(RecipeCorpus.SEARCHER)
                        && r.visibility().equals("private"));
    }

    @Test
    void theCommittedJudgementsAreWhatTheRulesGive() throws IOException {
        assertThat(resource("/relevance/queries.json")).isEqualTo(RelevanceJudgements.json(CORPUS));
    }

    @Test
    void everyQueryHasFiveRelevantRecipesTheSearcherMayRead() {
        List<Query> queries = RelevanceJudgements.queries();
        assertThat(queries).hasSizeGreaterThanOrEqualTo(40);
        assertThat(queries.stream().filter(q -> q.subsets().contains("typo"))).hasSizeGreaterThanOrEqualTo(5);
        assertThat(queries.stream().filter(q -> q.subsets().contains("filter"))).hasSizeGreaterThanOrEqualTo(5);
        assertThat(queries.stream()
                        .filter(q -> q.subsets().contains("language"))
                        .map(Query::language))
                .contains("pt", "fr", "es");
        Map<String, Recipe> byKey = CORPUS.stream().collect(Collectors.toMap(Recipe::key, r -> r));
        Set<String> texts = new HashSet<>();
        for (Query query : queries) {
            assertThat(texts.add(query.text().toLowerCase(Locale.ROOT)))
                    .as(query.text())
                    .isTrue();
            Map<String, Integer> grades = RelevanceJudgements.judge(query, CORPUS);
            assertThat(grades.values().stream().filter(g -> g >= RankingMetrics.RELEVANT))
                    .as(query.text())
                    .hasSizeGreaterThanOrEqualTo(5);
            for (String key : grades.keySet()) {
                Recipe recipe = byKey.get(key);
                assertThat(recipe.visibleTo(RecipeCorpus.SEARCHER)).isTrue();
                assertThat(query.passes(recipe))
                        .as(query.text() + " / " + recipe.title())
                        .isTrue();
            }
        }
    }

    @Test
    void aTypoIsJudgedLikeTheSpellingItMisses() {
        Map<String, Query> byText =
                RelevanceJudgements.queries().stream().collect(Collectors.toMap(Query::text, q -> q));
        assertThat(RelevanceJudgements.judge(byText.get("chiken curry"), CORPUS))
                .isEqualTo(RelevanceJudgements.judge(byText.get("chicken curry"), CORPUS));
        assertThat(RelevanceJudgements.judge(byText.get("lasagnna"), CORPUS))
                .isEqualTo(RelevanceJudgements.judge(byText.get("lasagne"), CORPUS));
    }

    @Test
    void gradesFollowTheRuleOnKnownRecipes() {
        Query chickenCurry = RelevanceJudgements.queries().stream()
                .filter(q -> q.text().equals("chicken curry"))
                .findFirst()
                .orElseThrow();
        assertThat(gradeOfTitle(chickenCurry, "Chicken Curry")).isEqualTo(3);
        assertThat(gradeOfTitle(chickenCurry, "Lamb Curry")).isEqualTo(2);
        assertThat(gradeOfTitle(chickenCurry, "Chicken Korma")).isEqualTo(2);
        assertThat(gradeOfTitle(chickenCurry, "Chicken Tacos")).isEqualTo(1);
        assertThat(gradeOfTitle(chickenCurry, "Apple Crumble")).isZero();
        Query vegan = RelevanceJudgements.queries().stream()
                .filter(q -> q.text().equals("curry"))
                .findFirst()
                .orElseThrow();
        assertThat(gradeOfTitle(vegan, "Chickpea Curry")).isEqualTo(3);
        assertThat(gradeOfTitle(vegan, "Chicken Curry")).isZero();
    }

    private static int gradeOfTitle(Query query, String title) {
        Recipe recipe =
                CORPUS.stream().filter(r -> r.title().equals(title)).findFirst().orElseThrow();
        return query.grade(recipe);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = RelevanceCorpusTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
