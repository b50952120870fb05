package dev.cairn.bench;

import dev.cairn.bench.RecipeCorpus.Recipe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The judged query set of the relevance benchmark: each query with the rule its grades come from,
 * written before any tuning of the engine, and the graded recipes that rule gives over the corpus
 * ({@code queries.json}, reviewed by hand). The grades read only what a recipe is (its dish, its
 * main ingredient, its title and ingredient lines, its language, its dietary restrictions, tags,
 * cuisine and time), never what an engine returns.
 *
 * <p>Grades (0 to 3):
 *
 * <ul>
 *   <li>3, exactly what was asked: the dish asked for, with the main ingredient asked for (or any,
 *       when none was named), in the query's language; for an ingredient query, a recipe whose main
 *       ingredient it is or whose title names it.
 *   <li>2, a good answer: the dish asked for with another main ingredient (a lamb curry for
 *       "chicken curry"; not when the main ingredient is what makes the dish, as in "chocolate
 *       cake" or "tomato soup", where a lemon cake or a pea soup is only related), a close dish with the main ingredient asked for (a chicken korma for
 *       "chicken curry"), a grade-3 recipe written in another language than the query, or, for an
 *       ingredient query, a recipe with the ingredient among its lines.
 *   <li>1, related: a close dish with another main ingredient, another dish with the main
 *       ingredient asked for, or the same dish with another main when the main makes the dish.
 *   <li>0: anything else, and any recipe that fails one of the query's filters.
 * </ul>
 *
 * Only recipes the searching user may read are judged: the other user's private recipes must never
 * be returned, and the benchmark counts any that is as a leak.
 */
public final class RelevanceJudgements {
    private RelevanceJudgements() {}

    /** How a query's grades are decided. */
    record Rule(Set<String> dishes, Set<String> mains, Set<String> related, Set<String> words, boolean flavour) {}

