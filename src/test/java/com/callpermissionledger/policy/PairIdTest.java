package com.callpermissionledger.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Pair ids and message ids: the formats the ledger accepts. */
class PairIdTest {

    @Test
    void aPairOfPhoneNumberIdAndWhatsAppIdHasTheAggregateIdBusinessColonUser() {
        PairId pair = new PairId("106540352242922", "4915112345678");

        assertThat(pair.value()).isEqualTo("106540352242922:4915112345678");
        assertThat(pair.toString()).isEqualTo("106540352242922:4915112345678");
    }

    @Test
    void aBusinessScopedUserIdIsAccepted() {
        PairId pair = new PairId("106540352242922", "US.13491208655302741918");

        assertThat(pair.user()).isEqualTo("US.13491208655302741918");
        assertThat(PairId.parse(pair.value())).isEqualTo(pair);
    }

    @Test
    void anAggregateIdParsesBackToTheSamePair() {
        PairId pair = new PairId("1", "12345678901234567890");

        assertThat(PairId.parse("1:12345678901234567890")).isEqualTo(pair);
        assertThat(PairId.parse(pair.value())).isEqualTo(pair);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"12a", "+4915112345678", "123456789012345678901234567890123", " 1065"})
    void anInvalidBusinessIsRefusedNamingTheField(String business) {
        assertThatThrownBy(() -> new PairId(business, "4915112345678"))
                .isInstanceOfSatisfying(InvalidIdentifierException.class, e -> assertThat(e.field()).isEqualTo("business"));
    }

    @Test
    void aBusinessOf32DigitsIsAccepted() {
        assertThat(new PairId("12345678901234567890123456789012", "1").business()).hasSize(32);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"123456789012345678901", "us.1349", "USA.1349", "US.", "US.13:49", "+4915112345678",
            "4915:112345678"})
    void anInvalidUserIsRefusedNamingTheField(String user) {
        assertThatThrownBy(() -> new PairId("106540352242922", user))
                .isInstanceOfSatisfying(InvalidIdentifierException.class, e -> assertThat(e.field()).isEqualTo("user"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"106540352242922", "", ":4915112345678", "106540352242922:", "1:2:3"})
    void anAggregateIdThatIsNotBusinessColonUserIsRefused(String aggregateId) {
        assertThatThrownBy(() -> PairId.parse(aggregateId)).isInstanceOf(InvalidIdentifierException.class);
    }

    @Test
    void parsingNullIsRefusedAsAPairId() {
        assertThatThrownBy(() -> PairId.parse(null))
                .isInstanceOfSatisfying(InvalidIdentifierException.class, e -> assertThat(e.field()).isEqualTo("pair"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"wamid.A1", "wacid.1", "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI4QUM3NTY=",
            "a_b-c:d+e=f.g"})
    void messageIdsOfTheDocumentedFormatAreAccepted(String id) {
        assertThat(MessageIds.require("requestId", id)).isEqualTo(id);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"wamid/A1", "wamid A1", "wamid.ä"})
    void messageIdsOutsideTheFormatAreRefusedNamingTheField(String id) {
        assertThatThrownBy(() -> MessageIds.require("callId", id))
                .isInstanceOfSatisfying(InvalidIdentifierException.class, e -> assertThat(e.field()).isEqualTo("callId"));
    }

    @Test
    void messageIdsAreAtMost128Characters() {
        assertThat(MessageIds.require("requestId", "a".repeat(128))).hasSize(128);
        assertThatThrownBy(() -> MessageIds.require("requestId", "a".repeat(129)))
                .isInstanceOf(InvalidIdentifierException.class);
    }

    @Test
    void commandsValidateTheirIds() {
        PairId pair = Ledger.PAIR;
        assertThatThrownBy(() -> new com.callpermissionledger.policy.command.PlaceCall(pair, "wacid/1"))
                .isInstanceOfSatisfying(InvalidIdentifierException.class, e -> assertThat(e.field()).isEqualTo("callId"));
        assertThatThrownBy(() -> new com.callpermissionledger.policy.command.SendPermissionRequest(pair, "", Channel.TEMPLATE))
                .isInstanceOfSatisfying(InvalidIdentifierException.class, e -> assertThat(e.field()).isEqualTo("requestId"));
    }
}
