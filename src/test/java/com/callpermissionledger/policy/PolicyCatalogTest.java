package com.callpermissionledger.policy;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The two named policies and their numbers. */
class PolicyCatalogTest {

    @Test
    void v1IsTheProductDocumentation() {
        Policy v1 = PolicyCatalog.WHATSAPP_V1;

        assertThat(v1.name()).isEqualTo("whatsapp-v1");
        assertThat(v1.permanentPermissions()).isFalse();
        assertThat(v1.temporaryValidity()).isEqualTo(Duration.ofSeconds(604_800));
        assertThat(v1.callCap()).isEqualTo(5);
        assertThat(v1.callWindow()).isEqualTo(Duration.ofHours(24));
        assertThat(v1.requestCapShort()).isEqualTo(1);
        assertThat(v1.requestWindowShort()).isEqualTo(Duration.ofHours(24));
        assertThat(v1.requestCapLong()).isEqualTo(2);
        assertThat(v1.requestWindowLong()).isEqualTo(Duration.ofDays(7));
        assertThat(v1.warnAfterMisses()).isEqualTo(2);
        assertThat(v1.revokeAfterMisses()).isEqualTo(4);
        assertThat(v1.requestExpiry()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void v2HasPermanentPermissionsAndOneHundredCallsAndOtherwiseTheSameNumbers() {
        Policy v1 = PolicyCatalog.WHATSAPP_V1;
        Policy v2 = PolicyCatalog.WHATSAPP_V2;

        assertThat(v2.name()).isEqualTo("whatsapp-v2");
        assertThat(v2.permanentPermissions()).isTrue();
        assertThat(v2.callCap()).isEqualTo(100);
        assertThat(v2).usingRecursiveComparison().ignoringFields("name", "permanentPermissions", "callCap")
                .isEqualTo(v1);
    }

    @Test
    void policiesAreFoundByName() {
        assertThat(PolicyCatalog.byName("whatsapp-v2")).contains(PolicyCatalog.WHATSAPP_V2);
        assertThat(PolicyCatalog.require("whatsapp-v1")).isSameAs(PolicyCatalog.WHATSAPP_V1);
        assertThat(PolicyCatalog.byName("whatsapp-v3")).isEmpty();
        assertThat(PolicyCatalog.ALL).containsExactly(PolicyCatalog.WHATSAPP_V1, PolicyCatalog.WHATSAPP_V2);
    }

    @Test
    void anUnknownPolicyNameIsRefusedListingTheKnownOnes() {
        assertThatThrownBy(() -> PolicyCatalog.require("whatsapp-v9"))
                .isInstanceOf(UnknownPolicyException.class)
                .hasMessageContaining("whatsapp-v9")
                .hasMessageContaining("whatsapp-v1")
                .hasMessageContaining("whatsapp-v2");
    }

    @Test
    void aPolicyWithoutNameZeroCapsOrRevocationBeforeWarningCannotExist() {
        Duration d = Duration.ofDays(1);
        assertThatThrownBy(() -> new Policy(" ", false, d, 1, d, 1, d, 1, d, 1, 1, d))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Policy("p", false, d, 0, d, 1, d, 1, d, 1, 1, d))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Policy("p", false, d, 1, d, 1, d, 0, d, 1, 1, d))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Policy("p", false, d, 1, d, 1, d, 1, d, 3, 2, d))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new Policy("p", false, d, 1, d, 1, d, 1, d, 2, 2, d).name()).isEqualTo("p");
    }

    @Test
    void everyRuleIdIsDistinctAndPrefixedWithR() {
        assertThat(RuleId.values()).extracting(RuleId::id).doesNotHaveDuplicates().allMatch(id -> id.startsWith("R-"));
        assertThat(RuleId.TEMPORARY_VALIDITY.toString()).isEqualTo("R-TEMPORARY-168H");
    }
}
