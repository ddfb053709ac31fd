package com.callpermissionledger;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.UUID;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The directions of docs/architecture.md: everything points inward to the framework-free policy. */
@AnalyzeClasses(packages = "com.callpermissionledger", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule policyUsesOnlyTheJdk = classes().that().resideInAPackage("..policy..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("com.callpermissionledger.policy..", "java..")
            .because("the rules must be testable and reusable without Spring or Axon");

    @ArchTest
    static final ArchRule pairKnowsOnlyThePolicy = noClasses().that().resideInAPackage("..pair..")
            .should().dependOnClassesThat().resideInAnyPackage("..api..", "..settings..", "..expiry..", "..config..");

    @ArchTest
    static final ArchRule onlyTheEdgeSpeaksHttp = noClasses().that().resideOutsideOfPackage("..api..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..");

    @ArchTest
    static final ArchRule onlyTheEdgeAndSecurityUseSpringSecurity = noClasses()
            .that().resideOutsideOfPackages("..api..", "..security..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework.security..")
            .because("who may do what is decided once, by the role table in security and the chain built from it in api");

    @ArchTest
    static final ArchRule featuresFormNoCycles = slices().matching("com.callpermissionledger.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noHiddenClockOrRandomness = noClasses()
            .that().resideOutsideOfPackage("..time..")
            .should().callMethod(Instant.class, "now")
            .orShould().callMethod(LocalDateTime.class, "now")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(UUID.class, "randomUUID")
            .orShould().callConstructor(Date.class)
            .because("time is data: it comes from the injected Clock");
}
