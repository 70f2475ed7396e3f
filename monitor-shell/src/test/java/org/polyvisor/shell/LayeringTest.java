package org.polyvisor.shell;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The dependency rules of shared/DESIGN.md, checked on every Polyvisor class on the class path (tests left out). */
class LayeringTest {
    private static JavaClasses polyvisor;

    @BeforeAll
    static void importClasses() {
        polyvisor = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests()).importPackages("org.polyvisor");
        // Guards against a vacuous pass: the importer must have read the class files (Java 25) of each module.
        for (String c : List.of("org.polyvisor.spi.IsaProvider", "org.polyvisor.kernel.Hypervisor", "org.polyvisor.shell.Main",
                "org.polyvisor.shell.session.ShellSession", "org.polyvisor.devices.Uart16550"))
            assertTrue(polyvisor.contain(c), "ArchUnit did not import " + c);
    }

    /** The rules see dependencies at all: the shell's own use of picocli is found. */
    @Test
    void theCheckerSeesDependencies() {
        assertTrue(noClasses().that().resideInAPackage("org.polyvisor.shell..")
                .should().dependOnClassesThat().resideInAnyPackage("picocli..", "org.jline..")
                .evaluate(polyvisor).hasViolation(), "ArchUnit found no dependency of the shell on picocli or JLine");
    }

    @Test
    void spiDependsOnlyOnTheJdk() {
        classes().that().resideInAPackage("org.polyvisor.spi..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.polyvisor.spi..")
                .check(polyvisor);
    }

    static final List<String> ISAS = Guests.ISAS;

    @ParameterizedTest(name = "isa.{0}")
    @FieldSource("ISAS")
    void anIsaDependsOnlyOnTheJdkTheSpiAndItself(String isa) {
        List<String> allowed = new ArrayList<>(List.of("java..", "org.polyvisor.spi..", "org.polyvisor.devices..", "org.polyvisor.isa." + isa + ".."));
        if (isa.equals("x86_64")) allowed.add("org.polyvisor.isa.x86..");
        classes().that().resideInAPackage("org.polyvisor.isa." + isa + "..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(allowed.toArray(String[]::new))
                .allowEmptyShould(true)
                .check(polyvisor);
    }

    @Test
    void sharedDevicesDependOnlyOnTheJdkAndTheSpi() {
        classes().that().resideInAPackage("org.polyvisor.devices..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.polyvisor.spi..", "org.polyvisor.devices..")
                .check(polyvisor);
    }

    /** Boards are the ISAs' business: the kernel routes to them through the SPI and names no device. */
    @Test
    void kernelNeverNamesADevice() {
        noClasses().that().resideInAPackage("org.polyvisor.kernel..")
                .should().dependOnClassesThat().resideInAPackage("org.polyvisor.devices..")
                .check(polyvisor);
    }

    @Test
    void kernelAndSpiNeverNameAnIsa() {
        noClasses().that().resideInAnyPackage("org.polyvisor.kernel..", "org.polyvisor.spi..")
                .should().dependOnClassesThat().resideInAPackage("org.polyvisor.isa..")
                .check(polyvisor);
    }

    @Test
    void onlyTheShellUsesPicocliAndJline() {
        noClasses().that().resideOutsideOfPackage("org.polyvisor.shell..")
                .should().dependOnClassesThat().resideInAnyPackage("picocli..", "org.jline..")
                .check(polyvisor);
    }
}
