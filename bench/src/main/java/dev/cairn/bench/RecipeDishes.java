package dev.cairn.bench;

import dev.cairn.bench.RecipeCorpus.Draft;
import dev.cairn.bench.RecipeCorpus.Facts;
import dev.cairn.bench.RecipeCorpus.Line;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The hand-written parts of the recipe corpus. English recipes come from families: a dish (curry,
 * risotto, crumble...) with its base ingredients and method, into which a main ingredient (chicken,
 * chickpeas, mushrooms...) is put, each main bringing its own lines and cooking step. Portuguese,
 * French and Spanish recipes are written whole, in their language, each posted in a few versions.
 * Ingredient flags in brackets: M meat, P pork, C poultry, F fish, S shellfish, D dairy, E egg, G
 * gluten, N nuts, K starch or sugar (not low-carb), A alcohol, H honey.
 */
final class RecipeDishes {
    private RecipeDishes() {}

    /** A main ingredient: its key, its name in a title and in a sentence, its cooking step, its lines. */
    record Main(String key, String title, String name, String step, List<Line> lines) {}

    static Main main(String key, String title, String name, String step, String... lines) {
        return new Main(
                key, title, name, step, Arrays.stream(lines).map(Line::parse).toList());
    }

    static final Main CHICKEN = main(
            "chicken",
            "Chicken",
            "chicken",
            "Add the chicken and cook, turning, until browned all over, about 6 minutes.",
            "600 g boneless chicken thighs, cut into bite-sized pieces [C]");
    static final Main BEEF = main(
            "beef",
            "Beef",
            "beef",
            "Add the beef and sear over a high heat for 2–3 minutes, then lift it out and set aside until the end.",
            "500 g beef steak, thinly sliced [M]");
    static final Main LAMB = main(
            "lamb",
            "Lamb",
            "lamb",
            "Add the lamb in batches and brown it well on every side.",
            "600 g boneless lamb shoulder, diced [M]");
    static final Main PORK = main(
            "pork",
            "Pork",
            "pork",
            "Add the pork and cook until it is no longer pink, about 5 minutes.",
            "500 g pork tenderloin, sliced [P]");
    static final Main PRAWN = main(
            "prawn",
            "Prawn",
            "prawns",
            "Add the prawns and cook for 2–3 minutes, just until they turn pink.",
            "300 g raw king prawns, peeled [S]");
    static final Main SALMON = main(
            "salmon",
            "Salmon",
            "salmon",
            "Add the salmon and cook gently for 4–5 minutes, until it flakes.",
            "2 salmon fillets, skinned and cut into chunks [F]");
    static final Main COD = main(
            "cod",
            "Cod",
            "cod",
            "Lay the cod in the pan and cook for 4 minutes a side, until the flesh is opaque.",
            "4 skinless cod fillets [F]");
    static final Main TOFU = main(
            "tofu",
            "Tofu",
            "tofu",
            "Add the tofu and fry until golden on all sides, about 8 minutes.",
            "400 g firm tofu, pressed and cut into cubes");
    static final Main CHICKPEA = main(
            "chickpea",
            "Chickpea",
            "chickpeas",
            "Add the chickpeas and stir until coated and warmed through.",
            "2 × 400 g tins chickpeas, drained and rinsed [K]");
    static final Main LENTIL = main(
            "lentil",
            "Lentil",
            "lentils",
            "Add the lentils with a splash of water and simmer until tender, about 20 minutes.",
            "250 g dried green or brown lentils, rinsed [K]");
    static final Main MUSHROOM = main(
            "mushroom",
            "Mushroom",
            "mushrooms",
            "Add the mushrooms and fry over a high heat until browned and their liquid has gone.",
            "400 g chestnut mushrooms, sliced");
    static final Main PANEER = main(
            "paneer",
            "Paneer",
            "paneer",
            "Add the paneer and fry until lightly golden at the edges.",
            "250 g paneer, cut into cubes [D]");
    static final Main CAULIFLOWER = main(
            "cauliflower",
            "Cauliflower",
            "cauliflower",
            "Add the cauliflower with a splash of water, cover and cook until just tender.",
            "1 cauliflower, cut into small florets");
    static final Main SWEET_POTATO = main(
            "sweet-potato",
            "Sweet Potato",
            "sweet potato",
            "Add the sweet potato and cook, stirring now and then, until it starts to soften.",
            "2 sweet potatoes, peeled and diced [K]");
    static final Main HALLOUMI = main(
            "halloumi",
            "Halloumi",
            "halloumi",
            "Fry the halloumi until golden on both sides.",
            "250 g halloumi, sliced [D]");
    static final Main BLACK_BEAN = main(
            "black-bean",
            "Black Bean",
            "black beans",
            "Add the black beans and warm through, crushing a few with the back of a spoon.",
            "2 × 400 g tins black beans, drained [K]");
    static final Main TURKEY = main(
            "turkey",
            "Turkey",
            "turkey",
            "Add the turkey mince and cook, breaking it up, until browned.",
            "500 g turkey mince [C]");
    static final Main SAUSAGE = main(
            "sausage",
            "Sausage",
            "sausages",
            "Brown the sausages all over, then cut each into three.",
            "6 pork sausages [P]");
    static final Main AUBERGINE = main(
            "aubergine",
            "Aubergine",
            "aubergine",
            "Add the aubergine and cook until soft and golden, adding a little more oil if needed.",
            "2 aubergines, cut into chunks");

    /** An English dish into which each of its mains is put, {@code copies} recipes per main. */
    record Family(
            String dish,
            String group,
            String cuisine,
            String titlePattern,
            List<String> prefixes,
            int minutes,
            int servings,
            List<String> tags,
            List<Line> base,
            List<String> steps,
            List<String> descriptions,
            List<Main> mains,
            int copies) {

        List<Draft> drafts(Random random) {
            List<Draft> drafts = new ArrayList<>();
            for (Main main : mains) {
                for (int c = 0; c < copies; c++) {
                    String prefix = c == 0 ? "" : prefixes.get(random.nextInt(prefixes.size()));
                    String title = prefix + titlePattern.replace("{Main}", main.title());
                    int time = Math.max(5, minutes + (random.nextInt(5) - 2) * 5);
                    int[] sizes = {servings, servings, servings + 2, Math.max(1, servings - 2)};
                    int serves = sizes[random.nextInt(sizes.length)];
                    String description = descriptions
                            .get((c + random.nextInt(descriptions.size())) % descriptions.size())
                            .replace("{main}", main.name())
                            .replace("{minutes}", Integer.toString(time));
                    description = Character.toUpperCase(description.charAt(0)) + description.substring(1);
                    List<Line> lines = new ArrayList<>(main.lines());
                    lines.addAll(base);
                    List<String> method = new ArrayList<>();
                    for (String step : steps) {
                        method.add(step.equals("@MAIN") ? main.step() : step.replace("{main}", main.name()));
                    }
                    drafts.add(new Draft(
                            "en",
                            title,
                            description,
                            lines,
                            method,
                            tags,
                            cuisine,
                            time,
                            serves,
                            new Facts(dish, group, main.key())));
                }
            }
            return drafts;
        }
    }

    /** A recipe written whole in one language, posted {@code count} times under its titles. */
    record Written(
            String language,
            String dish,
            String group,
            String main,
            String cuisine,
            List<String> titles,
            List<String> descriptions,
            int minutes,
            int servings,
            List<String> tags,
            List<Line> lines,
            List<String> steps,
            int count) {

        List<Draft> drafts(Random random) {
            List<Draft> drafts = new ArrayList<>();
            for (int c = 0; c < count; c++) {
                int time = Math.max(5, minutes + (random.nextInt(3) - 1) * 5);
                int serves = c % 2 == 0 ? servings : servings + 2;
                drafts.add(new Draft(
                        language,
                        titles.get(c % titles.size()),
                        descriptions.get(c % descriptions.size()),
                        lines,
                        steps,
                        tags,
                        cuisine,
                        time,
                        serves,
                        new Facts(dish, group, main)));
            }
            return drafts;
        }
    }

    private static List<Line> lines(String... specs) {
        return Arrays.stream(specs).map(Line::parse).toList();
    }

    @SafeVarargs
    private static <T> List<T> list(T... values) {
        return List.of(values);
    }

    private static final List<String> EVERYDAY = list("Easy ", "Weeknight ", "Simple ", "Family ", "Homemade ");

    private static Family family(
            String dish,
            String group,
            String cuisine,
            String titlePattern,
            List<String> prefixes,
            int minutes,
            int servings,
            List<String> tags,
            List<String> base,
            List<String> steps,
            List<String> descriptions,
            List<Main> mains,
            int copies) {
        return new Family(
                dish,
                group,
                cuisine,
                titlePattern,
                prefixes,
                minutes,
                servings,
                tags,
                base.stream().map(Line::parse).toList(),
                steps,
                descriptions,
                mains,
                copies);
    }

