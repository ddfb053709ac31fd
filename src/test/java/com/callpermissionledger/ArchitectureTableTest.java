package com.callpermissionledger;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The package table of docs/architecture.md, executed: each row's "may use" column, read from the document
 * itself, is the only set of feature packages that package's classes may depend on ("everything above" means
 * every row above it). A package without a row, or an import the table does not allow, fails the build, so
 * the document and the code cannot drift apart.
 */
class ArchitectureTableTest {

    private static final String BASE = "com.callpermissionledger";
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z]+)` \\|.*\\| ([^|]+) \\|$");
    private static final Pattern NAME = Pattern.compile("`([a-z]+)`");
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(BASE);

    /** Package name to the feature packages it may use, in the document's order. */
    static Map<String, Set<String>> table() throws IOException {
        Map<String, Set<String>> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("docs/architecture.md"))) {
            Matcher row = ROW.matcher(line.trim());
            if (!row.matches()) {
                continue;
            }
            Set<String> allowed = new LinkedHashSet<>();
            if (row.group(2).contains("everything above")) {
                allowed.addAll(rows.keySet());
            }
            Matcher name = NAME.matcher(row.group(2));
            while (name.find()) {
                allowed.add(name.group(1));
            }
            rows.put(row.group(1), allowed);
        }
        return rows;
    }

    @Test
    void everyFeaturePackageHasARow() throws IOException {
        Set<String> inCode = new TreeSet<>();
        for (JavaClass c : CLASSES) {
            String rest = c.getPackageName().substring(BASE.length());
            if (!rest.isEmpty()) {
                inCode.add(rest.substring(1).split("\\.")[0]);
            }
        }
        assertThat(table().keySet()).as("rows of docs/architecture.md").containsAll(inCode);
    }

    @TestFactory
    Stream<DynamicTest> eachPackageUsesOnlyWhatItsRowAllows() throws IOException {
        Map<String, Set<String>> table = table();
        assertThat(table).as("the table was read").hasSizeGreaterThan(10);
        List<DynamicTest> tests = new ArrayList<>();
        table.forEach((feature, allowed) -> {
            String[] forbidden = table.keySet().stream()
                    .filter(other -> !other.equals(feature) && !allowed.contains(other))
                    .map(other -> BASE + "." + other + "..").toArray(String[]::new);
            tests.add(DynamicTest.dynamicTest(feature + " may use " + allowed, () -> {
                if (forbidden.length > 0) {
                    noClasses().that().resideInAPackage(BASE + "." + feature + "..")
                            .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                            .because("docs/architecture.md lets " + feature + " use only " + allowed)
                            .check(CLASSES);
                }
            }));
        });
        return tests.stream();
    }

    @Test
    void noCyclesCountingTheRootPackage() {
        slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                if (!javaClass.getPackageName().startsWith(BASE)) {
                    return SliceIdentifier.ignore();
                }
                String rest = javaClass.getPackageName().substring(BASE.length());
                return SliceIdentifier.of(rest.isEmpty() ? "(root)" : rest.substring(1).split("\\.")[0]);
            }

            @Override
            public String getDescription() {
                return "feature packages and the root package";
            }
        }).should().beFreeOfCycles().check(CLASSES);
    }
}
