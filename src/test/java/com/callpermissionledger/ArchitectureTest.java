package com.callpermissionledger;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.servlet.Filter;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.UUID;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The directions of docs/architecture.md: everything points inward to the framework-free policy. Packages are
 * named from the base package, so a room of {@code api} (such as {@code api.pair}) is {@code api}, not {@code pair}.
 */
@AnalyzeClasses(packages = "com.callpermissionledger", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule policyUsesOnlyTheJdk = classes().that().resideInAPackage("com.callpermissionledger.policy..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("com.callpermissionledger.policy..", "java..")
            .because("the rules must be testable and reusable without Spring or Axon");

    @ArchTest
    static final ArchRule pairKnowsOnlyThePolicy = noClasses().that().resideInAPackage("com.callpermissionledger.pair..")
            .should().dependOnClassesThat().resideInAnyPackage("com.callpermissionledger.api..",
                    "com.callpermissionledger.settings..", "com.callpermissionledger.expiry..", "com.callpermissionledger.config..");

    @ArchTest
    static final ArchRule onlyTheEdgeSpeaksHttp = noClasses().that().resideOutsideOfPackage("com.callpermissionledger.api..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..");

    @ArchTest
    static final ArchRule onlyTheEdgeAndSecurityUseSpringSecurity = noClasses()
            .that().resideOutsideOfPackages("com.callpermissionledger.api..", "com.callpermissionledger.security..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework.security..")
            .because("who may do what is decided once, by the role table in security and the chain built from it in api");

    @ArchTest
    static final ArchRule featuresFormNoCycles = slices().matching("com.callpermissionledger.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noHiddenClockOrRandomness = noClasses()
            .that().resideOutsideOfPackage("com.callpermissionledger.time..")
            .should().callMethod(Instant.class, "now")
            .orShould().callMethod(LocalDateTime.class, "now")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(UUID.class, "randomUUID")
            .orShould().callConstructor(Date.class)
            .because("time is data: it comes from the injected Clock");

    @ArchTest
    static final ArchRule everyFilterIsAFilterOfTheEdge = classes().that().areAssignableTo(Filter.class)
            .should().haveSimpleNameEndingWith("Filter")
            .andShould().resideInAPackage("com.callpermissionledger.api.filter")
            .because("a newcomer finds every filter in api/filter by one name pattern");

    @ArchTest
    static final ArchRule filtersArePlacedByFilterOrderOnly = noClasses().that().areAssignableTo(Filter.class)
            .should().beAnnotatedWith(Order.class).orShould().beMetaAnnotatedWith(Component.class)
            .because("the order of the filters is declared once, in api/filter/FilterOrder; a @Component filter "
                    + "would be registered by Spring Boot on its own");

    @ArchTest
    static final ArchRule apiRoomsFormNoCycles = slices().matching("com.callpermissionledger.api.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule problemsNeedNoOtherRoom = noClasses().that().resideInAPackage("com.callpermissionledger.api.problem..")
            .should().dependOnClassesThat(resideInAPackage("com.callpermissionledger.api..")
                    .and(not(resideInAPackage("com.callpermissionledger.api.problem.."))))
            .because("every room of api answers with problems; the problem mapping depends on none of them");
}