    static List<Family> families() {
        List<Family> f = new ArrayList<>();
        f.add(family(
                "curry",
                "curry",
                "indian",
                "{Main} Curry",
                list("Easy ", "Weeknight ", "Fragrant ", "Homestyle "),
                45,
                4,
                list("dinner", "curry", "spicy"),
                list(
                        "2 tbsp vegetable oil",
                        "1 large onion, finely chopped",
                        "3 garlic cloves, crushed",
                        "1 thumb-sized piece of ginger, grated",
                        "3 tbsp medium curry paste",
                        "400 g tin chopped tomatoes",
                        "400 ml tin coconut milk",
                        "small bunch of coriander, chopped",
                        "300 g basmati rice, to serve [K]"),
                list(
                        "Heat the oil in a large pan and fry the onion for 8–10 minutes until soft and golden.",
                        "Stir in the garlic, ginger and curry paste and cook for 1 minute until fragrant.",
                        "@MAIN",
                        "Pour in the tomatoes and coconut milk, bring to a simmer and cook for 20 minutes until thickened.",
                        "Cook the rice according to the packet instructions.",
                        "Scatter the curry with coriander and serve with the rice."),
                list(
                        "A {main} curry with tomatoes and coconut milk, warming rather than fiery, ready in {minutes} minutes.",
                        "Our go-to {main} curry: a rich, fragrant sauce built on a good curry paste, served over basmati rice.",
                        "Comforting {main} curry for a weeknight, with ginger, garlic and a creamy coconut sauce."),
                list(CHICKEN, LAMB, PRAWN, CHICKPEA, PANEER, CAULIFLOWER, SWEET_POTATO),
                2));
        f.add(family(
                "tikka-masala",
                "curry",
                "indian",
                "{Main} Tikka Masala",
                list("Easy ", "Restaurant-Style ", "Homemade "),
                50,
                4,
                list("dinner", "curry"),
                list(
                        "150 g natural yoghurt [D]",
                        "2 tsp garam masala",
                        "1 tsp ground turmeric",
                        "1 tsp smoked paprika",
                        "30 g butter [D]",
                        "1 onion, finely chopped",
                        "3 garlic cloves, crushed",
                        "1 thumb-sized piece of ginger, grated",
                        "400 g tomato passata",
                        "150 ml double cream [D]",
                        "300 g basmati rice, to serve [K]"),
                list(
                        "Mix the yoghurt with half the garam masala, the turmeric and the paprika; coat the {main} in it and leave for 20 minutes.",
                        "Melt the butter in a wide pan and soften the onion, garlic and ginger for 8 minutes.",
                        "Add the rest of the garam masala and the passata and simmer for 10 minutes.",
                        "@MAIN",
                        "Stir in the cream and simmer gently for 5 minutes more.",
                        "Serve with basmati rice."),
                list(
                        "Tikka masala made at home: {main} marinated in spiced yoghurt, then simmered in a creamy tomato sauce.",
                        "Better than a takeaway: {main} tikka masala with garam masala, butter and cream, on the table in {minutes} minutes."),
                list(CHICKEN, PANEER, PRAWN, CAULIFLOWER),
                2));
        f.add(family(
                "korma",
                "curry",
                "indian",
                "{Main} Korma",
                list("Mild ", "Creamy ", "Easy "),
                40,
                4,
                list("dinner", "curry", "mild"),
                list(
                        "2 tbsp vegetable oil",
                        "1 onion, finely chopped",
                        "2 garlic cloves, crushed",
                        "2 tbsp korma paste",
                        "50 g ground almonds [N]",
                        "300 ml single cream [D]",
                        "1 tbsp flaked almonds, toasted [N]",
                        "300 g basmati rice, to serve [K]"),
                list(
                        "Heat the oil and cook the onion and garlic gently for 10 minutes without colouring.",
                        "Stir in the korma paste and cook for 2 minutes.",
                        "@MAIN",
                        "Add the ground almonds and cream, cover and simmer for 15 minutes.",
                        "Scatter with the toasted flaked almonds and serve with rice."),
                list(
                        "A mild, creamy {main} korma with ground almonds: the curry for anyone who does not like heat.",
                        "Gentle, nutty and rich, this {main} korma takes {minutes} minutes and pleases the whole family."),
                list(CHICKEN, LAMB, TOFU, CAULIFLOWER),
                2));
        f.add(family(
                "dal",
                "curry",
                "indian",
                "{Main} Dal",
                list("Easy ", "Comforting ", "Everyday "),
                35,
                4,
                list("dinner", "lunch", "budget"),
                list(
                        "250 g red lentils, rinsed [K]",
                        "1 litre water",
                        "1 tsp ground turmeric",
                        "2 tbsp vegetable oil",
                        "1 tsp cumin seeds",
                        "1 onion, finely sliced",
                        "3 garlic cloves, sliced",
                        "1 green chilli, sliced",
                        "juice of 1 lemon"),
                list(
                        "Simmer the lentils with the water and turmeric for 20–25 minutes, stirring, until soft and thick.",
                        "@MAIN",
                        "Heat the oil in a small pan, add the cumin seeds, then the onion, garlic and chilli and fry until golden.",
                        "Pour the spiced oil over the lentils, add the lemon juice and season."),
                list(
                        "A bowl of red lentil dal with {main}, finished with a sizzling tarka of cumin, garlic and chilli.",
                        "Cheap, filling and ready in {minutes} minutes: lentil dal with {main}."),
                list(
                        main(
                                "spinach",
                                "Spinach",
                                "spinach",
                                "Stir the spinach into the lentils until it wilts.",
                                "200 g baby spinach"),
                        main(
                                "red-lentil",
                                "Red Lentil",
                                "coconut",
                                "Stir the coconut milk into the lentils and simmer for 5 minutes.",
                                "200 ml coconut milk"),
                        SWEET_POTATO),
                3));
        f.add(family(
                "stir-fry",
                "stir-fry",
                "chinese",
                "{Main} Stir-Fry",
                list("Quick ", "15-Minute ", "Easy ", "Garlic "),
                20,
                2,
                list("dinner", "stir-fry", "quick"),
                list(
                        "2 tbsp soy sauce [G]",
                        "1 tbsp oyster sauce [S]",
                        "1 tsp cornflour",
                        "1 tbsp vegetable oil",
                        "2 garlic cloves, sliced",
                        "1 thumb-sized piece of ginger, cut into matchsticks",
                        "1 head of broccoli, cut into small florets",
                        "1 red pepper, sliced",
                        "4 spring onions, sliced",
                        "250 g egg noodles, to serve [G][E][K]"),
                list(
                        "Mix the soy sauce, oyster sauce and cornflour with 3 tbsp water.",
                        "Heat the oil in a wok until smoking.",
                        "@MAIN",
                        "Add the garlic, ginger, broccoli and pepper and stir-fry for 3 minutes.",
                        "Pour in the sauce and toss until glossy, then add the spring onions.",
                        "Serve straight away over the noodles."),
                list(
                        "A fast {main} stir-fry with broccoli, peppers and a glossy soy and ginger sauce.",
                        "Faster than a takeaway: {main} stir-fry on noodles in {minutes} minutes."),
                list(CHICKEN, BEEF, PRAWN, TOFU, PORK),
                2));
        f.add(family(
                "fried-rice",
                "rice",
                "chinese",
                "{Main} Fried Rice",
                list("Easy ", "Leftover ", "Special "),
                20,
                2,
                list("dinner", "rice", "leftovers"),
                list(
                        "400 g cooked rice, cold [K]",
                        "2 eggs, beaten [E]",
                        "100 g frozen peas",
                        "2 tbsp soy sauce [G]",
                        "1 tsp sesame oil",
                        "3 spring onions, sliced",
                        "1 tbsp vegetable oil"),
                list(
                        "Heat the vegetable oil in a wok.",
                        "@MAIN",
                        "Push everything to one side, pour in the eggs and scramble them.",
                        "Add the rice and peas and stir-fry until piping hot.",
                        "Season with the soy sauce and sesame oil and scatter with spring onions."),
                list(
                        "Use up yesterday's rice: {main} fried rice with egg, peas and soy sauce.",
                        "Better than the takeaway {main} fried rice, ready in {minutes} minutes."),
                list(CHICKEN, PRAWN, PORK, TOFU),
                2));
        f.add(family(
                "pad-thai",
                "noodles",
                "thai",
                "{Main} Pad Thai",
                list("Easy ", "Quick ", "Classic "),
                30,
                2,
                list("dinner", "noodles"),
                list(
                        "200 g flat rice noodles [K]",
                        "2 tbsp fish sauce [F]",
                        "1 tbsp tamarind paste",
                        "1 tbsp brown sugar [K]",
                        "2 eggs, beaten [E]",
                        "100 g bean sprouts",
                        "3 spring onions, sliced",
                        "50 g roasted peanuts, chopped [N]",
                        "1 lime, cut into wedges"),
                list(
                        "Soak the noodles in boiling water for 5 minutes, then drain.",
                        "Mix the fish sauce, tamarind and sugar.",
                        "@MAIN",
                        "Push to one side and scramble the eggs, then add the noodles and the sauce and toss.",
                        "Add the bean sprouts and spring onions, then serve with the peanuts and lime wedges."),
                list(
                        "{main} pad thai with tamarind, fish sauce, crunchy peanuts and lime, in {minutes} minutes.",
                        "Sweet, sour and salty: a street-food style pad thai with {main}."),
                list(CHICKEN, PRAWN, TOFU),
                3));
        f.add(family(
                "green-curry",
                "curry",
                "thai",
                "Thai Green {Main} Curry",
                list("Easy ", "Quick "),
                30,
                4,
                list("dinner", "curry", "spicy"),
                list(
                        "2 tbsp Thai green curry paste",
                        "400 ml tin coconut milk",
                        "1 tbsp fish sauce [F]",
                        "200 g green beans, trimmed",
                        "1 tsp brown sugar [K]",
                        "handful of Thai basil leaves",
                        "300 g jasmine rice, to serve [K]"),
                list(
                        "Fry the curry paste in a splash of the coconut milk until fragrant.",
                        "@MAIN",
                        "Pour in the rest of the coconut milk, add the green beans and simmer for 10 minutes.",
                        "Season with the fish sauce and sugar and stir in the basil.",
                        "Serve with jasmine rice."),
                list(
                        "A fragrant Thai green curry with {main}, green beans and coconut milk.",
                        "Hot, aromatic Thai green curry with {main} that is quicker than ordering in."),
                list(CHICKEN, PRAWN, TOFU),
                2));
        f.add(family(
                "bolognese",
                "pasta",
                "italian",
                "{Main} Bolognese",
                list("Classic ", "Slow-Cooked ", "Easy ", "Family "),
                60,
                4,
                list("dinner", "pasta", "batch-cooking"),
                list(
                        "2 tbsp olive oil",
                        "1 onion, finely chopped",
                        "1 carrot, finely chopped",
                        "1 celery stick, finely chopped",
                        "2 garlic cloves, crushed",
                        "150 ml red wine [A]",
                        "2 × 400 g tins chopped tomatoes",
                        "400 g spaghetti [G][K]",
                        "grated parmesan, to serve [D]"),
                list(
                        "Heat the oil and soften the onion, carrot, celery and garlic for 10 minutes.",
                        "@MAIN",
                        "Pour in the wine and let it bubble away, then add the tomatoes.",
                        "Simmer gently for 40 minutes, stirring now and then, until thick.",
                        "Cook the spaghetti, toss with the sauce and serve with parmesan."),
                list(
                        "A rich {main} bolognese simmered with red wine and tomatoes, served over spaghetti.",
                        "Spaghetti bolognese the slow way: {main}, soffritto and wine, worth every one of its {minutes} minutes."),
                list(
                        main(
                                "beef",
                                "Spaghetti",
                                "beef mince",
                                "Add the beef mince and brown it, breaking it up with a spoon.",
                                "500 g beef mince [M]"),
                        main(
                                "lentil",
                                "Lentil",
                                "lentils",
                                "Add the lentils with 300 ml water; they cook in the sauce.",
                                "200 g dried green lentils, rinsed [K]"),
                        TURKEY,
                        MUSHROOM),
                3));
        f.add(family(
                "lasagne",
                "pasta",
                "italian",
                "{Main}",
                list("Classic ", "Easy ", "Family "),
                90,
                6,
                list("dinner", "pasta", "baked"),
                list(
                        "12 dried lasagne sheets [G][E][K]",
                        "50 g butter [D]",
                        "50 g plain flour [G][K]",
                        "600 ml milk [D]",
                        "125 g mozzarella, torn [D]",
                        "40 g parmesan, grated [D]",
                        "2 × 400 g tins chopped tomatoes",
                        "1 onion, chopped",
                        "2 garlic cloves, crushed"),
                list(
                        "Soften the onion and garlic, add the tomatoes and simmer for 15 minutes.",
                        "@MAIN",
                        "Melt the butter, stir in the flour, then whisk in the milk a little at a time until you have a smooth white sauce.",
                        "Layer the sauce, lasagne sheets and white sauce in a baking dish, three times over.",
                        "Top with the mozzarella and parmesan and bake at 190°C for 40 minutes until bubbling and golden."),
                list(
                        "Layers of pasta, {main} ragù and béchamel, baked until golden: a lasagne to feed a crowd.",
                        "Our favourite lasagna: {main}, tomato, a silky white sauce and plenty of cheese."),
                list(
                        main(
                                "beef",
                                "Beef Lasagne",
                                "beef",
                                "Brown the beef mince separately and stir it into the tomato sauce.",
                                "500 g beef mince [M]"),
                        main(
                                "beef",
                                "Lasagna",
                                "beef",
                                "Brown the beef mince and Italian sausage and stir them into the tomato sauce.",
                                "400 g beef mince [M]",
                                "200 g Italian sausage, skinned [P]"),
                        main(
                                "spinach",
                                "Spinach and Ricotta Lasagne",
                                "spinach and ricotta",
                                "Wilt the spinach, squeeze it dry and mix it with the ricotta for an extra layer.",
                                "300 g spinach",
                                "250 g ricotta [D]"),
                        main(
                                "vegetable",
                                "Roasted Vegetable Lasagna",
                                "roasted vegetable",
                                "Roast the courgette, pepper and aubergine for 25 minutes and stir them into the tomato sauce.",
                                "1 courgette, diced",
                                "1 red pepper, diced",
                                "1 aubergine, diced"),
                        MUSHROOM_LASAGNE),
                2));
        f.add(family(
                "carbonara",
                "pasta",
                "italian",
                "{Main} Carbonara",
                list("Classic ", "Silky ", "Quick ", "Authentic "),
                20,
                2,
                list("dinner", "pasta", "quick"),
                list(
                        "200 g spaghetti [G][K]",
                        "2 large eggs plus 1 yolk [E]",
                        "50 g pecorino romano, finely grated [D]",
                        "freshly ground black pepper"),
                list(
                        "Cook the spaghetti in well-salted water.",
                        "@MAIN",
                        "Beat the eggs and yolk with the pecorino and plenty of black pepper.",
                        "Drain the pasta, keeping a cup of the water, and toss it off the heat with the egg mixture, loosening with the water until silky."),
                list(
                        "Carbonara the Roman way, no cream: {main}, eggs, pecorino and black pepper.",
                        "Silky spaghetti carbonara with {main} in {minutes} minutes."),
                list(
                        main(
                                "bacon",
                                "Spaghetti",
                                "guanciale",
                                "Fry the guanciale in a dry pan until crisp and the fat has run.",
                                "150 g guanciale or pancetta, diced [P]"),
                        main(
                                "bacon",
                                "Bacon",
                                "bacon",
                                "Fry the bacon in a dry pan until crisp.",
                                "150 g smoked streaky bacon, chopped [P]"),
                        main(
                                "mushroom",
                                "Mushroom",
                                "mushrooms",
                                "Fry the mushrooms in butter until golden.",
                                "250 g mushrooms, sliced",
                                "15 g butter [D]"),
                        main(
                                "courgette",
                                "Courgette",
                                "courgettes",
                                "Fry the courgettes in olive oil until soft and lightly golden.",
                                "2 courgettes, grated")),
                2));
        f.add(family(
                "pesto-pasta",
                "pasta",
                "italian",
                "{Main} Pesto Pasta",
                list("Quick ", "Easy ", "Summer "),
                15,
                2,
                list("lunch", "pasta", "quick"),
                list(
                        "250 g penne [G][K]",
                        "4 tbsp basil pesto [D][N]",
                        "handful of cherry tomatoes, halved",
                        "25 g parmesan, shaved [D]",
                        "a few basil leaves"),
                list(
                        "Cook the penne until al dente.",
                        "@MAIN",
                        "Drain the pasta and toss with the pesto, tomatoes and {main}.",
                        "Serve topped with parmesan and basil."),
                list(
                        "A fifteen-minute pasta with basil pesto, cherry tomatoes and {main}.",
                        "Green, fresh pesto pasta with {main}: a lunch box favourite."),
                list(
                        CHICKEN,
                        PRAWN,
                        main(
                                "pea",
                                "Pea and Courgette",
                                "peas and courgette",
                                "Add the peas and courgette to the pasta for its last 3 minutes.",
                                "150 g frozen peas",
                                "1 courgette, diced")),
                2));
        f.add(family(
                "risotto",
                "rice",
                "italian",
                "{Main} Risotto",
                list("Creamy ", "Easy ", "Oven-Baked "),
                40,
                4,
                list("dinner", "rice"),
                list(
                        "1 tbsp olive oil",
                        "30 g butter [D]",
                        "1 onion, finely chopped",
                        "300 g arborio rice [K]",
                        "150 ml dry white wine [A]",
                        "1.2 litres hot vegetable stock",
                        "40 g parmesan, grated [D]"),
                list(
                        "Melt half the butter with the oil and soften the onion.",
                        "Stir in the rice for a minute, then pour in the wine and let it bubble away.",
                        "Add the stock a ladle at a time, stirring, for about 20 minutes until the rice is creamy but still has bite.",
                        "@MAIN",
                        "Beat in the rest of the butter and the parmesan, cover and rest for 2 minutes."),
                list(
                        "A creamy {main} risotto finished with butter and parmesan.",
                        "Stir, pour, stir again: {main} risotto takes {minutes} minutes and is worth them."),
                list(
                        MUSHROOM,
                        main(
                                "butternut-squash",
                                "Butternut Squash",
                                "squash",
                                "Stir in the roasted squash, mashing some of it into the rice.",
                                "1 small butternut squash, roasted in cubes"),
                        PRAWN,
                        CHICKEN,
                        main(
                                "pea",
                                "Pea and Lemon",
                                "peas and lemon",
                                "Add the peas and lemon zest for the last 3 minutes.",
                                "200 g frozen peas",
                                "zest of 1 lemon")),
                2));
        f.add(family(
                "pizza",
                "pizza",
                "italian",
                "{Main} Pizza",
                list("Homemade ", "Easy ", "Thin-Crust "),
                45,
                2,
                list("dinner", "pizza", "baking"),
                list(
                        "300 g strong white bread flour [G][K]",
                        "7 g fast-action dried yeast",
                        "200 ml warm water",
                        "1 tbsp olive oil",
                        "150 ml tomato passata",
                        "125 g mozzarella, torn [D]"),
                list(
                        "Mix the flour, yeast, a pinch of salt, the water and the oil into a soft dough and knead for 5 minutes.",
                        "Leave to rise for 20 minutes, then roll out into two thin bases.",
                        "Spread with the passata and scatter with mozzarella.",
                        "@MAIN",
                        "Bake on a hot tray at 240°C for 10–12 minutes until crisp."),
                list(
                        "A homemade pizza with a thin, crisp base, tomato, mozzarella and {main}.",
                        "Friday night {main} pizza from scratch in {minutes} minutes."),
                list(
                        main(
                                "margherita",
                                "Margherita",
                                "basil",
                                "Tear over the basil leaves.",
                                "handful of basil leaves"),
                        main(
                                "pepperoni",
                                "Pepperoni",
                                "pepperoni",
                                "Lay the pepperoni slices over the cheese.",
                                "80 g pepperoni, sliced [P]"),
                        main(
                                "mushroom",
                                "Mushroom",
                                "mushrooms",
                                "Scatter over the mushrooms.",
                                "150 g mushrooms, thinly sliced"),
                        main(
                                "ham",
                                "Ham and Pineapple",
                                "ham and pineapple",
                                "Scatter over the ham and pineapple.",
                                "100 g cooked ham, torn [P]",
                                "100 g pineapple chunks [K]")),
                2));
        f.add(family(
                "tacos",
                "tacos",
                "mexican",
                "{Main} Tacos",
                list("Easy ", "Street-Style ", "Smoky "),
                30,
                4,
                list("dinner", "tacos"),
                list(
                        "8 small corn tortillas [K]",
                        "1 tsp ground cumin",
                        "1 tsp smoked paprika",
                        "1 ripe avocado, sliced",
                        "2 limes",
                        "small bunch of coriander",
                        "4 tbsp tomato salsa",
                        "1 red onion, finely sliced"),
                list(
                        "Squeeze a lime over the red onion and leave to pickle while you cook.",
                        "Toss the {main} with the cumin and paprika.",
                        "@MAIN",
                        "Warm the tortillas in a dry pan.",
                        "Fill the tortillas with the {main}, avocado, salsa, pickled onion and coriander, with lime wedges on the side."),
                list(
                        "Smoky {main} tacos with avocado, quick-pickled onion and salsa.",
                        "Taco night: {main} in warm corn tortillas, ready in {minutes} minutes."),
                list(CHICKEN, BEEF, COD, BLACK_BEAN, PRAWN),
                2));
        f.add(family(
                "chili",
                "stew",
                "mexican",
                "{Main} Chilli",
                list("Easy ", "Smoky ", "Slow-Cooker "),
                60,
                6,
                list("dinner", "batch-cooking", "spicy"),
                list(
                        "2 tbsp olive oil",
                        "1 onion, chopped",
                        "2 garlic cloves, crushed",
                        "1 red pepper, chopped",
                        "2 tsp chilli powder",
                        "1 tsp ground cumin",
                        "2 × 400 g tins chopped tomatoes",
                        "400 g tin kidney beans, drained [K]"),
                list(
                        "Soften the onion, garlic and pepper in the oil for 8 minutes.",
                        "Stir in the chilli powder and cumin.",
                        "@MAIN",
                        "Add the tomatoes and beans and simmer for 40 minutes until thick.",
                        "Serve with rice, tortilla chips or baked potatoes."),
                list(
                        "A big pot of {main} chilli con carne style, smoky with cumin, for the freezer.",
                        "Warming {main} chilli with kidney beans; better the next day."),
                list(
                        main(
                                "beef",
                                "Beef",
                                "beef mince",
                                "Add the beef mince and brown it well.",
                                "500 g beef mince [M]"),
                        TURKEY,
                        SWEET_POTATO,
                        BLACK_BEAN),
                2));
        f.add(family(
                "fajitas",
                "tacos",
                "mexican",
                "{Main} Fajitas",
                list("Sizzling ", "Easy "),
                25,
                4,
                list("dinner", "quick"),
                list(
                        "8 flour tortillas [G][K]",
                        "2 peppers, sliced",
                        "1 onion, sliced",
                        "2 tsp fajita seasoning",
                        "100 ml soured cream [D]",
                        "1 lime"),
                list(
                        "Toss the {main}, peppers and onion with the seasoning.",
                        "@MAIN",
                        "Add the peppers and onion and cook over a high heat until charred at the edges.",
                        "Squeeze over the lime and serve in warm tortillas with soured cream."),
                list(
                        "Sizzling {main} fajitas with charred peppers, straight from the pan to the table.",
                        "{minutes}-minute {main} fajitas the whole family builds at the table."),
                list(CHICKEN, BEEF, HALLOUMI),
                2));
        f.add(family(
                "tagine",
                "stew",
                "moroccan",
                "{Main} Tagine",
                list("Slow-Cooked ", "Easy ", "Fragrant "),
                90,
                4,
                list("dinner", "stew"),
                list(
                        "2 tbsp olive oil",
                        "1 onion, chopped",
                        "2 garlic cloves, crushed",
                        "2 tsp ras el hanout",
                        "1 cinnamon stick",
                        "400 g tin chopped tomatoes",
                        "100 g dried apricots [K]",
                        "1 preserved lemon, chopped",
                        "250 g couscous, to serve [G][K]",
                        "handful of mint leaves"),
                list(
                        "Heat the oil in a tagine or casserole and soften the onion and garlic.",
                        "@MAIN",
                        "Stir in the ras el hanout and cinnamon, then the tomatoes, apricots and 300 ml water.",
                        "Cover and cook gently for an hour until tender.",
                        "Stir in the preserved lemon, scatter with mint and serve with couscous."),
                list(
                        "A sweet and fragrant Moroccan {main} tagine with apricots and preserved lemon.",
                        "Slow-cooked {main} tagine, spiced with ras el hanout, with fluffy couscous."),
                list(LAMB, CHICKEN, CHICKPEA),
                2));
        f.add(family(
                "shakshuka",
                "eggs",
                "middle-eastern",
                "{Main}",
                list("Easy ", "Brunch "),
                30,
                2,
                list("breakfast", "brunch", "eggs"),
                list(
                        "2 tbsp olive oil",
                        "1 onion, sliced",
                        "1 red pepper, sliced",
                        "2 garlic cloves, sliced",
                        "1 tsp ground cumin",
                        "1 tsp smoked paprika",
                        "400 g tin chopped tomatoes",
                        "4 eggs [E]",
                        "small bunch of parsley, chopped"),
                list(
                        "Soften the onion and pepper in the oil for 10 minutes, then add the garlic and spices.",
                        "Pour in the tomatoes and simmer for 10 minutes until thick.",
                        "@MAIN",
                        "Make four hollows, crack an egg into each, cover and cook for 6–8 minutes until the whites are set.",
                        "Scatter with parsley and serve with bread for dipping."),
                list(
                        "Eggs poached in a spiced tomato and pepper sauce: shakshuka for a slow weekend brunch.",
                        "One-pan shakshuka, ready in {minutes} minutes, with {main}."),
                list(
                        main("shakshuka", "Shakshuka", "cumin", "Season the sauce well.", "pinch of chilli flakes"),
                        main(
                                "feta",
                                "Shakshuka with Feta",
                                "feta",
                                "Crumble the feta over the sauce.",
                                "100 g feta [D]"),
                        main(
                                "chorizo",
                                "Chorizo Shakshuka",
                                "chorizo",
                                "Fry the chorizo until it releases its oil, then stir it into the sauce.",
                                "100 g chorizo, diced [P]"),
                        main(
                                "spinach",
                                "Green Shakshuka",
                                "spinach",
                                "Stir in the spinach until wilted.",
                                "200 g spinach")),
                2));
        f.add(family(
                "falafel",
                "falafel",
                "middle-eastern",
                "{Main}",
                list("Crispy ", "Easy ", "Homemade "),
                40,
                4,
                list("lunch", "dinner"),
                list(
                        "250 g dried chickpeas, soaked overnight [K]",
                        "1 small onion",
                        "3 garlic cloves",
                        "large bunch of parsley",
                        "large bunch of coriander",
                        "2 tsp ground cumin",
                        "1 tsp ground coriander",
                        "3 tbsp tahini",
                        "juice of 1 lemon",
                        "vegetable oil, for frying"),
                list(
                        "Blitz the drained chickpeas with the onion, garlic, herbs and spices until finely chopped but not a paste.",
                        "Shape into 20 small patties and chill for 15 minutes.",
                        "Fry in hot oil for 3–4 minutes until deep golden, then drain.",
                        "Whisk the tahini with the lemon juice and a little water.",
                        "@MAIN"),
                list(
                        "Crisp, green-flecked falafel made from soaked chickpeas, with lemony tahini sauce.",
                        "Homemade falafel that stays crunchy outside and fluffy inside, with {main}."),
                list(
                        main("falafel", "Falafel", "tahini sauce", "Serve hot with the tahini sauce."),
                        main(
                                "wrap",
                                "Falafel Wraps",
                                "warm flatbreads",
                                "Wrap in warm flatbreads with salad and the sauce.",
                                "4 flatbreads [G][K]"),
                        main(
                                "bowl",
                                "Falafel Bowls",
                                "salad and hummus",
                                "Serve over salad with hummus and the sauce.",
                                "4 tbsp hummus",
                                "1 cucumber, diced")),
                3));
        f.add(family(
                "soup",
                "soup",
                "british",
                "{Main} Soup",
                list("Easy ", "Creamy ", "Hearty ", "Simple "),
                35,
                4,
                list("lunch", "soup"),
                list("1 tbsp olive oil", "1 onion, chopped", "1 garlic clove, crushed", "1 litre vegetable stock"),
                list(
                        "Heat the oil in a large pan and soften the onion and garlic for 8 minutes.",
                        "@MAIN",
                        "Pour in the stock and simmer for 20 minutes.",
                        "Blend until smooth, season and serve."),
                list(
                        "A warming, smooth {main} soup for cold days.",
                        "Simple {main} soup, ready in {minutes} minutes, good for lunch boxes and the freezer."),
                list(
                        main(
                                "tomato",
                                "Tomato and Basil",
                                "tomato and basil",
                                "Add the tomatoes and basil and cook for 5 minutes.",
                                "2 × 400 g tins plum tomatoes",
                                "handful of basil leaves"),
                        main(
                                "butternut-squash",
                                "Butternut Squash",
                                "butternut squash",
                                "Add the squash and cook for 5 minutes.",
                                "1 butternut squash, peeled and diced"),
                        main(
                                "carrot",
                                "Carrot and Coriander",
                                "carrot and coriander",
                                "Add the carrots and ground coriander and cook for 5 minutes.",
                                "600 g carrots, sliced",
                                "1 tsp ground coriander",
                                "small bunch of fresh coriander"),
                        main(
                                "leek",
                                "Leek and Potato",
                                "leek and potato",
                                "Add the leeks and potatoes and sweat for 10 minutes.",
                                "3 leeks, sliced",
                                "2 potatoes, diced [K]"),
                        main(
                                "mushroom",
                                "Mushroom",
                                "mushroom",
                                "Add the mushrooms and cook until soft.",
                                "500 g mushrooms, sliced",
                                "100 ml double cream [D]"),
                        main(
                                "lentil",
                                "Red Lentil",
                                "red lentil",
                                "Add the lentils and cumin.",
                                "200 g red lentils [K]",
                                "1 tsp ground cumin"),
                        main(
                                "pea",
                                "Pea and Mint",
                                "pea and mint",
                                "Add the peas and mint and cook for 3 minutes.",
                                "500 g frozen peas",
                                "handful of mint leaves")),
                2));
        f.add(family(
                "chicken-soup",
                "soup",
                "american",
                "{Main}",
                list("Easy ", "Homemade "),
                60,
                6,
                list("dinner", "soup"),
                list(
                        "1 tbsp olive oil",
                        "1 onion, chopped",
                        "2 carrots, sliced",
                        "2 celery sticks, sliced",
                        "1.5 litres chicken stock [C]",
                        "2 bay leaves",
                        "small bunch of parsley, chopped"),
                list(
                        "Soften the onion, carrots and celery in the oil.",
                        "Add the stock, bay leaves and chicken and simmer for 30 minutes.",
                        "Lift out the chicken, shred it and return it to the pan.",
                        "@MAIN",
                        "Stir in the parsley and season."),
                list(
                        "The soup for a cold: chicken, vegetables and {main} in a clear broth.",
                        "A big pot of homemade chicken soup with {main}, ready in about an hour."),
                list(
                        main(
                                "chicken",
                                "Chicken Noodle Soup",
                                "noodles",
                                "Add the noodles and cook for 6 minutes.",
                                "2 chicken breasts [C]",
                                "100 g egg noodles [G][E][K]"),
                        main(
                                "chicken",
                                "Chicken and Rice Soup",
                                "rice",
                                "Add the rice and simmer for 15 minutes.",
                                "2 chicken breasts [C]",
                                "100 g long-grain rice [K]")),
                3));
        f.add(family(
                "onion-soup",
                "soup",
                "french",
                "{Main}",
                list("Classic ", "Easy "),
                75,
                4,
                list("dinner", "soup"),
                list(
                        "50 g butter [D]",
                        "1 kg onions, thinly sliced",
                        "1 tsp sugar [K]",
                        "150 ml dry white wine [A]",
                        "1.2 litres beef stock [M]",
                        "4 slices of baguette [G][K]",
                        "100 g gruyère, grated [D]"),
                list(
                        "Melt the butter and cook the onions very slowly, stirring, for 45 minutes until deep brown and sweet.",
                        "Add the sugar, then the wine and let it reduce.",
                        "Pour in the stock and simmer for 15 minutes.",
                        "@MAIN"),
                list(
                        "French onion soup with slowly caramelised onions and a bubbling cheese crouton.",
                        "The bistro classic at home: onion soup gratinée with gruyère."),
                list(main(
                        "onion",
                        "French Onion Soup",
                        "gruyère",
                        "Ladle into bowls, top with the bread and cheese and grill until bubbling.")),
                4));
        f.add(family(
                "caesar-salad",
                "salad",
                "american",
                "{Main} Caesar Salad",
                list("Classic ", "Easy "),
                25,
                2,
                list("lunch", "salad"),
                list(
                        "1 large romaine lettuce",
                        "2 anchovy fillets [F]",
                        "1 egg yolk [E]",
                        "1 garlic clove",
                        "1 tsp Dijon mustard",
                        "juice of ½ lemon",
                        "4 tbsp olive oil",
                        "30 g parmesan, grated [D]",
                        "2 slices of bread, cubed, for croutons [G][K]"),
                list(
                        "Mash the anchovies and garlic, then whisk in the egg yolk, mustard, lemon and oil to make the dressing.",
                        "Toss the bread cubes in oil and bake at 200°C for 8 minutes to make croutons.",
                        "@MAIN",
                        "Toss the lettuce with the dressing, top with the {main}, croutons and parmesan."),
                list(
                        "A proper Caesar salad with anchovy dressing, crunchy croutons and {main}.",
                        "Crisp romaine, parmesan and {main}: Caesar salad for lunch in {minutes} minutes."),
                list(
                        main(
                                "chicken",
                                "Chicken",
                                "chicken",
                                "Grill the chicken for 6 minutes a side and slice it.",
                                "2 chicken breasts [C]"),
                        PRAWN,
                        main(
                                "kale",
                                "Kale",
                                "kale",
                                "Massage the kale with a little of the dressing.",
                                "200 g kale, stalks removed")),
                2));
        f.add(family(
                "greek-salad",
                "salad",
                "greek",
                "{Main}",
                list("Easy ", "Summer "),
                15,
                4,
                list("lunch", "salad", "summer"),
                list(
                        "4 ripe tomatoes, cut into wedges",
                        "1 cucumber, sliced",
                        "1 red onion, thinly sliced",
                        "100 g kalamata olives",
                        "1 tsp dried oregano",
                        "4 tbsp extra virgin olive oil",
                        "1 tbsp red wine vinegar"),
                list(
                        "Put the tomatoes, cucumber, onion and olives in a bowl.",
                        "@MAIN",
                        "Sprinkle with oregano, drizzle with the oil and vinegar and serve."),
                list(
                        "A village salad of ripe tomatoes, cucumber and olives with {main}.",
                        "The taste of a Greek summer in {minutes} minutes: horiatiki with {main}."),
                list(
                        main("feta", "Greek Salad", "a slab of feta", "Lay the feta on top.", "200 g feta [D]"),
                        main(
                                "chickpea",
                                "Greek Chickpea Salad",
                                "chickpeas",
                                "Add the chickpeas and toss.",
                                "400 g tin chickpeas, drained [K]")),
                3));
        f.add(family(
                "shepherds-pie",
                "pie",
                "british",
                "{Main}",
                list("Classic ", "Easy ", "Family "),
                80,
                4,
                list("dinner", "baked", "comfort-food"),
                list(
                        "1 tbsp olive oil",
                        "1 onion, chopped",
                        "2 carrots, diced",
                        "2 tbsp tomato purée",
                        "500 ml stock",
                        "1 kg floury potatoes, peeled [K]",
                        "50 g butter [D]",
                        "100 ml milk [D]"),
                list(
                        "Boil the potatoes until tender, then mash with the butter and milk.",
                        "Soften the onion and carrots in the oil.",
                        "@MAIN",
                        "Stir in the tomato purée and stock and simmer for 20 minutes.",
                        "Spoon into a dish, top with the mash and bake at 200°C for 25 minutes until golden."),
                list(
                        "A rich {main} filling under fluffy mashed potato, baked until golden.",
                        "Comfort in a dish: {main} pie with a buttery mash topping."),
                list(
                        main(
                                "lamb",
                                "Shepherd's Pie",
                                "lamb mince",
                                "Add the lamb mince and brown it well.",
                                "500 g lamb mince [M]"),
                        main(
                                "beef",
                                "Cottage Pie",
                                "beef mince",
                                "Add the beef mince and brown it well.",
                                "500 g beef mince [M]"),
                        main(
                                "lentil",
                                "Lentil Shepherd's Pie",
                                "lentils",
                                "Add the lentils; they cook in the stock.",
                                "200 g green lentils [K]")),
                3));
        f.add(family(
                "fish-pie",
                "pie",
                "british",
                "{Main} Fish Pie",
                list("Easy ", "Creamy ", "Family "),
                60,
                4,
                list("dinner", "baked", "comfort-food"),
                list(
                        "1 kg floury potatoes, peeled [K]",
                        "50 g butter [D]",
                        "600 ml milk [D]",
                        "40 g plain flour [G][K]",
                        "small bunch of parsley, chopped",
                        "2 eggs, hard-boiled and quartered [E]"),
                list(
                        "Boil and mash the potatoes with half the butter and a splash of milk.",
                        "Poach the fish in the rest of the milk for 5 minutes, then lift it out and flake it.",
                        "Melt the remaining butter, stir in the flour, then whisk in the poaching milk to make a sauce.",
                        "@MAIN",
                        "Top with the mash and bake at 200°C for 30 minutes."),
                list(
                        "A creamy fish pie with {main}, eggs and parsley under buttery mash.",
                        "Friday's fish pie: {main} in a parsley sauce, topped with mash."),
                list(
                        main(
                                "cod",
                                "Cod",
                                "cod and prawns",
                                "Fold the fish, prawns, eggs and parsley into the sauce.",
                                "400 g cod fillet [F]",
                                "150 g cooked prawns [S]"),
                        main(
                                "salmon",
                                "Salmon and Smoked Haddock",
                                "salmon and smoked haddock",
                                "Fold the fish, eggs and parsley into the sauce.",
                                "300 g salmon fillet [F]",
                                "300 g smoked haddock [F]")),
                4));
        f.add(family(
                "stew",
                "stew",
                "british",
                "{Main} Stew",
                list("Hearty ", "Slow-Cooked ", "Winter "),
                150,
                6,
                list("dinner", "stew", "comfort-food"),
                list(
                        "2 tbsp plain flour [G][K]",
                        "2 tbsp olive oil",
                        "2 onions, chopped",
                        "3 carrots, chunked",
                        "2 celery sticks, sliced",
                        "2 tbsp tomato purée",
                        "500 ml stock",
                        "2 bay leaves",
                        "few sprigs of thyme"),
                list(
                        "Toss the {main} in the flour.",
                        "@MAIN",
                        "Soften the onions, carrots and celery in the same pan.",
                        "Return everything, add the tomato purée, stock and herbs, cover and cook in the oven at 160°C for 2 hours.",
                        "Season and serve with mash or crusty bread."),
                list(
                        "A hearty {main} stew, slowly cooked until tender, for a cold evening.",
                        "Winter comfort: {main} stew with root vegetables and herbs."),
                list(
                        main(
                                "beef",
                                "Beef and Ale",
                                "beef",
                                "Brown the beef in batches, then pour in the ale.",
                                "1 kg stewing beef, diced [M]",
                                "330 ml bottle of ale [A][G]"),
                        main(
                                "chicken",
                                "Chicken and Vegetable",
                                "chicken",
                                "Brown the chicken thighs.",
                                "8 chicken thighs [C]"),
                        main(
                                "bean",
                                "Bean and Barley",
                                "beans",
                                "Add the beans and barley with the stock.",
                                "2 × 400 g tins cannellini beans [K]",
                                "100 g pearl barley [G][K]"),
                        SAUSAGE),
                2));
        f.add(family(
                "burger",
                "burger",
                "american",
                "{Main} Burgers",
                list("Juicy ", "Homemade ", "Loaded "),
                30,
                4,
                list("dinner", "bbq"),
                list(
                        "4 brioche buns [G][E][D][K]",
                        "4 lettuce leaves",
                        "2 tomatoes, sliced",
                        "1 red onion, sliced",
                        "4 tbsp burger relish"),
                list(
                        "@MAIN",
                        "Toast the buns on the grill.",
                        "Build the burgers with lettuce, tomato, onion and relish."),
                list(
                        "Homemade {main} burgers that beat any drive-through.",
                        "Barbecue-ready {main} burgers in {minutes} minutes."),
                list(
                        main(
                                "beef",
                                "Beef",
                                "beef",
                                "Shape the mince into 4 patties, season and grill for 4 minutes a side.",
                                "600 g beef mince, 20% fat [M]",
                                "4 slices of cheddar [D]"),
                        main(
                                "chicken",
                                "Crispy Chicken",
                                "chicken",
                                "Coat the chicken in the buttermilk, then the breadcrumbs, and fry until golden.",
                                "4 chicken thighs [C]",
                                "150 ml buttermilk [D]",
                                "100 g panko breadcrumbs [G][K]"),
                        main(
                                "bean",
                                "Black Bean",
                                "black beans",
                                "Mash the beans with the breadcrumbs and cumin, shape into patties and fry.",
                                "2 × 400 g tins black beans [K]",
                                "50 g breadcrumbs [G][K]",
                                "1 tsp ground cumin"),
                        main(
                                "lamb",
                                "Lamb and Feta",
                                "lamb",
                                "Mix the mince with the feta and mint, shape and grill.",
                                "500 g lamb mince [M]",
                                "100 g feta [D]",
                                "handful of mint")),
                2));
        f.add(family(
                "pancakes",
                "pancakes",
                "american",
                "{Main} Pancakes",
                list("Fluffy ", "Easy ", "Weekend "),
                25,
                4,
                list("breakfast", "sweet"),
                list(
                        "200 g self-raising flour [G][K]",
                        "1 tsp baking powder",
                        "1 tbsp caster sugar [K]",
                        "2 eggs [E]",
                        "250 ml milk [D]",
                        "knob of butter, for frying [D]",
                        "maple syrup, to serve [K]"),
                list(
                        "Whisk the flour, baking powder and sugar with the eggs and milk to a thick batter.",
                        "@MAIN",
                        "Cook ladlefuls in a buttered pan for 2 minutes a side until golden and risen.",
                        "Serve stacked with maple syrup."),
                list(
                        "Thick, fluffy American-style pancakes with {main}.",
                        "Weekend breakfast sorted: {main} pancakes in {minutes} minutes."),
                list(
                        main(
                                "blueberry",
                                "Blueberry",
                                "blueberries",
                                "Fold the blueberries into the batter.",
                                "150 g blueberries"),
                        main("banana", "Banana", "banana", "Mash the banana into the batter.", "2 ripe bananas [K]"),
                        main(
                                "buttermilk",
                                "Buttermilk",
                                "buttermilk",
                                "Swap half the milk for buttermilk.",
                                "150 ml buttermilk [D]"),
                        main(
                                "chocolate",
                                "Chocolate Chip",
                                "chocolate chips",
                                "Stir in the chocolate chips.",
                                "75 g chocolate chips [D][K]")),
                2));
        f.add(family(
                "frittata",
                "eggs",
                "italian",
                "{Main} Frittata",
                list("Easy ", "Oven-Baked ", "Quick "),
                25,
                4,
                list("brunch", "eggs", "lunch"),
                list("8 eggs [E]", "1 tbsp olive oil", "1 onion, sliced", "30 g parmesan, grated [D]"),
                list(
                        "Heat the oven grill.",
                        "Soften the onion in the oil in an ovenproof pan.",
                        "@MAIN",
                        "Beat the eggs with the parmesan, pour into the pan and cook gently for 8 minutes.",
                        "Finish under the grill until set and golden."),
                list(
                        "A thick {main} frittata, good warm or cold in a lunch box.",
                        "Use up what is in the fridge: {main} frittata in {minutes} minutes."),
                list(
                        main(
                                "potato",
                                "Potato and Onion",
                                "potato",
                                "Add the sliced cooked potatoes and warm through.",
                                "400 g cooked new potatoes, sliced [K]"),
                        main(
                                "spinach",
                                "Spinach and Feta",
                                "spinach and feta",
                                "Wilt the spinach, then crumble in the feta.",
                                "200 g spinach",
                                "100 g feta [D]"),
                        main(
                                "ham",
                                "Ham and Cheese",
                                "ham and cheese",
                                "Scatter in the ham and cheddar.",
                                "100 g ham, chopped [P]",
                                "50 g cheddar, grated [D]"),
                        MUSHROOM),
                2));
        f.add(family(
                "porridge",
                "breakfast",
                "british",
                "{Main} Porridge",
                list("Creamy ", "Easy ", "Winter "),
                10,
                2,
                list("breakfast", "quick"),
                list("100 g porridge oats [G][K]", "500 ml milk [D]", "pinch of salt"),
                list(
                        "Put the oats, milk and salt in a pan and bring to the boil.",
                        "Simmer, stirring, for 4–5 minutes until thick and creamy.",
                        "@MAIN"),
                list(
                        "A bowl of creamy porridge with {main}: breakfast in {minutes} minutes.",
                        "Warming {main} porridge for cold mornings."),
                list(
                        main(
                                "banana",
                                "Banana and Cinnamon",
                                "banana and cinnamon",
                                "Top with sliced banana and a pinch of cinnamon.",
                                "1 banana, sliced [K]",
                                "½ tsp ground cinnamon"),
                        main(
                                "berry",
                                "Berry",
                                "berries",
                                "Top with the berries and a spoonful of honey.",
                                "150 g mixed berries",
                                "1 tbsp honey [H][K]"),
                        main(
                                "apple",
                                "Apple and Walnut",
                                "apple and walnuts",
                                "Stir in the grated apple and top with walnuts.",
                                "1 apple, grated",
                                "30 g walnuts [N]")),
                2));
        f.add(family(
                "cake",
                "cake",
                "british",
                "{Main} Cake",
                list("Easy ", "Moist ", "Best ", "Simple "),
                60,
                10,
                list("dessert", "baking", "sweet"),
                list(
                        "200 g self-raising flour [G][K]",
                        "200 g caster sugar [K]",
                        "200 g butter, softened [D]",
                        "4 eggs [E]",
                        "2 tbsp milk [D]"),
                list(
                        "Heat the oven to 180°C and line a 20 cm tin.",
                        "Beat the butter and sugar until pale, then beat in the eggs one at a time.",
                        "Fold in the flour and milk.",
                        "@MAIN",
                        "Bake for 40–45 minutes until a skewer comes out clean, then cool."),
                list(
                        "A tender, easy {main} cake for birthdays and afternoon tea.",
                        "One bowl and an hour: a {main} cake everyone asks the recipe for."),
                list(
                        main(
                                "chocolate",
                                "Chocolate",
                                "chocolate",
                                "Fold in the cocoa and melted chocolate, then pour into the tin.",
                                "50 g cocoa powder",
                                "100 g dark chocolate, melted [K]"),
                        main(
                                "lemon",
                                "Lemon Drizzle",
                                "lemon",
                                "Add the lemon zest; once baked, pour the lemon juice and sugar over the warm cake.",
                                "zest and juice of 2 lemons",
                                "100 g icing sugar [K]"),
                        main(
                                "carrot",
                                "Carrot",
                                "carrot and walnut",
                                "Fold in the carrots, walnuts and cinnamon.",
                                "300 g carrots, grated",
                                "100 g walnuts, chopped [N]",
                                "2 tsp ground cinnamon"),
                        main(
                                "coffee",
                                "Coffee and Walnut",
                                "coffee and walnut",
                                "Add the coffee and walnuts to the batter.",
                                "2 tbsp instant coffee, dissolved in 1 tbsp hot water",
                                "75 g walnuts, chopped [N]")),
                2));
        f.add(family(
                "banana-bread",
                "cake",
                "american",
                "{Main}",
                list("Easy ", "Moist ", "One-Bowl "),
                70,
                10,
                list("baking", "sweet", "breakfast"),
                list(
                        "3 very ripe bananas [K]",
                        "75 g butter, melted [D]",
                        "150 g light brown sugar [K]",
                        "1 egg [E]",
                        "1 tsp vanilla extract",
                        "1 tsp bicarbonate of soda",
                        "190 g plain flour [G][K]"),
                list(
                        "Heat the oven to 175°C and line a loaf tin.",
                        "Mash the bananas, then mix in the butter, sugar, egg and vanilla.",
                        "Stir in the bicarbonate and flour.",
                        "@MAIN",
                        "Bake for 55–60 minutes until risen and a skewer comes out clean."),
                list(
                        "The best use of spotty bananas: a moist banana bread with {main}.",
                        "One-bowl banana bread with {main}, good toasted with butter."),
                list(
                        main(
                                "banana",
                                "Banana Bread",
                                "a crackly top",
                                "Pour into the tin and sprinkle with a little sugar."),
                        main(
                                "walnut",
                                "Banana Walnut Bread",
                                "walnuts",
                                "Fold in the walnuts.",
                                "75 g walnuts, chopped [N]"),
                        main(
                                "chocolate",
                                "Chocolate Chip Banana Bread",
                                "chocolate chips",
                                "Fold in the chocolate chips.",
                                "100 g chocolate chips [D][K]")),
                3));
        f.add(family(
                "cookies",
                "cookies",
                "american",
                "{Main}",
                list("Chewy ", "Easy ", "Best "),
                30,
                12,
                list("baking", "sweet", "snack"),
                list(
                        "125 g butter, softened [D]",
                        "100 g light brown sugar [K]",
                        "1 egg [E]",
                        "175 g plain flour [G][K]",
                        "½ tsp bicarbonate of soda"),
                list(
                        "Heat the oven to 180°C and line two trays.",
                        "Cream the butter and sugar, then beat in the egg.",
                        "Stir in the flour and bicarbonate.",
                        "@MAIN",
                        "Roll into balls, space them out and bake for 10–12 minutes until golden at the edges but soft in the middle."),
                list(
                        "Chewy cookies with {main}, crisp at the edges.",
                        "A batch of {main} cookies in {minutes} minutes."),
                list(
                        main(
                                "chocolate",
                                "Chocolate Chip Cookies",
                                "chocolate chips",
                                "Fold in the chocolate chips.",
                                "150 g chocolate chips [D][K]"),
                        main(
                                "oat",
                                "Oat and Raisin Cookies",
                                "oats and raisins",
                                "Fold in the oats and raisins.",
                                "100 g rolled oats [G][K]",
                                "75 g raisins [K]"),
                        main(
                                "peanut-butter",
                                "Peanut Butter Cookies",
                                "peanut butter",
                                "Beat in the peanut butter.",
                                "125 g smooth peanut butter [N]")),
                2));
        f.add(family(
                "brownies",
                "cookies",
                "american",
                "{Main} Brownies",
                list("Fudgy ", "Easy ", "Ultimate "),
                45,
                16,
                list("baking", "sweet", "dessert"),
                list(
                        "200 g dark chocolate [K]",
                        "175 g butter [D]",
                        "250 g caster sugar [K]",
                        "3 eggs [E]",
                        "75 g plain flour [G][K]",
                        "40 g cocoa powder"),
                list(
                        "Heat the oven to 180°C and line a square tin.",
                        "Melt the chocolate and butter together, then whisk in the sugar and eggs.",
                        "Fold in the flour and cocoa.",
                        "@MAIN",
                        "Bake for 25 minutes, until just set with a slight wobble, then cool in the tin."),
                list(
                        "Fudgy {main} brownies with a crackly top.",
                        "Dense, gooey {main} brownies: the bake sale winner."),
                list(
                        main("chocolate", "Chocolate", "chocolate", "Pour into the tin."),
                        main("walnut", "Walnut", "walnut", "Stir in the walnuts.", "100 g walnuts, chopped [N]"),
                        main(
                                "salted-caramel",
                                "Salted Caramel",
                                "salted caramel",
                                "Swirl the caramel through the batter.",
                                "100 g thick salted caramel [D][K]")),
                2));
        f.add(family(
                "crumble",
                "crumble",
                "british",
                "{Main} Crumble",
                list("Easy ", "Classic ", "Sunday "),
                50,
                6,
                list("dessert", "baked", "sweet"),
                list(
                        "150 g plain flour [G][K]",
                        "100 g cold butter, diced [D]",
                        "75 g demerara sugar [K]",
                        "50 g rolled oats [G][K]",
                        "custard or cream, to serve [D]"),
                list(
                        "Heat the oven to 190°C.",
                        "@MAIN",
                        "Rub the butter into the flour until it looks like breadcrumbs, then stir in the sugar and oats.",
                        "Scatter the crumble over the fruit and bake for 30–35 minutes until golden and bubbling.",
                        "Serve warm with custard or cream."),
                list(
                        "A golden {main} crumble with an oaty topping, for Sunday lunch.",
                        "Warm {main} crumble with custard: the pudding everyone wants."),
                list(
                        main(
                                "apple",
                                "Apple",
                                "apple",
                                "Toss the apples with the sugar and cinnamon and put them in a dish.",
                                "6 cooking apples, peeled and sliced",
                                "2 tbsp sugar [K]",
                                "1 tsp cinnamon"),
                        main(
                                "rhubarb",
                                "Rhubarb",
                                "rhubarb",
                                "Toss the rhubarb with the sugar and ginger and put it in a dish.",
                                "600 g rhubarb, chopped",
                                "75 g sugar [K]",
                                "1 tsp ground ginger"),
                        main(
                                "berry",
                                "Apple and Blackberry",
                                "apple and blackberry",
                                "Mix the fruit with the sugar and put it in a dish.",
                                "4 apples, sliced",
                                "200 g blackberries",
                                "50 g sugar [K]")),
                2));
        f.add(family(
                "cheesecake",
                "cake",
                "american",
                "{Main} Cheesecake",
                list("No-Bake ", "Easy ", "Creamy "),
                240,
                10,
                list("dessert", "sweet"),
                list(
                        "250 g digestive biscuits [G][K]",
                        "100 g butter, melted [D]",
                        "600 g cream cheese [D]",
                        "100 g icing sugar [K]",
                        "300 ml double cream [D]"),
                list(
                        "Crush the biscuits, mix with the butter and press into a 23 cm tin; chill.",
                        "Beat the cream cheese and icing sugar, then fold in the whipped cream.",
                        "@MAIN",
                        "Spread over the base and chill for at least 4 hours until set."),
                list(
                        "A creamy {main} cheesecake on a buttery biscuit base, no oven needed.",
                        "Make-ahead {main} cheesecake for a crowd."),
                list(
                        main(
                                "lemon",
                                "Lemon",
                                "lemon",
                                "Fold in the lemon zest and juice.",
                                "zest and juice of 2 lemons"),
                        main(
                                "berry",
                                "Raspberry",
                                "raspberry",
                                "Ripple the raspberries through the mixture.",
                                "200 g raspberries"),
                        main(
                                "chocolate",
                                "Chocolate",
                                "chocolate",
                                "Fold in the melted chocolate.",
                                "150 g dark chocolate, melted [K]")),
                2));
        f.add(family(
                "ramen",
                "noodles",
                "japanese",
                "{Main} Ramen",
                list("Easy ", "Quick ", "Weeknight "),
                40,
                2,
                list("dinner", "noodles", "soup"),
                list(
                        "1 litre chicken stock [C]",
                        "2 tbsp soy sauce [G]",
                        "1 tbsp miso paste",
                        "2 garlic cloves, grated",
                        "1 thumb-sized piece of ginger, grated",
                        "2 nests of ramen noodles [G][K]",
                        "2 eggs [E]",
                        "2 spring onions, sliced",
                        "1 sheet of nori"),
                list(
                        "Simmer the stock with the soy, miso, garlic and ginger for 10 minutes.",
                        "Boil the eggs for 6½ minutes, cool and peel.",
                        "@MAIN",
                        "Cook the noodles and divide between bowls.",
                        "Ladle over the broth and top with the {main}, halved eggs, spring onions and nori."),
                list(
                        "A bowl of ramen with {main}, a jammy egg and a rich miso broth.",
                        "Weeknight ramen: {main} on noodles in a savoury broth, done in {minutes} minutes."),
                list(
                        main(
                                "pork",
                                "Pork Belly",
                                "pork belly",
                                "Sear the sliced pork belly until crisp.",
                                "300 g cooked pork belly, sliced [P]"),
                        CHICKEN,
                        TOFU,
                        MUSHROOM),
                2));
        f.add(family(
                "teriyaki",
                "japanese",
                "japanese",
                "{Main} Teriyaki",
                list("Easy ", "Sticky ", "Homemade "),
                25,
                2,
                list("dinner", "quick"),
                list(
                        "3 tbsp soy sauce [G]",
                        "2 tbsp mirin [A]",
                        "1 tbsp honey [H][K]",
                        "1 tsp grated ginger",
                        "200 g sushi rice [K]",
                        "1 tsp sesame seeds",
                        "2 spring onions, sliced"),
                list(
                        "Cook the rice.",
                        "Mix the soy sauce, mirin, honey and ginger.",
                        "@MAIN",
                        "Pour in the sauce and let it bubble until sticky and glossy.",
                        "Serve over the rice with sesame seeds and spring onions."),
                list(
                        "Sticky, glossy {main} teriyaki with homemade sauce, over rice.",
                        "{main} teriyaki in {minutes} minutes: sweet, salty and sticky."),
                list(SALMON, CHICKEN, TOFU),
                2));
        f.add(family(
                "poke",
                "bowl",
                "hawaiian",
                "{Main} Poke Bowl",
                list("Easy ", "Fresh "),
                25,
                2,
                list("lunch", "bowl"),
                list(
                        "200 g sushi rice [K]",
                        "2 tbsp soy sauce [G]",
                        "1 tsp sesame oil",
                        "1 avocado, sliced",
                        "½ cucumber, diced",
                        "1 carrot, shredded",
                        "1 tbsp pickled ginger",
                        "1 tsp sesame seeds"),
                list(
                        "Cook the rice and let it cool a little.",
                        "@MAIN",
                        "Divide the rice between bowls and arrange the {main}, avocado, cucumber and carrot on top.",
                        "Finish with pickled ginger and sesame seeds."),
                list(
                        "A fresh poke bowl with {main}, avocado and crunchy vegetables over sushi rice.",
                        "Build-your-own {main} poke bowl, ready in {minutes} minutes."),
                list(
                        main(
                                "salmon",
                                "Salmon",
                                "salmon",
                                "Dice the salmon and toss it with the soy sauce and sesame oil.",
                                "250 g sushi-grade salmon [F]"),
                        main(
                                "tuna",
                                "Tuna",
                                "tuna",
                                "Dice the tuna and toss it with the soy sauce and sesame oil.",
                                "250 g sushi-grade tuna [F]"),
                        TOFU),
                2));
        f.add(family(
                "souvlaki",
                "grill",
                "greek",
                "{Main} Souvlaki",
                list("Easy ", "Grilled "),
                40,
                4,
                list("dinner", "bbq"),
                list(
                        "juice of 1 lemon",
                        "3 tbsp olive oil",
                        "2 tsp dried oregano",
                        "2 garlic cloves, crushed",
                        "200 g Greek yoghurt [D]",
                        "½ cucumber, grated",
                        "4 pitta breads [G][K]"),
                list(
                        "Marinate the {main} in the lemon, oil, oregano and garlic for 20 minutes.",
                        "@MAIN",
                        "Mix the yoghurt with the cucumber and a little garlic to make tzatziki.",
                        "Serve in warm pittas with the tzatziki."),
                list(
                        "Lemon and oregano {main} souvlaki with homemade tzatziki.",
                        "Greek street food at home: {main} skewers in warm pitta."),
                list(
                        main(
                                "chicken",
                                "Chicken",
                                "chicken",
                                "Thread the chicken onto skewers and grill for 10–12 minutes, turning.",
                                "600 g chicken breast, cubed [C]"),
                        main(
                                "pork",
                                "Pork",
                                "pork",
                                "Thread the pork onto skewers and grill for 10–12 minutes, turning.",
                                "600 g pork shoulder, cubed [P]"),
                        main(
                                "halloumi",
                                "Halloumi",
                                "halloumi and vegetables",
                                "Thread the halloumi, peppers and courgette onto skewers and grill for 8 minutes.",
                                "250 g halloumi, cubed [D]",
                                "1 red pepper",
                                "1 courgette")),
                2));
        f.add(family(
                "moussaka",
                "bake",
                "greek",
                "{Main}",
                list("Classic ", "Easy "),
                120,
                6,
                list("dinner", "baked"),
                list(
                        "3 aubergines, sliced",
                        "4 tbsp olive oil",
                        "1 onion, chopped",
                        "2 garlic cloves",
                        "1 tsp cinnamon",
                        "400 g tin chopped tomatoes",
                        "50 g butter [D]",
                        "50 g plain flour [G][K]",
                        "500 ml milk [D]",
                        "1 egg [E]",
                        "50 g kefalotyri or parmesan [D]"),
                list(
                        "Brush the aubergines with oil and roast until soft.",
                        "Soften the onion and garlic.",
                        "@MAIN",
                        "Add the cinnamon and tomatoes and simmer for 20 minutes.",
                        "Make a white sauce with the butter, flour and milk, then beat in the egg and cheese.",
                        "Layer the aubergine and sauce, top with the white sauce and bake at 180°C for 45 minutes."),
                list(
                        "Layers of aubergine, cinnamon-spiced {main} and a golden béchamel: moussaka.",
                        "A Sunday-lunch moussaka with {main}, worth the time."),
                list(
                        main("lamb", "Moussaka", "lamb", "Add the lamb mince and brown it.", "500 g lamb mince [M]"),
                        main(
                                "lentil",
                                "Vegetarian Moussaka",
                                "lentils",
                                "Add the lentils and 200 ml water.",
                                "200 g green lentils [K]")),
                3));
        f.add(family(
                "traybake",
                "traybake",
                "british",
                "{Main} Traybake",
                list("One-Pan ", "Easy ", "Midweek "),
                45,
                4,
                list("dinner", "one-pan"),
                list(
                        "500 g new potatoes, halved [K]",
                        "2 red onions, cut into wedges",
                        "2 peppers, chunked",
                        "3 tbsp olive oil",
                        "1 tsp smoked paprika",
                        "few sprigs of rosemary"),
                list(
                        "Heat the oven to 200°C.",
                        "Toss the potatoes, onions and peppers with the oil, paprika and rosemary in a large tin.",
                        "@MAIN",
                        "Roast for 35–40 minutes, turning once, until everything is golden."),
                list(
                        "Everything in one tin: {main} with potatoes, peppers and rosemary.",
                        "A one-pan {main} dinner with hardly any washing-up."),
                list(
                        main(
                                "chicken",
                                "Chicken and Chorizo",
                                "chicken and chorizo",
                                "Nestle the chicken and chorizo among the vegetables.",
                                "8 chicken thighs [C]",
                                "150 g chorizo, sliced [P]"),
                        SAUSAGE,
                        main(
                                "salmon",
                                "Salmon and Asparagus",
                                "salmon",
                                "Add the salmon and asparagus for the last 15 minutes.",
                                "4 salmon fillets [F]",
                                "200 g asparagus"),
                        main(
                                "halloumi",
                                "Halloumi and Vegetable",
                                "halloumi",
                                "Add the halloumi for the last 15 minutes.",
                                "250 g halloumi [D]"),
                        main(
                                "chickpea",
                                "Harissa Chickpea",
                                "chickpeas",
                                "Add the chickpeas tossed in harissa.",
                                "400 g tin chickpeas [K]",
                                "2 tbsp harissa")),
                2));
        f.add(family(
                "baked-salmon",
                "fish",
                "british",
                "{Main}",
                list("Easy ", "Quick "),
                25,
                2,
                list("dinner", "fish", "quick"),
                list("2 salmon fillets [F]", "1 tbsp olive oil", "200 g green beans"),
                list(
                        "Heat the oven to 200°C and put the salmon in a roasting tin.",
                        "@MAIN",
                        "Bake for 12–15 minutes until the salmon just flakes.",
                        "Steam the green beans and serve alongside."),
                list(
                        "Oven-baked salmon with {main}, ready in {minutes} minutes.",
                        "A light, quick salmon supper with {main}."),
                list(
                        main(
                                "salmon",
                                "Baked Salmon with Lemon and Dill",
                                "lemon and dill",
                                "Top with lemon slices and dill.",
                                "1 lemon, sliced",
                                "small bunch of dill"),
                        main(
                                "salmon",
                                "Honey Soy Salmon",
                                "honey and soy",
                                "Brush with the honey and soy.",
                                "1 tbsp honey [H][K]",
                                "2 tbsp soy sauce [G]"),
                        main(
                                "salmon",
                                "Pesto Crusted Salmon",
                                "a pesto crust",
                                "Spread the pesto over the salmon and press on the breadcrumbs.",
                                "2 tbsp basil pesto [D][N]",
                                "25 g breadcrumbs [G][K]")),
                2));
        f.add(family(
                "steak",
                "grill",
                "french",
                "{Main}",
                list("Perfect ", "Easy "),
                20,
                2,
                list("dinner", "quick"),
                list("2 sirloin steaks [M]", "1 tbsp olive oil", "salt and black pepper"),
                list(
                        "Take the steaks out of the fridge 30 minutes before cooking and season well.",
                        "Sear in a very hot pan for 2–3 minutes a side for medium-rare, then rest for 5 minutes.",
                        "@MAIN"),
                list(
                        "Steak cooked perfectly, with {main}.",
                        "A special dinner for two in {minutes} minutes: steak with {main}."),
                list(
                        main(
                                "beef",
                                "Steak with Peppercorn Sauce",
                                "peppercorn sauce",
                                "Add the brandy and crushed peppercorns to the pan, then the cream, and bubble until thick.",
                                "2 tbsp brandy [A]",
                                "1 tbsp crushed black peppercorns",
                                "150 ml double cream [D]"),
                        main(
                                "beef",
                                "Steak with Chimichurri",
                                "chimichurri",
                                "Blitz the parsley, garlic, oregano, vinegar and oil into a sauce and spoon over.",
                                "large bunch of parsley",
                                "2 garlic cloves",
                                "1 tsp dried oregano",
                                "2 tbsp red wine vinegar"),
                        main(
                                "beef",
                                "Garlic Butter Steak",
                                "garlic butter",
                                "Baste the steaks with the butter, garlic and thyme as they finish.",
                                "40 g butter [D]",
                                "3 garlic cloves",
                                "few sprigs of thyme")),
                2));
        f.add(family(
                "paella",
                "rice",
                "spanish",
                "{Main}",
                list("Easy ", "Weeknight ", "Classic "),
                50,
                4,
                list("dinner", "rice"),
                list(
                        "3 tbsp olive oil",
                        "1 onion, chopped",
                        "1 red pepper, sliced",
                        "2 garlic cloves",
                        "1 tsp smoked paprika",
                        "pinch of saffron",
                        "300 g paella rice [K]",
                        "1 litre hot stock",
                        "100 g frozen peas",
                        "1 lemon"),
                list(
                        "Heat the oil in a wide paella pan.",
                        "@MAIN",
                        "Soften the onion, pepper and garlic, then stir in the paprika, saffron and rice.",
                        "Pour in the stock and simmer without stirring for 20 minutes, adding the peas near the end.",
                        "Rest for 5 minutes under a cloth and serve with lemon wedges."),
                list(
                        "A Spanish {main} paella with saffron, smoked paprika and a crisp base.",
                        "Paella for a crowd: {main} and saffron rice in one big pan."),
                list(
                        main(
                                "seafood",
                                "Seafood Paella",
                                "seafood",
                                "Add the prawns and mussels for the last 8 minutes.",
                                "300 g raw prawns [S]",
                                "500 g mussels, cleaned [S]"),
                        main(
                                "chicken",
                                "Chicken and Chorizo Paella",
                                "chicken and chorizo",
                                "Brown the chicken and chorizo first.",
                                "4 chicken thighs, diced [C]",
                                "100 g chorizo, sliced [P]"),
                        main(
                                "vegetable",
                                "Vegetable Paella",
                                "vegetable",
                                "Add the artichokes and green beans with the stock.",
                                "200 g artichoke hearts",
                                "150 g green beans")),
                2));
        f.add(family(
                "ratatouille",
                "stew",
                "french",
                "{Main}",
                list("Easy ", "Summer ", "Provençal "),
                70,
                4,
                list("dinner", "summer", "stew"),
                list(
                        "4 tbsp olive oil",
                        "2 onions, sliced",
                        "3 garlic cloves, sliced",
                        "2 aubergines, diced",
                        "3 courgettes, diced",
                        "2 peppers, diced",
                        "400 g tin chopped tomatoes",
                        "few sprigs of thyme",
                        "handful of basil"),
                list(
                        "Fry the aubergines, courgettes and peppers separately in a little oil until lightly browned.",
                        "Soften the onions and garlic in the same pan.",
                        "Return the vegetables, add the tomatoes and thyme and simmer gently for 40 minutes.",
                        "@MAIN"),
                list(
                        "A slow summer ratatouille of aubergine, courgette and peppers, {main}.",
                        "Provençal vegetable stew, ratatouille, that tastes even better the next day."),
                list(
                        main(
                                "ratatouille",
                                "Ratatouille",
                                "with basil",
                                "Stir in the torn basil and serve warm or at room temperature."),
                        main(
                                "goats-cheese",
                                "Ratatouille with Goat's Cheese",
                                "topped with goat's cheese",
                                "Top with slices of goat's cheese and grill until golden.",
                                "150 g goat's cheese [D]")),
                3));
        f.add(family(
                "spanish-omelette",
                "eggs",
                "spanish",
                "{Main}",
                list("Easy ", "Classic "),
                45,
                4,
                list("lunch", "eggs", "tapas"),
                list(
                        "600 g waxy potatoes, thinly sliced [K]",
                        "1 onion, thinly sliced",
                        "150 ml olive oil",
                        "6 eggs [E]"),
                list(
                        "Cook the potatoes and onion gently in the oil for 20 minutes until soft but not coloured, then drain.",
                        "@MAIN",
                        "Beat the eggs, stir in the potatoes and leave for 10 minutes.",
                        "Cook in a small pan over a low heat until almost set, then flip with a plate and cook the other side."),
                list(
                        "A thick Spanish omelette of potato, onion and egg, {main}.",
                        "Tortilla española, the tapas bar classic, {main}."),
                list(
                        main("potato", "Spanish Omelette", "soft in the middle", "Season with salt."),
                        main(
                                "chorizo",
                                "Spanish Omelette with Chorizo",
                                "with chorizo",
                                "Fry the chorizo and add it to the potatoes.",
                                "100 g chorizo, diced [P]")),
                3));
        f.add(family(
                "quiche",
                "tart",
                "french",
                "{Main}",
                list("Easy ", "Classic "),
                70,
                6,
                list("lunch", "baked", "picnic"),
                list(
                        "320 g ready-rolled shortcrust pastry [G][D][K]",
                        "3 eggs [E]",
                        "300 ml double cream [D]",
                        "100 g gruyère, grated [D]"),
                list(
                        "Heat the oven to 190°C, line a tart tin with the pastry and bake blind for 15 minutes.",
                        "@MAIN",
                        "Whisk the eggs with the cream and cheese and pour over.",
                        "Bake for 30 minutes until just set."),
                list(
                        "A classic quiche with {main} and a crisp pastry case.",
                        "Picnic-ready quiche with {main}, good warm or cold."),
                list(
                        main(
                                "bacon",
                                "Quiche Lorraine",
                                "bacon",
                                "Fry the lardons and scatter them in the case.",
                                "200 g smoked bacon lardons [P]"),
                        main(
                                "spinach",
                                "Spinach and Feta Quiche",
                                "spinach and feta",
                                "Wilt the spinach and scatter it with the feta in the case.",
                                "200 g spinach",
                                "100 g feta [D]"),
                        main(
                                "leek",
                                "Leek and Cheese Quiche",
                                "leeks",
                                "Soften the leeks in butter and scatter them in the case.",
                                "3 leeks, sliced",
                                "15 g butter [D]"),
                        main(
                                "salmon",
                                "Salmon and Broccoli Quiche",
                                "salmon and broccoli",
                                "Scatter the flaked salmon and broccoli in the case.",
                                "200 g cooked salmon [F]",
                                "150 g broccoli florets")),
                2));
        f.add(family(
                "mac-and-cheese",
                "pasta",
                "american",
                "{Main}",
                list("Creamy ", "Baked ", "Easy "),
                40,
                4,
                list("dinner", "pasta", "comfort-food"),
                list(
                        "300 g macaroni [G][K]",
                        "40 g butter [D]",
                        "40 g plain flour [G][K]",
                        "600 ml milk [D]",
                        "200 g mature cheddar, grated [D]",
                        "1 tsp English mustard"),
                list(
                        "Cook the macaroni until just tender.",
                        "Melt the butter, stir in the flour, then whisk in the milk until thick.",
                        "Stir in most of the cheese and the mustard.",
                        "@MAIN",
                        "Top with the rest of the cheese and bake at 200°C for 20 minutes."),
                list(
                        "Baked macaroni cheese with {main}, golden and bubbling.",
                        "The ultimate comfort food: mac and cheese with {main}."),
                list(
                        main(
                                "cheese",
                                "Mac and Cheese",
                                "a crunchy top",
                                "Toss the pasta in the sauce and tip into a dish."),
                        main(
                                "bacon",
                                "Bacon Mac and Cheese",
                                "crispy bacon",
                                "Fry the bacon and fold it in with the pasta.",
                                "150 g smoked bacon, chopped [P]"),
                        main(
                                "broccoli",
                                "Broccoli Mac and Cheese",
                                "broccoli",
                                "Fold the blanched broccoli in with the pasta.",
                                "1 head of broccoli, in florets")),
                2));
        f.add(family(
                "goulash",
                "stew",
                "hungarian",
                "{Main} Goulash",
                list("Hearty ", "Easy ", "Slow-Cooked "),
                120,
                4,
                list("dinner", "stew"),
                list(
                        "2 tbsp oil",
                        "2 onions, chopped",
                        "2 tbsp sweet paprika",
                        "1 tsp caraway seeds",
                        "2 peppers, chopped",
                        "400 g tin chopped tomatoes",
                        "500 ml stock",
                        "500 g potatoes, diced [K]",
                        "soured cream, to serve [D]"),
                list(
                        "Soften the onions in the oil.",
                        "@MAIN",
                        "Stir in the paprika and caraway, then the peppers, tomatoes and stock.",
                        "Cover and simmer for 1½ hours, adding the potatoes for the last 30 minutes.",
                        "Serve with a spoonful of soured cream."),
                list(
                        "A paprika-rich {main} goulash, Hungary's famous stew.",
                        "Warming {main} goulash with peppers, potatoes and soured cream."),
                list(
                        main("beef", "Beef", "beef", "Add the beef and brown it.", "800 g braising beef, diced [M]"),
                        main("pork", "Pork", "pork", "Add the pork and brown it.", "800 g pork shoulder, diced [P]"),
                        MUSHROOM),
                2));
        f.add(family(
                "bibimbap",
                "bowl",
                "korean",
                "{Main} Bibimbap",
                list("Easy ", "Homemade "),
                40,
                2,
                list("dinner", "rice", "bowl"),
                list(
                        "200 g short-grain rice [K]",
                        "2 tbsp gochujang [G]",
                        "1 tbsp sesame oil",
                        "1 carrot, in matchsticks",
                        "150 g spinach",
                        "100 g bean sprouts",
                        "2 eggs [E]",
                        "1 tsp sesame seeds"),
                list(
                        "Cook the rice.",
                        "Blanch the spinach and bean sprouts and season each with a little sesame oil.",
                        "@MAIN",
                        "Fry the eggs sunny side up.",
                        "Arrange the {main} and vegetables over the rice, top with the egg and serve with gochujang."),
                list(
                        "A Korean rice bowl with {main}, seasoned vegetables, a fried egg and gochujang.",
                        "Homemade bibimbap with {main}: colourful, spicy and ready in {minutes} minutes."),
                list(BEEF, TOFU, CHICKEN),
                2));
        f.add(family(
                "pho",
                "noodles",
                "vietnamese",
                "{Main} Pho",
                list("Easy ", "Quick "),
                50,
                4,
                list("dinner", "noodles", "soup"),
                list(
                        "1.5 litres beef or vegetable stock",
                        "1 onion, halved and charred",
                        "thumb of ginger, charred",
                        "2 star anise",
                        "1 cinnamon stick",
                        "2 tbsp fish sauce [F]",
                        "200 g flat rice noodles [K]",
                        "handful each of Thai basil, mint and coriander",
                        "1 lime",
                        "100 g bean sprouts"),
                list(
                        "Simmer the stock with the onion, ginger, star anise and cinnamon for 30 minutes; strain.",
                        "Season with the fish sauce.",
                        "@MAIN",
                        "Soak the noodles and divide between bowls.",
                        "Top with the {main}, pour over the hot broth and serve with herbs, lime and bean sprouts."),
                list(
                        "Vietnamese pho with {main}: a fragrant star anise broth over rice noodles.",
                        "A shortcut pho with {main} in {minutes} minutes."),
                list(
                        main(
                                "beef",
                                "Beef",
                                "beef",
                                "Slice the steak paper-thin; the hot broth cooks it.",
                                "250 g sirloin steak [M]"),
                        CHICKEN,
                        TOFU),
                2));
        f.add(family(
                "smoothie",
                "drink",
                "american",
                "{Main} Smoothie",
                list("Easy ", "Breakfast "),
                5,
                2,
                list("breakfast", "drink", "quick"),
                list("250 ml oat milk", "1 banana [K]"),
                list("@MAIN", "Blend everything until smooth and serve straight away."),
                list(
                        "A thick {main} smoothie for a breakfast on the go.",
                        "Five minutes, one blender: {main} smoothie."),
                list(
                        main(
                                "berry",
                                "Berry",
                                "berry",
                                "Put the berries in the blender with the milk and banana.",
                                "150 g frozen mixed berries"),
                        main(
                                "green",
                                "Green",
                                "spinach and kiwi",
                                "Put the spinach and kiwi in the blender with the milk and banana.",
                                "handful of spinach",
                                "1 kiwi"),
                        main(
                                "peanut-butter",
                                "Peanut Butter and Banana",
                                "peanut butter",
                                "Add the peanut butter and oats.",
                                "2 tbsp peanut butter [N]",
                                "2 tbsp oats [G][K]")),
                2));
        f.add(family(
                "hummus",
                "dip",
                "middle-eastern",
                "{Main}",
                list("Smooth ", "Easy "),
                10,
                6,
                list("snack", "dip", "quick"),
                list(
                        "400 g tin chickpeas, drained [K]",
                        "3 tbsp tahini",
                        "1 garlic clove",
                        "juice of 1 lemon",
                        "3 tbsp extra virgin olive oil"),
                list(
                        "Blitz the chickpeas, tahini, garlic and lemon with 3 tbsp iced water until very smooth.",
                        "@MAIN",
                        "Spoon into a bowl and drizzle with the olive oil."),
                list("Smooth, creamy hummus, {main}.", "Better than shop-bought: hummus {main} in {minutes} minutes."),
                list(
                        main("hummus", "Hummus", "with a pinch of paprika", "Season and dust with paprika."),
                        main(
                                "red-pepper",
                                "Roasted Red Pepper Hummus",
                                "with roasted red pepper",
                                "Blend in the peppers.",
                                "2 roasted red peppers from a jar"),
                        main(
                                "beetroot",
                                "Beetroot Hummus",
                                "with beetroot",
                                "Blend in the beetroot.",
                                "2 cooked beetroots")),
                2));
        return f;
    }

    private static final Main MUSHROOM_LASAGNE = main(
            "mushroom",
            "Mushroom Lasagne",
            "mushroom",
            "Fry the mushrooms until golden and stir them into the tomato sauce.",
            "500 g mushrooms, sliced");

    static List<Written> written() {
        return RecipesWritten.all();
    }
}
