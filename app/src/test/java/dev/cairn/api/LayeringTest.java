package dev.cairn.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.micronaut.http.annotation.Controller;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The app's layering: controller -> service -> repository -> adapter, never around it. */
class LayeringTest {
    private static JavaClasses api;

    @BeforeAll
    static void load() {
        api = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.cairn.api");
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
                .resideOutsideOfPackages("dev.cairn.api.auth.cognito..", "dev.cairn.api.aws..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("software.amazon.awssdk.services.cognitoidentityprovider..")
                .check(api);
    }

    @Test
    void theHttpContractDependsOnNoFeature() {
        classes()
                .that()
                .resideInAPackage("dev.cairn.api.http..")
                .should()
                .onlyDependOnClassesThat()
                .resideOutsideOfPackages(
                        "dev.cairn.api.user..", "dev.cairn.api.media..", "dev.cairn.api.auth..", "dev.cairn.api.data..")
                .check(api);
    }
}
