package com.callpermissionledger.settings;

import com.callpermissionledger.config.LedgerProperties;
import com.callpermissionledger.config.PolicyDefinition;
import com.callpermissionledger.policy.Policy;
import com.callpermissionledger.policy.PolicyCatalog;
import com.callpermissionledger.policy.UnknownPolicyException;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The default in force at an instant and the numbers of a used policy, as the register stream records them. */
class RecordedPoliciesTest {

    private static final Instant JAN = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant MAR = Instant.parse("2026-03-01T00:00:00Z");
    private static final Policy TRIAL = new Policy("trial-3", true, Duration.ofHours(168), 3, Duration.ofHours(24),
            2, Duration.ofHours(24), 4, Duration.ofDays(7), 3, 5, Duration.ofDays(7));

    private final EventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final RecordedPolicies recorded = new RecordedPolicies(store);
    private long sequence;

    private void record(Object event) {
        store.publish(new GenericDomainEventMessage<>("PolicyRegister", PolicyRegister.ID, sequence++, event));
    }

    @Test
    void theDefaultInForceIsTheLastOneRecordedAtOrBeforeTheInstantAndTheFirstBeforeAnyWasRecorded() {
        record(PolicyDefined.of(PolicyCatalog.WHATSAPP_V1, JAN));
        record(new DefaultPolicyChanged("whatsapp-v1", JAN));
        record(PolicyDefined.of(PolicyCatalog.WHATSAPP_V2, MAR));
        record(new DefaultPolicyChanged("whatsapp-v2", MAR));

        assertThat(recorded.defaultAt(JAN.minusSeconds(1))).contains("whatsapp-v1");
        assertThat(recorded.defaultAt(JAN)).contains("whatsapp-v1");
        assertThat(recorded.defaultAt(MAR.minusMillis(1))).contains("whatsapp-v1");
        assertThat(recorded.defaultAt(MAR)).contains("whatsapp-v2");
        assertThat(recorded.definitions()).containsOnlyKeys("whatsapp-v1", "whatsapp-v2");
    }

    @Test
    void nothingRecordedMeansNoRecordedDefault() {
        assertThat(recorded.defaultAt(MAR)).isEmpty();
    }

    @Test
    void aUsedPolicyNoLongerConfiguredIsStillKnownByItsRecordedNumbersButCannotBeChosen() {
        record(PolicyDefined.of(TRIAL, JAN));
        PolicyBook book = new PolicyBook(new LedgerProperties(), recorded, null);

        assertThat(book.byName("trial-3")).isEqualTo(TRIAL);
        assertThatThrownBy(() -> book.choosable("trial-3")).isInstanceOf(UnknownPolicyException.class)
                .hasMessageContaining("whatsapp-v1").hasMessageContaining("whatsapp-v2");
        assertThatThrownBy(() -> book.byName("trial-4")).isInstanceOf(UnknownPolicyException.class);
    }

    @Test
    void aConfiguredPolicyIsKnownAndChoosableBesideTheBuiltIns() {
        LedgerProperties properties = new LedgerProperties();
        properties.getPolicies().put("trial-3", new PolicyDefinition(true, Duration.ofHours(168), 3,
                Duration.ofHours(24), 2, Duration.ofHours(24), 4, Duration.ofDays(7), 3, 5, Duration.ofDays(7)));
        properties.getPolicy().setDefault("trial-3");
        PolicyBook book = new PolicyBook(properties, recorded, null);

        assertThat(book.choosable("trial-3")).isEqualTo(TRIAL);
        assertThat(book.defaultPolicy()).isEqualTo(TRIAL);
        assertThat(book.configured()).extracting(Policy::name).containsExactly("whatsapp-v1", "whatsapp-v2", "trial-3");
    }
}
