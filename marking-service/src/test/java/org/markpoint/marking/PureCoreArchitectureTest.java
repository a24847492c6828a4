package org.markpoint.marking;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

/** The interesting logic stays plain Java that a unit test can drive: no Spring, MongoDB or Kafka in the core. */
class PureCoreArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.markpoint.marking");

    @Test
    void coreHasNoFrameworkOrIo() {
        noClasses().that().resideInAnyPackage("..engine..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..",
                        "org.bson..", "org.apache.kafka..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void controllersDoNotTouchTheDatabaseDirectly() {
        noClasses().that().resideInAPackage("..api..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.data.mongodb..",
                        "com.mongodb..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    /**
     * Every query goes through a store whose methods take the tenant; a controller (in any package) reaching for
     * MongoDB itself could forget it, so none may.
     */
    @Test
    void noControllerQueriesMongoItself() {
        noClasses().that().areAnnotatedWith(RestController.class)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.data.mongodb..",
                        "com.mongodb..", "org.bson..")
                .check(CLASSES);
    }
}
