package dev.cairn.api;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import io.micronaut.http.annotation.Controller;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The app in five layers, each depending only on the ones below it:
 *
 * <ol>
 *   <li><b>platform</b>: what every request and every feature uses, and nothing Cairn-specific: the
 *       HTTP envelope ({@code http}), AWS clients ({@code aws}), secrets, data helpers and the
 *       user-data port export and deletion go through ({@code data}), per-user limits ({@code
 *       limits}), SnapStart, the API documentation, the CDN's origin check ({@code edge}), health,
 *       the blueprint condition ({@code blueprint}), the caller and the ports the token check reads
 *       ({@code identity}), what tells the caches that site-owned content changed ({@code
 *       revalidation}), full-text search over a feature's search index ({@code search}), and the Lambda entry point ({@code dev.cairn.api} itself).
 *   <li><b>storage</b>: the media bucket and what is kept in it for a user: objects, private
 *       documents and their types, storage usage ({@code storage}).
 *   <li><b>collection</b>: the collections engine ({@code collection}).
 *   <li><b>features</b>: sign-in ({@code auth}), the user's account ({@code user}), images ({@code
 *       media}), guitars, the personal site, the portfolio, files, API keys and recipes. A feature never uses another:
 *       what two features share sits in a layer below.
 *   <li><b>build</b>: what the build runs over the compiled app, never a request: the OpenAPI
 *       documents ({@code openapi}).
 * </ol>
 *
 * <p>Platform packages keep their own names rather than moving under a common parent: the layer is
 * what this test says, and renaming ten packages would only make every other change conflict.
 */
class LayeringTest {
    private static final String APP = "dev.cairn.api";

    private static final List<String> FEATURES =
            List.of("auth", "user", "media", "guitar", "site", "files", "keys", "portfolio", "recipe");

    private static final DescribedPredicate<JavaClass> PLATFORM = resideInAPackage(APP)
            .or(resideInAnyPackage(
                    APP + ".http..",
                    APP + ".aws..",
                    APP + ".secrets..",
                    APP + ".data..",
                    APP + ".limits..",
                    APP + ".snapstart..",
                    APP + ".docs..",
                    APP + ".edge..",
                    APP + ".health..",
                    APP + ".blueprint..",
                    APP + ".revalidation..",
                    APP + ".search..",
                    APP + ".identity.."));

    private static final DescribedPredicate<JavaClass> FEATURE = resideInAnyPackage(
            FEATURES.stream().map(feature -> APP + "." + feature + "..").toArray(String[]::new));

    private static JavaClasses api;

    @BeforeAll
    static void load() {
        api = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(APP);
    }

    @Test
    void eachLayerUsesOnlyTheLayersBelowIt() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .ensureAllClassesAreContainedInArchitecture()
                .layer("Platform")
                .definedBy(PLATFORM)
                .layer("Storage")
                .definedBy(APP + ".storage..")
                .layer("Collection")
                .definedBy(APP + ".collection..")
                .layer("Features")
                .definedBy(FEATURE)
                .layer("Build")
                .definedBy(APP + ".openapi..")
                .whereLayer("Build")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Features")
                .mayOnlyBeAccessedByLayers("Build")
                .whereLayer("Collection")
                .mayOnlyBeAccessedByLayers("Features", "Build")
                .whereLayer("Storage")
                .mayOnlyBeAccessedByLayers("Collection", "Features", "Build")
                .whereLayer("Platform")
                .mayOnlyBeAccessedByLayers("Storage", "Collection", "Features", "Build")
                .check(api);
    }

    @Test
    void featuresNeverUseEachOther() {
        slices().assignedFrom(new SliceAssignment() {
                    @Override
                    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                        return FEATURES.stream()
                                .filter(feature -> javaClass
                                        .getPackageName()
                                        .matches(Pattern.quote(APP + "." + feature) + "(\\..*)?"))
                                .findFirst()
                                .map(SliceIdentifier::of)
                                .orElseGet(SliceIdentifier::ignore);
                    }

                    @Override
                    public String getDescription() {
                        return "features";
                    }
                })
                .should()
                .notDependOnEachOther()
                .check(api);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching(APP + ".(*)..").should().beFreeOfCycles().check(api);
    }

    @Test
    void controllersNeverTalkToAwsDirectly() {
        noClasses()
                .that()
                .areAnnotatedWith(Controller.class)
                .should()
                .dependOnClassesThat()
                .resideInAPackage("software.amazon.awssdk..")
                .check(api);
    }

    @Test
    void controllersGoThroughServicesNotRepositories() {
        noClasses()
                .that()
                .areAnnotatedWith(Controller.class)
                .should()
                .dependOnClassesThat()
                .haveSimpleNameEndingWith("Records")
                .orShould()
                .dependOnClassesThat()
                .haveSimpleNameEndingWith("Profiles")
                .orShould()
                .dependOnClassesThat()
                .haveSimpleNameEndingWith("Objects")
                .check(api);
    }

    @Test
    void onlyTheCognitoAdapterKnowsCognito() {
        noClasses()
                .that()
                .resideOutsideOfPackages(APP + ".auth.cognito..", APP + ".aws..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("software.amazon.awssdk.services.cognitoidentityprovider..")
                .check(api);
    }

    @Test
    void theHttpEnvelopeDependsOnNothingElseOfTheApp() {
        classes()
                .that()
                .resideInAPackage(APP + ".http..")
                .should()
                .onlyDependOnClassesThat(resideInAPackage(APP + ".http..").or(resideOutsideOfPackage(APP + "..")))
                .check(api);
    }
}
