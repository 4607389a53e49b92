package br.com.vetric;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Repository;

/**
 * Guard rails beside {@link ModularityTests}: where code may live and what it may know. Each rule names what a
 * newcomer would otherwise break without noticing.
 */
class ArchitectureTests {

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("br.com.vetric");

    /** The module of a class: the package right under br.com.vetric. */
    static String module(JavaClass c) {
        String rest = c.getPackageName().substring("br.com.vetric.".length() - 1);
        String[] parts = rest.split("\\.");
        return parts.length > 1 ? parts[1] : "";
    }

    @Test
    void repositoriesAreUsedOnlyInsideTheirModule() {
        classes()
                .that()
                .areAnnotatedWith(Repository.class)
                .should(new ArchCondition<>("be used only by its own module") {
                    @Override
                    public void check(JavaClass repository, ConditionEvents events) {
                        repository.getAccessesToSelf().forEach(a -> {
                            JavaClass from = a.getOriginOwner();
                            if (!module(from).equals(module(repository))) {
                                events.add(SimpleConditionEvent.violated(
                                        a, from.getName() + " uses " + repository.getName()));
                            }
                        });
                    }
                })
                .check(MAIN);
    }

    @Test
    void internalCodeIsUsedOnlyInsideItsModule() {
        classes()
                .that()
                .resideInAPackage("..internal..")
                .should(new ArchCondition<>("be used only by its own module") {
                    @Override
                    public void check(JavaClass internal, ConditionEvents events) {
                        internal.getDirectDependenciesToSelf().forEach(d -> {
                            if (!module(d.getOriginClass()).equals(module(internal))) {
                                events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                            }
                        });
                    }
                })
                .check(MAIN);
    }

    @Test
    void theDomainDoesNotDependOnTheWeb() {
        noClasses()
                .that()
                .resideInAPackage("..internal..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("br.com.vetric..web..")
                .check(MAIN);
    }

    @Test
    void sessionsHaveNoPublicMutableField() {
        fields().that()
                .areDeclaredInClassesThat()
                .resideInAPackage("br.com.vetric.sessions..")
                .and()
                .arePublic()
                .should()
                .haveModifier(JavaModifier.FINAL)
                .check(MAIN);
    }

    @Test
    void restControllersLiveInAWebPackage() {
        classes()
                .that()
                .areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
                .should()
                .resideInAPackage("..web..")
                .check(MAIN);
    }

    /** The wire stays in its adapter: no code outside cpms (and the fake CVE-PRO) spells CVE-PRO's or OCPP's codes. */
    @Test
    void noCodeOutsideTheAdaptersSpellsTheWiresCodes() throws IOException {
        Pattern wire = Pattern.compile(
                "\"(NoError|EVDisconnected|PowerLoss|EmergencyStop|HardReset|SoftReset|"
                        + "UnlockCommand|DeAuthorized|Reboot|Remote|Local)\"|ocppTagPk|ocppIdTag",
                Pattern.CASE_INSENSITIVE);
        Path root = Path.of("src/main/java/br/com/vetric");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(root)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.startsWith(root.resolve("cpms"))
                            && !p.startsWith(root.resolve("simulator"))
                            && !p.startsWith(root.resolve("ocpp")))
                    .filter(p -> {
                        try {
                            return wire.matcher(Files.readString(p)).find();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .map(Path::toString)
                    .toList();
        }
        assertThat(offenders)
                .as("files outside the adapters that know the wire's codes")
                .isEmpty();
    }
}
