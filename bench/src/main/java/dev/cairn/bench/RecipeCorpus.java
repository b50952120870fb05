package dev.cairn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The recipe corpus the relevance benchmark loads: generated, deterministically, from the
 * hand-written dishes of {@link RecipeDishes} (English families of a dish with interchangeable
 * main ingredients, and whole recipes written in Portuguese, French and Spanish). Every recipe's
 * dietary restrictions are derived from what its ingredient lines contain, so a recipe with bacon
 * is never vegetarian and one with soy sauce is never gluten-free.
 *
 * <p>Run {@code main} to rewrite {@code bench/src/main/resources/relevance/recipes.json}; a test
 * fails when the committed file differs from what the generator produces.
 */
public final class RecipeCorpus {
    /** Seed of the one random source: the same corpus on every machine. */
    static final long SEED = 20261203L;

    /** Accounts the benchmark creates; {@link #SEARCHER} runs the judged queries. */
    static final String ALICE = "alice";

    static final String BOB = "bob";
    static final String SEARCHER = "carol";

    private RecipeCorpus() {}

    /** What an ingredient line brings, from which the dietary restrictions follow. */
    enum Flag {
        MEAT('M'),
        PORK('P'),
        POULTRY('C'),
        FISH('F'),
        SHELLFISH('S'),
        DAIRY('D'),
        EGG('E'),
        GLUTEN('G'),
        NUTS('N'),
        CARBS('K'),
        ALCOHOL('A'),
        HONEY('H');

        final char code;

        Flag(char code) {
            this.code = code;
        }

        static Flag of(char code) {
            for (Flag flag : values()) {
                if (flag.code == code) {
                    return flag;
                }
            }
            throw new IllegalArgumentException("Unknown ingredient flag " + code);
        }
    }

    /**
     * An ingredient line as written, with its flags given in brackets at its end: {@code "200 g
     * smoked bacon lardons [P]"}.
     */
    record Line(String text, Set<Flag> flags) {
        static Line parse(String spec) {
            int open = spec.lastIndexOf(" [");
            if (open < 0 || !spec.endsWith("]")) {
                return new Line(spec, EnumSet.noneOf(Flag.class));
            }
            EnumSet<Flag> flags = EnumSet.noneOf(Flag.class);
            for (char c : spec.substring(open + 2, spec.length() - 1).toCharArray()) {
                if (c != '[' && c != ']') {
                    flags.add(Flag.of(c));
                }
            }
            return new Line(spec.substring(0, open), flags);
        }
    }

    /** What a recipe is, beside its text: the facts the judgement rules read. */
    record Facts(String dish, String group, String main) {}

