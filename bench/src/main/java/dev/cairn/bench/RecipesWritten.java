package dev.cairn.bench;

import dev.cairn.bench.RecipeCorpus.Line;
import dev.cairn.bench.RecipeDishes.Written;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The recipes of the corpus written whole in Portuguese, French and Spanish, each with the dish,
 * group and main ingredient the judgement rules read (the same keys as the English families, so
 * that a paella is a paella in any language). Flags as in {@link RecipeDishes}.
 */
final class RecipesWritten {
    private RecipesWritten() {}

    private static final int COPIES = 7;

    private static Written w(
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
            List<String> lines,
            List<String> steps) {
        return new Written(
                language,
                dish,
                group,
                main,
                cuisine,
                titles,
                descriptions,
                minutes,
                servings,
                tags,
                lines.stream().map(Line::parse).toList(),
                steps,
                COPIES);
    }

    private static List<String> l(String... values) {
        return Arrays.asList(values);
    }

    static List<Written> all() {
        List<Written> all = new ArrayList<>();
        // Portuguese
        all.add(w(
                "pt",
                "bacalhau-a-bras",
                "fish",
                "salt-cod",
                "portuguese",
                l("Bacalhau à Brás", "Bacalhau à Brás da avó", "Bacalhau à Brás tradicional"),
                l(
                        "O clássico de Lisboa: bacalhau desfiado, batata palha e ovos mexidos cremosos, com salsa e azeitonas.",
                        "Um bacalhau à Brás cremoso, feito como em casa da avó, pronto em pouco mais de meia hora."),
                40,
                4,
                l("jantar", "peixe", "tradicional"),
                l(
                        "400 g de bacalhau demolhado [F]",
                        "2 cebolas cortadas em meias-luas finas",
                        "2 dentes de alho picados",
                        "4 colheres de sopa de azeite",
                        "200 g de batata palha [K]",
                        "6 ovos [E]",
                        "1 ramo de salsa picada",
                        "azeitonas pretas q.b."),
                l(
                        "Coza o bacalhau durante 5 minutos, retire as peles e as espinhas e desfie-o em lascas finas.",
                        "Num tacho largo, aloure a cebola e o alho no azeite em lume brando.",
                        "Junte o bacalhau desfiado e deixe cozinhar 5 minutos, mexendo.",
                        "Acrescente a batata palha e, fora do lume, os ovos batidos; mexa até ficarem cremosos.",
                        "Polvilhe com salsa e sirva com azeitonas pretas.")));
        all.add(w(
                "pt",
                "caldo-verde",
                "soup",
                "kale",
                "portuguese",
                l("Caldo Verde", "Caldo Verde à moda do Minho", "Caldo Verde com chouriço"),
                l(
                        "A sopa mais portuguesa de todas: batata, couve cortada fininha e uma rodela de chouriço.",
                        "Caldo verde reconfortante para as noites frias, como se come nos arraiais."),
                40,
                6,
                l("sopa", "jantar", "tradicional"),
                l(
                        "1 kg de batatas descascadas [K]",
                        "1 cebola",
                        "2 dentes de alho",
                        "250 g de couve galega cortada em juliana fina",
                        "1 chouriço de carne [P]",
                        "4 colheres de sopa de azeite",
                        "sal q.b."),
                l(
                        "Coza as batatas, a cebola e o alho em 2 litros de água com sal durante 20 minutos.",
                        "Triture tudo até obter um creme liso.",
                        "Junte a couve e deixe ferver 5 minutos, sem tapar, para ficar verde.",
                        "Regue com o azeite e sirva cada prato com rodelas de chouriço.")));
        all.add(w(
                "pt",
                "feijoada",
                "stew",
                "pork",
                "brazilian",
                l("Feijoada", "Feijoada completa", "Feijoada à brasileira"),
                l(
                        "Feijão preto cozinhado lentamente com carnes de porco, servido com arroz, couve e laranja.",
                        "A feijoada de sábado: um prato generoso para reunir a família à mesa."),
                180,
                8,
                l("jantar", "guisado", "tradicional"),
                l(
                        "500 g de feijão preto demolhado [K]",
                        "300 g de costelinha de porco [P]",
                        "200 g de linguiça [P]",
                        "150 g de bacon [P]",
                        "2 cebolas picadas",
                        "4 dentes de alho",
                        "2 folhas de louro",
                        "arroz branco para acompanhar [K]",
                        "1 laranja"),
                l(
                        "Coza o feijão com o louro em água abundante durante uma hora.",
                        "Aloure o bacon, a linguiça e a costelinha numa panela grande.",
                        "Junte a cebola e o alho e deixe refogar.",
                        "Acrescente o feijão com o caldo e cozinhe em lume brando durante mais uma hora e meia.",
                        "Sirva com arroz branco e gomos de laranja.")));
        all.add(w(
                "pt",
                "piri-piri-chicken",
                "grill",
                "chicken",
                "portuguese",
                l("Frango Piri-Piri", "Frango assado com piri-piri", "Frango Piri-Piri no forno"),
                l(
                        "Frango aberto, marinado em piri-piri, alho e limão, e assado até a pele estalar.",
                        "O frango da churrasqueira, feito no forno de casa, picante q.b."),
                70,
                4,
                l("jantar", "picante", "grelhados"),
                l(
                        "1 frango inteiro aberto ao meio [C]",
                        "4 malaguetas piri-piri",
                        "4 dentes de alho",
                        "sumo de 1 limão",
                        "1 colher de chá de colorau",
                        "4 colheres de sopa de azeite",
                        "sal grosso q.b."),
                l(
                        "Triture as malaguetas com o alho, o limão, o colorau e o azeite.",
                        "Barre o frango com o molho e deixe marinar pelo menos 30 minutos.",
                        "Asse no forno a 200 °C durante 50 minutos, pincelando com o molho de vez em quando.",
                        "Sirva com batatas fritas e salada.")));
        all.add(
                w(
                        "pt",
                        "arroz-de-pato",
                        "rice",
                        "duck",
                        "portuguese",
                        l("Arroz de Pato", "Arroz de Pato à moda de Braga", "Arroz de Pato no forno"),
                        l(
                                "Pato cozido e desfiado, arroz cozinhado no seu caldo e uma cobertura estaladiça de chouriço.",
                                "Um arroz de pato de domingo, gratinado no forno."),
                        120,
                        6,
                        l("jantar", "arroz", "tradicional"),
                        l(
                                "1 pato [C]",
                                "1 chouriço de carne [P]",
                                "100 g de bacon [P]",
                                "1 cebola",
                                "400 g de arroz carolino [K]",
                                "1 colher de sopa de azeite"),
                        l(
                                "Coza o pato com o chouriço e o bacon em água com sal durante uma hora; reserve o caldo.",
                                "Desfie o pato e corte o chouriço em rodelas.",
                                "Refogue a cebola no azeite, junte o arroz e 1 litro do caldo e deixe cozer 12 minutos.",
                                "Disponha o arroz num tabuleiro com o pato, cubra com o chouriço e leve ao forno a 200 °C durante 15 minutos.")));
        all.add(w(
                "pt",
                "pasteis-de-nata",
                "tart",
                "custard",
                "portuguese",
                l("Pastéis de Nata", "Pastéis de Nata caseiros", "Pastéis de Nata fáceis"),
                l(
                        "Massa folhada estaladiça e um creme de ovos aromatizado com limão e canela.",
                        "Os famosos pastéis de Belém feitos em casa, com forno bem quente."),
                60,
                12,
                l("sobremesa", "doce", "pastelaria"),
                l(
                        "1 rolo de massa folhada [G][D][K]",
                        "500 ml de leite [D]",
                        "6 gemas [E]",
                        "200 g de açúcar [K]",
                        "40 g de farinha [G][K]",
                        "1 casca de limão",
                        "1 pau de canela"),
                l(
                        "Ferva o leite com a casca de limão e a canela.",
                        "Misture o açúcar, a farinha e as gemas e junte o leite quente aos poucos, mexendo até engrossar.",
                        "Enrole a massa, corte em rodelas e forre formas pequenas.",
                        "Encha com o creme e coza no forno a 250 °C durante 15 minutos, até ficarem queimadinhos.")));
        all.add(w(
                "pt",
                "moqueca",
                "stew",
                "fish",
                "brazilian",
                l("Moqueca de Peixe", "Moqueca Baiana", "Moqueca de Peixe e Camarão"),
                l(
                        "Peixe cozinhado em leite de coco, azeite de dendê, tomate e pimentos, à moda da Bahia.",
                        "Uma moqueca perfumada com coentros e lima, para servir com arroz branco."),
                45,
                4,
                l("jantar", "peixe"),
                l(
                        "800 g de peixe branco em postas [F]",
                        "200 g de camarão [S]",
                        "sumo de 2 limas",
                        "1 cebola às rodelas",
                        "2 tomates às rodelas",
                        "1 pimento vermelho às tiras",
                        "400 ml de leite de coco",
                        "2 colheres de sopa de azeite de dendê",
                        "1 molho de coentros"),
                l(
                        "Tempere o peixe com o sumo de lima e sal.",
                        "Numa panela de barro, faça camadas de cebola, tomate, pimento e peixe.",
                        "Regue com o leite de coco e o dendê e cozinhe tapado 20 minutos; junte o camarão nos últimos 5.",
                        "Polvilhe com coentros e sirva com arroz branco.")));
        all.add(
                w(
                        "pt",
                        "bolo-de-cenoura",
                        "cake",
                        "carrot",
                        "brazilian",
                        l("Bolo de Cenoura", "Bolo de Cenoura com cobertura de chocolate", "Bolo de Cenoura fofinho"),
                        l(
                                "O bolo de cenoura brasileiro, fofo e alaranjado, com cobertura brilhante de chocolate.",
                                "Um bolo de cenoura feito no liquidificador, para o lanche da tarde."),
                        60,
                        10,
                        l("sobremesa", "bolo", "lanche"),
                        l(
                                "3 cenouras médias [K]",
                                "3 ovos [E]",
                                "200 ml de óleo",
                                "300 g de açúcar [K]",
                                "300 g de farinha de trigo [G][K]",
                                "1 colher de sopa de fermento",
                                "100 g de chocolate em pó [K]",
                                "50 g de manteiga [D]",
                                "100 ml de leite [D]"),
                        l(
                                "Bata as cenouras, os ovos e o óleo no liquidificador.",
                                "Misture com o açúcar, a farinha e o fermento.",
                                "Coza numa forma untada a 180 °C durante 40 minutos.",
                                "Derreta o chocolate com a manteiga, o leite e um pouco de açúcar e cubra o bolo ainda morno.")));
        // French
        all.add(w(
                "fr",
                "ratatouille",
                "stew",
                "ratatouille",
                "french",
                l("Ratatouille", "Ratatouille provençale", "Ratatouille de ma grand-mère"),
                l(
                        "Les légumes du soleil, aubergine, courgette, poivron et tomate, mijotés longuement à l'huile d'olive.",
                        "Une ratatouille comme en Provence, encore meilleure réchauffée le lendemain."),
                75,
                4,
                l("plat", "été", "végétarien"),
                l(
                        "2 aubergines",
                        "3 courgettes",
                        "2 poivrons",
                        "4 tomates",
                        "2 oignons",
                        "3 gousses d'ail",
                        "6 cuillères à soupe d'huile d'olive",
                        "quelques brins de thym",
                        "1 feuille de laurier"),
                l(
                        "Coupez tous les légumes en dés.",
                        "Faites revenir séparément l'aubergine, la courgette et le poivron dans un peu d'huile.",
                        "Faites fondre les oignons et l'ail, ajoutez les tomates, puis tous les légumes, le thym et le laurier.",
                        "Laissez mijoter à couvert et à feu doux pendant 45 minutes.")));
        all.add(w(
                "fr",
                "quiche",
                "tart",
                "bacon",
                "french",
                l("Quiche lorraine", "Quiche lorraine traditionnelle", "Quiche lorraine facile"),
                l(
                        "La vraie quiche lorraine : une pâte brisée, des lardons, des œufs et de la crème, sans fromage.",
                        "Une quiche lorraine dorée et tremblotante, pour un déjeuner avec une salade verte."),
                60,
                6,
                l("plat", "tarte", "déjeuner"),
                l(
                        "1 pâte brisée [G][D][K]",
                        "200 g de lardons fumés [P]",
                        "3 œufs [E]",
                        "20 cl de crème fraîche épaisse [D]",
                        "20 cl de lait [D]",
                        "noix de muscade",
                        "sel et poivre"),
                l(
                        "Préchauffez le four à 180 °C et foncez un moule avec la pâte.",
                        "Faites dorer les lardons à sec et répartissez-les sur la pâte.",
                        "Battez les œufs avec la crème, le lait, la muscade, le sel et le poivre.",
                        "Versez sur les lardons et enfournez 35 minutes.")));
        all.add(
                w(
                        "fr",
                        "boeuf-bourguignon",
                        "stew",
                        "beef",
                        "french",
                        l("Bœuf bourguignon", "Bœuf bourguignon à l'ancienne", "Bœuf bourguignon facile"),
                        l(
                                "Le grand classique de Bourgogne : du bœuf mijoté longuement au vin rouge avec lardons, champignons et petits oignons.",
                                "Un bœuf bourguignon fondant, à préparer la veille pour qu'il soit encore meilleur."),
                        200,
                        6,
                        l("plat", "mijoté", "hiver"),
                        l(
                                "1,2 kg de bœuf à braiser (paleron, joue) [M]",
                                "75 cl de vin rouge de Bourgogne [A]",
                                "150 g de lardons [P]",
                                "250 g de champignons de Paris",
                                "12 petits oignons",
                                "2 carottes",
                                "2 cuillères à soupe de farine [G][K]",
                                "1 bouquet garni",
                                "30 g de beurre [D]"),
                        l(
                                "Faites mariner la viande dans le vin avec les carottes et le bouquet garni pendant une nuit.",
                                "Égouttez et faites dorer la viande dans le beurre, saupoudrez de farine.",
                                "Mouillez avec la marinade et laissez mijoter à couvert pendant 3 heures.",
                                "Ajoutez les lardons, les champignons et les petits oignons revenus 30 minutes avant la fin.")));
        all.add(w(
                "fr",
                "onion-soup",
                "soup",
                "onion",
                "french",
                l("Soupe à l'oignon gratinée", "Soupe à l'oignon", "Gratinée à l'oignon"),
                l(
                        "Des oignons caramélisés lentement, un bouillon parfumé et une tranche de pain couverte de comté gratiné.",
                        "La soupe à l'oignon des bistrots parisiens, réconfortante par temps froid."),
                75,
                4,
                l("soupe", "plat", "hiver"),
                l(
                        "1 kg d'oignons jaunes émincés",
                        "50 g de beurre [D]",
                        "1 cuillère à soupe de farine [G][K]",
                        "15 cl de vin blanc sec [A]",
                        "1,2 l de bouillon de bœuf [M]",
                        "8 tranches de baguette [G][K]",
                        "150 g de comté râpé [D]"),
                l(
                        "Faites fondre les oignons dans le beurre à feu doux pendant 40 minutes, jusqu'à ce qu'ils soient bien dorés.",
                        "Saupoudrez de farine, mouillez avec le vin puis le bouillon et laissez cuire 20 minutes.",
                        "Versez dans des bols allant au four, posez le pain et couvrez de comté.",
                        "Faites gratiner sous le gril jusqu'à ce que le fromage bouillonne.")));
        all.add(
                w(
                        "fr",
                        "crepes",
                        "pancakes",
                        "crepe",
                        "french",
                        l("Crêpes", "Pâte à crêpes facile", "Crêpes de la Chandeleur"),
                        l(
                                "Des crêpes fines et légères, à garnir de sucre, de confiture ou de pâte à tartiner.",
                                "La pâte à crêpes inratable, à laisser reposer une heure avant la cuisson."),
                        30,
                        6,
                        l("dessert", "goûter", "sucré"),
                        l(
                                "250 g de farine [G][K]",
                                "4 œufs [E]",
                                "50 cl de lait [D]",
                                "2 cuillères à soupe de sucre [K]",
                                "50 g de beurre fondu [D]",
                                "1 pincée de sel"),
                        l(
                                "Versez la farine dans un saladier, creusez un puits et cassez-y les œufs.",
                                "Incorporez le lait petit à petit en fouettant pour éviter les grumeaux, puis le sucre, le sel et le beurre.",
                                "Laissez reposer la pâte une heure.",
                                "Faites cuire les crêpes dans une poêle chaude légèrement beurrée, une minute de chaque côté.")));
        all.add(w(
                "fr",
                "tarte-tatin",
                "tart",
                "apple",
                "french",
                l("Tarte Tatin", "Tarte Tatin aux pommes", "Tarte Tatin caramélisée"),
                l(
                        "Des pommes caramélisées au beurre, cuites sous la pâte puis retournées : la tarte renversée.",
                        "La tarte Tatin des sœurs Tatin, à servir tiède avec de la crème fraîche."),
                70,
                8,
                l("dessert", "tarte", "sucré"),
                l(
                        "1 pâte feuilletée [G][D][K]",
                        "8 pommes (golden ou reinette)",
                        "100 g de beurre [D]",
                        "150 g de sucre [K]"),
                l(
                        "Faites un caramel blond avec le sucre et le beurre directement dans le moule.",
                        "Disposez les quartiers de pommes serrés sur le caramel et laissez cuire 15 minutes sur le feu.",
                        "Couvrez de pâte en rentrant les bords et enfournez 30 minutes à 200 °C.",
                        "Laissez tiédir 5 minutes puis retournez la tarte sur un plat.")));
        all.add(w(
                "fr",
                "chocolate-mousse",
                "dessert",
                "chocolate",
                "french",
                l("Mousse au chocolat", "Mousse au chocolat noir", "Mousse au chocolat maison"),
                l(
                        "Une mousse au chocolat aérienne, avec seulement du chocolat noir et des œufs.",
                        "Le dessert préféré des enfants comme des grands, à préparer la veille."),
                20,
                6,
                l("dessert", "chocolat", "sucré"),
                l("200 g de chocolat noir [K]", "6 œufs [E]", "1 pincée de sel", "30 g de sucre [K]"),
                l(
                        "Faites fondre le chocolat au bain-marie.",
                        "Séparez les blancs des jaunes et incorporez les jaunes au chocolat tiède.",
                        "Montez les blancs en neige ferme avec le sel, en ajoutant le sucre à la fin.",
                        "Incorporez délicatement les blancs au chocolat et réservez au frais au moins 4 heures.")));
        all.add(w(
                "fr",
                "gratin-dauphinois",
                "bake",
                "potato",
                "french",
                l("Gratin dauphinois", "Gratin dauphinois crémeux", "Vrai gratin dauphinois"),
                l(
                        "Des pommes de terre fines cuites lentement dans la crème et le lait, parfumées à l'ail.",
                        "Le gratin dauphinois fondant, l'accompagnement idéal d'un rôti."),
                90,
                6,
                l("accompagnement", "gratin", "four"),
                l(
                        "1,2 kg de pommes de terre à chair ferme [K]",
                        "50 cl de lait entier [D]",
                        "40 cl de crème liquide [D]",
                        "2 gousses d'ail",
                        "20 g de beurre [D]",
                        "noix de muscade"),
                l(
                        "Épluchez les pommes de terre et coupez-les en fines rondelles.",
                        "Faites chauffer le lait et la crème avec l'ail écrasé et la muscade, ajoutez les pommes de terre et laissez cuire 10 minutes.",
                        "Versez dans un plat beurré.",
                        "Enfournez à 160 °C pendant 1 heure 15, jusqu'à ce que le dessus soit doré.")));
        // Spanish
        all.add(
                w(
                        "es",
                        "spanish-omelette",
                        "eggs",
                        "potato",
                        "spanish",
                        l("Tortilla de patatas", "Tortilla española", "Tortilla de patatas con cebolla"),
                        l(
                                "La tortilla de patatas de toda la vida, jugosa por dentro, con cebolla pochada.",
                                "Una tortilla española para la cena o para llevar de excursión."),
                        45,
                        4,
                        l("cena", "tapas", "huevos"),
                        l("700 g de patatas [K]", "1 cebola", "6 huevos [E]", "250 ml de aceite de oliva", "sal"),
                        l(
                                "Pela las patatas y córtalas en láminas finas; pica la cebola.",
                                "Confítalas en abundante aceite a fuego medio durante 20 minutos, sin que se doren.",
                                "Escúrrelas y mézclalas con los huevos batidos y la sal.",
                                "Cuaja la tortilla en una sartén pequeña, dale la vuelta con un plato y termina por el otro lado.")));
        all.add(w(
                "es",
                "paella",
                "rice",
                "seafood",
                "spanish",
                l("Paella de marisco", "Paella marinera", "Paella de mariscos fácil"),
                l(
                        "Arroz con gambas, mejillones y calamar, cocinado con un buen fumet y azafrán.",
                        "La paella de marisco del domingo, con su socarrat."),
                60,
                6,
                l("comida", "arroz", "marisco"),
                l(
                        "400 g de arroz bomba [K]",
                        "300 g de gambas [S]",
                        "500 g de mejillones [S]",
                        "200 g de calamares [S]",
                        "1 tomate rallado",
                        "1 pimiento rojo",
                        "2 dientes de ajo",
                        "1 l de caldo de pescado [F]",
                        "unas hebras de azafrán",
                        "6 cucharadas de aceite de oliva"),
                l(
                        "Sofríe las gambas en el aceite y resérvalas.",
                        "En el mismo aceite, sofríe el calamar, el pimiento, el ajo y el tomate.",
                        "Añade el arroz, el caldo caliente y el azafrán y cocina 18 minutos sin remover.",
                        "Coloca los mejillones y las gambas en los últimos minutos y deja reposar 5 minutos.")));
        all.add(w(
                "es",
                "paella",
                "rice",
                "chicken",
                "spanish",
                l("Paella valenciana", "Paella valenciana tradicional", "Paella de pollo y conejo"),
                l(
                        "La auténtica paella valenciana: pollo, conejo, judía verde y garrofó, con azafrán y romero.",
                        "Paella valenciana a leña o en el fuego de casa, como la hacía mi abuela."),
                75,
                6,
                l("comida", "arroz", "tradicional"),
                l(
                        "400 g de arroz bomba [K]",
                        "500 g de pollo troceado [C]",
                        "400 g de conejo troceado [M]",
                        "200 g de judía verde plana",
                        "100 g de garrofó [K]",
                        "1 tomate rallado",
                        "unas hebras de azafrán",
                        "1 ramita de romero",
                        "6 cucharadas de aceite de oliva"),
                l(
                        "Dora bien el pollo y el conejo en el aceite.",
                        "Añade las judías y el garrofó, luego el tomate, y sofríe unos minutos.",
                        "Cubre con agua, añade el azafrán y cuece 30 minutos.",
                        "Incorpora el arroz, cocina 18 minutos sin remover y añade el romero al final.")));
        all.add(w(
                "es",
                "gazpacho",
                "soup",
                "tomato",
                "spanish",
                l("Gazpacho andaluz", "Gazpacho", "Gazpacho fresquito"),
                l(
                        "Sopa fría de tomate, pepino y pimiento, perfecta para los días de calor.",
                        "El gazpacho andaluz de siempre, bien frío y con un buen aceite de oliva."),
                15,
                4,
                l("verano", "sopa", "entrante"),
                l(
                        "1 kg de tomates maduros",
                        "1 pepino",
                        "1 pimiento verde",
                        "1 diente de ajo",
                        "50 g de pan del día anterior [G][K]",
                        "100 ml de aceite de oliva virgen extra",
                        "2 cucharadas de vinagre de Jerez",
                        "sal"),
                l(
                        "Trocea las verduras y el pan.",
                        "Tritura todo con el aceite, el vinagre y la sal hasta obtener una crema fina.",
                        "Cuela si lo quieres muy fino.",
                        "Enfría en la nevera al menos dos horas antes de servir.")));
        all.add(w(
                "es",
                "patatas-bravas",
                "tapas",
                "potato",
                "spanish",
                l("Patatas bravas", "Patatas bravas con salsa brava casera", "Patatas bravas de bar"),
                l(
                        "Patatas crujientes con una salsa brava picante de pimentón: la tapa más pedida.",
                        "Patatas bravas como en el bar, con salsa casera."),
                40,
                4,
                l("tapas", "picante", "aperitivo"),
                l(
                        "800 g de patatas [K]",
                        "aceite de oliva para freír",
                        "1 cucharada de pimentón picante",
                        "1 cucharada de pimentón dulce",
                        "1 cucharada de harina [G][K]",
                        "250 ml de caldo",
                        "1 diente de ajo"),
                l(
                        "Corta las patatas en dados y fríelas a fuego medio hasta que estén tiernas; sube el fuego al final para que queden crujientes.",
                        "Para la salsa, sofríe el ajo, añade la harina y el pimentón y vierte el caldo poco a poco.",
                        "Cuece la salsa 5 minutos hasta que espese.",
                        "Sirve las patatas con la salsa brava por encima.")));
        all.add(w(
                "es",
                "garlic-chicken",
                "stew",
                "chicken",
                "spanish",
                l("Pollo al ajillo", "Pollo al ajillo con vino blanco", "Pollo al ajillo de la abuela"),
                l(
                        "Pollo troceado dorado en aceite con muchos ajos y un chorrito de vino blanco.",
                        "Un plato sencillo y sabroso de la cocina de casa."),
                45,
                4,
                l("cena", "comida", "tradicional"),
                l(
                        "1 pollo troceado [C]",
                        "1 cabeza de ajos",
                        "150 ml de vino blanco [A]",
                        "1 hoja de laurel",
                        "4 cucharadas de aceite de oliva",
                        "perejil picado"),
                l(
                        "Salpimienta el pollo y dóralo bien en el aceite.",
                        "Añade los ajos enteros sin pelar y el laurel y sofríe unos minutos.",
                        "Vierte el vino y deja que se evapore el alcohol; tapa y cuece 25 minutos.",
                        "Espolvorea con perejil y sirve.")));
        all.add(w(
                "es",
                "lentil-stew",
                "stew",
                "lentil",
                "spanish",
                l("Lentejas con chorizo", "Lentejas estofadas", "Lentejas de la abuela"),
                l(
                        "Un plato de cuchara de toda la vida: lentejas estofadas con chorizo, verduras y pimentón.",
                        "Lentejas con chorizo para los días de frío, mejores de un día para otro."),
                60,
                4,
                l("comida", "guiso", "invierno"),
                l(
                        "300 g de lentejas pardinas [K]",
                        "1 chorizo [P]",
                        "1 cebolla",
                        "1 zanahoria",
                        "1 pimiento verde",
                        "2 dientes de ajo",
                        "1 cucharadita de pimentón",
                        "1 patata [K]",
                        "1 hoja de laurel"),
                l(
                        "Pica las verduras y sofríelas en aceite.",
                        "Añade el pimentón y el chorizo en rodajas.",
                        "Incorpora las lentejas, la patata troceada y el laurel, y cubre con agua.",
                        "Cuece a fuego lento 45 minutos, hasta que las lentejas estén tiernas.")));
        all.add(w(
                "es",
                "churros",
                "dessert",
                "churros",
                "spanish",
                l("Churros con chocolate", "Churros caseros", "Churros con chocolate a la taza"),
                l(
                        "Churros crujientes recién hechos para mojar en un chocolate espeso.",
                        "La merienda de domingo: churros caseros y chocolate caliente."),
                40,
                4,
                l("postre", "merienda", "dulce"),
                l(
                        "250 g de harina [G][K]",
                        "250 ml de agua",
                        "1 pizca de sal",
                        "aceite para freír",
                        "azúcar para rebozar [K]",
                        "200 g de chocolate para fundir [K]",
                        "500 ml de leche [D]",
                        "1 cucharada de maicena"),
                l(
                        "Hierve el agua con la sal y añade la harina de golpe; remueve hasta formar una masa.",
                        "Pon la masa en una churrera y forma los churros sobre el aceite caliente.",
                        "Fríelos hasta que estén dorados y rebózalos en azúcar.",
                        "Calienta la leche con el chocolate y la maicena hasta que espese, y sirve para mojar.")));
        all.add(w(
                "es",
                "crema-catalana",
                "dessert",
                "custard",
                "spanish",
                l("Crema catalana", "Crema catalana tradicional", "Crema catalana casera"),
                l(
                        "Una crema suave perfumada con limón y canela, con su costra de azúcar quemado.",
                        "El postre de San José, con el azúcar caramelizado al momento."),
                30,
                6,
                l("postre", "dulce"),
                l(
                        "1 l de leche [D]",
                        "8 yemas de huevo [E]",
                        "200 g de azúcar [K]",
                        "40 g de maicena",
                        "1 rama de canela",
                        "piel de 1 limón"),
                l(
                        "Infusiona la leche con la canela y la piel de limón.",
                        "Bate las yemas con el azúcar y la maicena y añade la leche colada.",
                        "Cuece a fuego suave sin dejar de remover hasta que espese, sin que hierva.",
                        "Reparte en cazuelitas, enfría y quema el azúcar por encima justo antes de servir.")));
        return all;
    }
}