    /** One judged query: its text, language, filters as the search API takes them, subsets and rule. */
    record Query(
            String id,
            String text,
            String language,
            Map<String, List<String>> filters,
            List<String> subsets,
            Rule rule) {

        int grade(Recipe recipe) {
            if (!passes(recipe)) {
                return 0;
            }
            int grade = rule.dishes.isEmpty() ? ingredientGrade(recipe) : dishGrade(recipe);
            if (grade == 3 && !recipe.language().equals(language)) {
                grade = 2;
            }
            return grade;
        }

        private int dishGrade(Recipe recipe) {
            boolean dish = matches(rule.dishes, recipe);
            boolean related = matches(rule.related, recipe);
            boolean named = !rule.mains.isEmpty();
            boolean main = rule.mains.contains(recipe.facts().main());
            if (dish && (!named || main)) {
                return 3;
            }
            if ((dish && !rule.flavour) || (related && main)) {
                return 2;
            }
            if (dish || related || main) {
                return 1;
            }
            return 0;
        }

        private int ingredientGrade(Recipe recipe) {
            if (rule.mains.contains(recipe.facts().main()) || names(recipe.title())) {
                return 3;
            }
            for (String line : recipe.ingredients()) {
                if (names(line)) {
                    return 2;
                }
            }
            return 0;
        }

        private boolean names(String text) {
            for (String word : rule.words) {
                if (Pattern.compile(
                                "\\b" + Pattern.quote(word) + "\\b", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                        .matcher(text)
                        .find()) {
                    return true;
                }
            }
            return false;
        }

        private static boolean matches(Set<String> dishes, Recipe recipe) {
            return dishes.contains(recipe.facts().dish())
                    || dishes.contains("group:" + recipe.facts().group());
        }

        /** Whether the recipe satisfies every filter, as the search API applies them. */
        boolean passes(Recipe recipe) {
            for (Map.Entry<String, List<String>> filter : filters.entrySet()) {
                List<String> values = filter.getValue();
                boolean ok =
                        switch (filter.getKey()) {
                            case "dietary" -> recipe.dietary().containsAll(values);
                            case "tags" -> recipe.tags().containsAll(values);
                            case "cuisine" -> values.contains(recipe.cuisine());
                            case "language" -> values.contains(recipe.language());
                            case "maxTotalMinutes" -> recipe.totalMinutes() <= Integer.parseInt(values.get(0));
                            case "minTotalMinutes" -> recipe.totalMinutes() >= Integer.parseInt(values.get(0));
                            case "maxServings" -> recipe.servings() <= Integer.parseInt(values.get(0));
                            case "minServings" -> recipe.servings() >= Integer.parseInt(values.get(0));
                            default -> throw new IllegalArgumentException("Unknown filter " + filter.getKey());
                        };
                if (!ok) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final List<Query> QUERIES = new ArrayList<>();

    private static Set<String> set(String... values) {
        return Set.of(values);
    }

    /** A dish query: {@code dishes} (or {@code group:NAME}), the mains named, the close dishes. */
    private static void dish(
            String text,
            String language,
            Set<String> dishes,
            Set<String> mains,
            Set<String> related,
            String... subsetsAndFilters) {
        add(text, language, new Rule(dishes, mains, related, Set.of(), false), subsetsAndFilters);
    }

    /**
     * A dish whose main ingredient makes it what it is (a chocolate cake, a tomato soup): the same
     * dish with another main is only related (1), not a good answer.
     */
    private static void flavour(
            String text,
            String language,
            Set<String> dishes,
            Set<String> mains,
            Set<String> related,
            String... subsetsAndFilters) {
        add(text, language, new Rule(dishes, mains, related, Set.of(), true), subsetsAndFilters);
    }

    /** An ingredient query: recipes built on {@code mains}, or naming one of {@code words}. */
    private static void ingredient(
            String text, String language, Set<String> mains, Set<String> words, String... subsetsAndFilters) {
        add(text, language, new Rule(Set.of(), mains, Set.of(), words, false), subsetsAndFilters);
    }

    private static void add(String text, String language, Rule rule, String... subsetsAndFilters) {
        List<String> subsets = new ArrayList<>();
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (String s : subsetsAndFilters) {
            int eq = s.indexOf('=');
            if (eq < 0) {
                subsets.add(s);
            } else {
                filters.put(
                        s.substring(0, eq), Arrays.asList(s.substring(eq + 1).split(",")));
            }
        }
        if (!filters.isEmpty()) {
            subsets.add("filter");
        }
        if (!language.equals("en")) {
            subsets.add("language");
        }
        QUERIES.add(new Query(
                String.format(Locale.ROOT, "q%02d", QUERIES.size() + 1), text, language, filters, subsets, rule));
    }

    static {
        // Dishes and ingredients, in English.
        dish("chicken curry", "en", set("curry"), set("chicken"), set("tikka-masala", "korma", "green-curry", "dal"));
        dish("lasagne", "en", set("lasagne"), set(), set("moussaka", "bolognese"));
        dish("spaghetti carbonara", "en", set("carbonara"), set(), set("bolognese", "pesto-pasta"));
        dish("mushroom risotto", "en", set("risotto"), set("mushroom"), set("paella"));
        dish("thai green curry", "en", set("green-curry"), set(), set("curry", "korma", "tikka-masala"));
        dish("pad thai", "en", set("pad-thai"), set(), set("stir-fry", "pho"));
        dish("banana bread", "en", set("banana-bread"), set(), set("cake"));
        flavour(
                "chocolate cake",
                "en",
                set("cake"),
                set("chocolate"),
                set("cheesecake", "brownies", "chocolate-mousse"));
        dish("beef stew", "en", set("stew"), set("beef"), set("goulash", "boeuf-bourguignon", "chili"));
        dish("fish pie", "en", set("fish-pie"), set(), set("shepherds-pie"));
        dish("tacos", "en", set("tacos"), set(), set("fajitas", "chili"));
        dish("prawn stir fry", "en", set("stir-fry"), set("prawn"), set("fried-rice", "pad-thai"));
        flavour("apple crumble", "en", set("crumble"), set("apple"), set("tarte-tatin"));
        flavour("tomato soup", "en", set("soup"), set("tomato"), set("gazpacho"));
        dish("shepherd's pie", "en", set("shepherds-pie"), set("lamb"), set("fish-pie", "moussaka"));
        dish("falafel", "en", set("falafel"), set(), set("hummus"));
        dish("pancakes", "en", set("pancakes"), set(), set("crepes"));
        dish("ramen", "en", set("ramen"), set(), set("pho"));
        dish("chilli con carne", "en", set("chili"), set("beef"), set("tacos", "goulash"));
        dish("quiche", "en", set("quiche"), set(), set("frittata"));
        dish("mac and cheese", "en", set("mac-and-cheese"), set(), set("lasagne"));
        flavour(
                "chocolate chip cookies",
                "en",
                set("cookies"),
                set("chocolate"),
                set("brownies", "banana-bread", "pancakes"));
        dish("lamb tagine", "en", set("tagine"), set("lamb"), set("curry", "stew"));
        dish("spanish omelette", "en", set("spanish-omelette"), set(), set("frittata"));
        dish("paella", "en", set("paella"), set(), set("risotto"));
        ingredient("salmon", "en", set("salmon"), set("salmon"));
        ingredient("chickpeas", "en", set("chickpea"), set("chickpea", "chickpeas"));
        ingredient("halloumi", "en", set("halloumi"), set("halloumi"));
        ingredient("tofu", "en", set("tofu"), set("tofu"));

        // Typos: the same rules as the spelling meant.
        dish(
                "chiken curry",
                "en",
                set("curry"),
                set("chicken"),
                set("tikka-masala", "korma", "green-curry", "dal"),
                "typo");
        dish("lasagnna", "en", set("lasagne"), set(), set("moussaka", "bolognese"), "typo");
        dish("spagetti carbonara", "en", set("carbonara"), set(), set("bolognese", "pesto-pasta"), "typo");
        dish("mushrom risotto", "en", set("risotto"), set("mushroom"), set("paella"), "typo");
        dish("bananna bread", "en", set("banana-bread"), set(), set("cake"), "typo");
        flavour(
                "choclate cake",
                "en",
                set("cake"),
                set("chocolate"),
                set("cheesecake", "brownies", "chocolate-mousse"),
                "typo");
        dish("falafal", "en", set("falafel"), set(), set("hummus"), "typo");
        dish("tikka masalla", "en", set("tikka-masala"), set(), set("curry", "korma"), "typo");
        dish("ratatouile", "en", set("ratatouille"), set(), set("stew"), "typo");

        // Filters: the search API's keyword and range parameters.
        dish("curry", "en", set("curry", "tikka-masala", "korma", "green-curry", "dal"), set(), set(), "dietary=vegan");
        dish("pasta", "en", set("group:pasta"), set(), set(), "maxTotalMinutes=30");
        dish("soup", "en", set("group:soup"), set(), set(), "dietary=vegetarian");
        ingredient("chicken", "en", set("chicken"), set("chicken"), "maxTotalMinutes=30");
        dish("cake", "en", set("group:cake"), set(), set("cookies"), "dietary=nut-free");
        dish("eggs", "en", set("shakshuka", "frittata", "spanish-omelette"), set(), set(), "tags=brunch");
        dish("noodles", "en", set("group:noodles"), set(), set("stir-fry"), "dietary=gluten-free");
        dish("rice", "en", set("group:rice"), set(), set(), "dietary=vegetarian,gluten-free", "maxTotalMinutes=60");
        dish("stew", "en", set("group:stew"), set(), set(), "cuisine=french");

        // Portuguese, French and Spanish.
        dish("bacalhau à brás", "pt", set("bacalhau-a-bras"), set(), set("fish-pie"));
        dish("caldo verde", "pt", set("caldo-verde"), set(), set("soup"));
        dish("feijoada", "pt", set("feijoada"), set(), set("chili"));
        dish("frango piri-piri", "pt", set("piri-piri-chicken"), set(), set("garlic-chicken"));
        dish("soupe à l'oignon", "fr", set("onion-soup"), set(), set("soup"));
        dish("bœuf bourguignon", "fr", set("boeuf-bourguignon"), set(), set("stew", "goulash"));
        dish("crêpes", "fr", set("crepes"), set(), set("pancakes"));
        dish("mousse au chocolat", "fr", set("chocolate-mousse"), set(), set("brownies", "cheesecake"));
        dish("tortilla de patatas", "es", set("spanish-omelette"), set(), set("frittata", "patatas-bravas"));
        dish("paella de marisco", "es", set("paella"), set("seafood"), set("risotto"));
        dish("gazpacho", "es", set("gazpacho"), set(), set("soup"));
        dish("lentejas con chorizo", "es", set("lentil-stew"), set(), set("dal"));
    }

    static List<Query> queries() {
        return List.copyOf(QUERIES);
    }

    /** Every graded recipe (grade above 0) the searcher may read, best first, by corpus key. */
    static Map<String, Integer> judge(Query query, List<Recipe> corpus) {
        Map<String, Integer> grades = new LinkedHashMap<>();
        for (int grade = 3; grade >= 1; grade--) {
            for (Recipe recipe : corpus) {
                if (recipe.visibleTo(RecipeCorpus.SEARCHER) && query.grade(recipe) == grade) {
                    grades.put(recipe.key(), grade);
                }
            }
        }
        return grades;
    }

    static String json(List<Recipe> corpus) {
        Map<String, Recipe> byKey = new LinkedHashMap<>();
        corpus.forEach(r -> byKey.put(r.key(), r));
        List<Object> queries = new ArrayList<>();
        for (Query query : QUERIES) {
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("id", query.id());
            q.put("q", query.text());
            q.put("language", query.language());
            q.put("subsets", query.subsets());
            q.put("filters", query.filters());
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("dishes", List.copyOf(new java.util.TreeSet<>(query.rule().dishes())));
            rule.put("mains", List.copyOf(new java.util.TreeSet<>(query.rule().mains())));
            rule.put("related", List.copyOf(new java.util.TreeSet<>(query.rule().related())));
            rule.put("words", List.copyOf(new java.util.TreeSet<>(query.rule().words())));
            rule.put("flavour", query.rule().flavour());
            q.put("rule", rule);
            List<Object> judged = new ArrayList<>();
            judge(query, corpus).forEach((key, grade) -> {
                Map<String, Object> j = new LinkedHashMap<>();
                j.put("key", key);
                j.put("grade", grade);
                j.put("title", byKey.get(key).title());
                j.put("language", byKey.get(key).language());
                judged.add(j);
            });
            q.put("judgements", judged);
            queries.add(q);
        }
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("searcher", RecipeCorpus.SEARCHER);
        all.put(
                "grades",
                "3 exactly what was asked, 2 a good answer, 1 related, 0 (not listed) not relevant;"
                        + " see README.md");
        all.put("queries", queries);
        return Json.write(all);
    }

    /** Writes {@code queries.json} beside {@code recipes.json}. */
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "bench/src/main/resources/relevance");
        List<Recipe> corpus = RecipeCorpus.generate();
        Files.writeString(folder.resolve("queries.json"), json(corpus));
        for (Query query : QUERIES) {
            Map<String, Integer> grades = judge(query, corpus);
            long relevant = grades.values().stream().filter(g -> g >= 2).count();
            long top = grades.values().stream().filter(g -> g == 3).count();
            System.out.printf(
                    Locale.ROOT,
                    "%s %-26s %-40s grade3=%3d grade>=2=%3d judged=%3d%n",
                    query.id(),
                    query.text(),
                    query.subsets() + " " + query.filters(),
                    top,
                    relevant,
                    grades.size());
        }
        System.out.println("Written: " + folder.resolve("queries.json") + " (" + QUERIES.size() + " queries)");
    }
}