    /** One recipe of the corpus: who creates it, the API body, and its facts. */
    record Recipe(
            String key,
            String owner,
            String visibility,
            String language,
            String title,
            String description,
            List<String> ingredients,
            List<String> steps,
            List<String> tags,
            List<String> dietary,
            String cuisine,
            int totalMinutes,
            int servings,
            Facts facts) {

        boolean visibleTo(String user) {
            return owner.equals(user) || visibility.equals("public");
        }

        /** The body of {@code POST /api/recipes}. */
        Map<String, Object> body() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("title", title);
            body.put("description", description);
            body.put("ingredients", ingredients);
            body.put("steps", steps);
            body.put("tags", tags);
            body.put("dietary", dietary);
            body.put("cuisine", cuisine);
            body.put("totalMinutes", totalMinutes);
            body.put("servings", servings);
            body.put("language", language);
            body.put("visibility", visibility);
            return body;
        }

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("key", key);
            json.put("owner", owner);
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("dish", this.facts.dish);
            facts.put("group", this.facts.group);
            facts.put("main", this.facts.main);
            json.put("facts", facts);
            json.put("recipe", body());
            return json;
        }
    }

    /** The dietary restrictions that hold for a recipe made of lines with these flags. */
    static List<String> dietary(Set<Flag> flags) {
        boolean meat = flags.contains(Flag.MEAT) || flags.contains(Flag.PORK) || flags.contains(Flag.POULTRY);
        boolean seafood = flags.contains(Flag.FISH) || flags.contains(Flag.SHELLFISH);
        boolean vegetarian = !meat && !seafood;
        List<String> dietary = new ArrayList<>();
        if (vegetarian) {
            dietary.add("vegetarian");
        }
        if (vegetarian && !flags.contains(Flag.DAIRY) && !flags.contains(Flag.EGG) && !flags.contains(Flag.HONEY)) {
            dietary.add("vegan");
        }
        if (!meat && seafood) {
            dietary.add("pescatarian");
        }
        if (!flags.contains(Flag.GLUTEN)) {
            dietary.add("gluten-free");
        }
        if (!flags.contains(Flag.DAIRY)) {
            dietary.add("dairy-free");
        }
        if (!flags.contains(Flag.EGG)) {
            dietary.add("egg-free");
        }
        if (!flags.contains(Flag.NUTS)) {
            dietary.add("nut-free");
        }
        if (!flags.contains(Flag.CARBS)) {
            dietary.add("low-carb");
        }
        return dietary;
    }

    /** The whole corpus, in a fixed order, with keys {@code r0001...}. */
    static List<Recipe> generate() {
        Random random = new Random(SEED);
        List<Draft> drafts = new ArrayList<>();
        for (RecipeDishes.Family family : RecipeDishes.families()) {
            drafts.addAll(family.drafts(random));
        }
        for (RecipeDishes.Written written : RecipeDishes.written()) {
            drafts.addAll(written.drafts(random));
        }
        // Interleave so that owners, visibility and creation order do not follow the dish.
        java.util.Collections.shuffle(drafts, random);
        // Each dish keeps at least five recipes the searcher may read, so that every judged query
        // has five relevant answers to find.
        Map<String, Integer> hideable = new LinkedHashMap<>();
        for (Draft d : drafts) {
            hideable.merge(d.facts.dish(), 1, Integer::sum);
        }
        hideable.replaceAll((dish, count) -> Math.max(0, count - 5));
        List<Recipe> recipes = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            Draft d = drafts.get(i);
            String owner;
            String visibility;
            if (i % 10 == 3 && hideable.get(d.facts.dish()) > 0) {
                hideable.merge(d.facts.dish(), -1, Integer::sum);
                owner = BOB; // private to another user: must never reach the searcher
                visibility = "private";
            } else if (i % 20 == 7) {
                owner = SEARCHER; // the searcher's own private recipes: hers to find
                visibility = "private";
            } else if (i % 20 == 12) {
                owner = SEARCHER;
                visibility = "public";
            } else {
                owner = i % 3 == 0 ? BOB : ALICE;
                visibility = "public";
            }
            Set<Flag> flags = EnumSet.noneOf(Flag.class);
            List<String> ingredients = new ArrayList<>();
            for (Line line : d.lines) {
                flags.addAll(line.flags());
                ingredients.add(line.text());
            }
            List<String> tags = new ArrayList<>(new LinkedHashSet<>(d.tags));
            if (d.minutes <= 30 && !tags.contains("quick")) {
                tags.add("quick");
            }
            recipes.add(new Recipe(
                    String.format(Locale.ROOT, "r%04d", i + 1),
                    owner,
                    visibility,
                    d.language,
                    d.title,
                    d.description,
                    List.copyOf(ingredients),
                    List.copyOf(d.steps),
                    List.copyOf(tags),
                    dietary(flags),
                    d.cuisine,
                    d.minutes,
                    d.servings,
                    d.facts));
        }
        return recipes;
    }

    /** A recipe before it gets its key and owner. */
    record Draft(
            String language,
            String title,
            String description,
            List<Line> lines,
            List<String> steps,
            List<String> tags,
            String cuisine,
            int minutes,
            int servings,
            Facts facts) {}

    static String json() {
        List<Object> all = new ArrayList<>();
        for (Recipe recipe : generate()) {
            all.add(recipe.toJson());
        }
        return Json.write(all);
    }

    /** Writes {@code recipes.json} into the folder given (default: the bench module's resources). */
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "bench/src/main/resources/relevance");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("recipes.json"), json());
        System.out.println(
                "Written: " + folder.resolve("recipes.json") + " (" + generate().size() + " recipes)");
    }
}
