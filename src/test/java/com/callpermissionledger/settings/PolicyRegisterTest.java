package com.callpermissionledger.settings;

import com.callpermissionledger.pair.MutableClock;
import com.callpermissionledger.policy.Policy;
import com.callpermissionledger.policy.PolicyCatalog;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

/** A policy's numbers are recorded on first use and can never change under its name; the default over time. */
class PolicyRegisterTest {

    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
    private static final Instant EARLIER = NOW.minus(Duration.ofDays(30));
    private static final Duration DAY = Duration.ofHours(24);
    private static final Duration WEEK = Duration.ofDays(7);

    /** The platform's sandbox numbers (whatsapp-calling.md §1): 25 requests a day, 100 a week, 5 / 10 misses. */
    private static final Policy SANDBOX = new Policy("sandbox-2026", true, Duration.ofSeconds(604_800), 100, DAY,
            25, DAY, 100, WEEK, 5, 10, WEEK);

    private AggregateTestFixture<PolicyRegister> fixture;

    @BeforeEach
    void createFixture() {
        fixture = new AggregateTestFixture<>(PolicyRegister.class);
        fixture.registerCommandTargetResolver(new PolicyRegisterTargetResolver());
        fixture.registerInjectableResource(new MutableClock(NOW));
    }

    @Test
    void theFirstUseRecordsThePolicysNumbersAndTheDefault() {
        fixture.givenNoPriorActivity()
                .when(new UsePolicy(SANDBOX, true))
                .expectEvents(PolicyDefined.of(SANDBOX, NOW), new DefaultPolicyChanged("sandbox-2026", NOW))
                .expectResultMessagePayload(true);
    }

    @Test
    void aPolicyChosenByABusinessIsRecordedWithoutBecomingTheDefault() {
        fixture.given(PolicyDefined.of(PolicyCatalog.WHATSAPP_V1, EARLIER),
                        new DefaultPolicyChanged("whatsapp-v1", EARLIER))
                .when(new UsePolicy(SANDBOX, false))
                .expectEvents(PolicyDefined.of(SANDBOX, NOW))
                .expectResultMessagePayload(true);
    }

    @Test
    void usingARecordedPolicyWithTheSameNumbersRecordsNothing() {
        fixture.given(PolicyDefined.of(SANDBOX, EARLIER), new DefaultPolicyChanged("sandbox-2026", EARLIER))
                .when(new UsePolicy(SANDBOX, true))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void aChangedDefaultIsRecordedWithTheInstantItTookEffect() {
        fixture.given(PolicyDefined.of(PolicyCatalog.WHATSAPP_V1, EARLIER),
                        new DefaultPolicyChanged("whatsapp-v1", EARLIER), PolicyDefined.of(SANDBOX, EARLIER))
                .when(new UsePolicy(SANDBOX, true))
                .expectEvents(new DefaultPolicyChanged("sandbox-2026", NOW));
    }

    @Test
    void otherNumbersUnderAUsedNameAreRefusedAndRecordNothing() {
        Policy changed = new Policy("sandbox-2026", true, Duration.ofSeconds(604_800), 100, DAY, 25, DAY, 100, WEEK,
                5, 12, WEEK);

        fixture.given(PolicyDefined.of(SANDBOX, EARLIER))
                .when(new UsePolicy(changed, false))
                .expectException(PolicyRedefinedException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("'sandbox-2026' has been used with other numbers"),
                        org.hamcrest.Matchers.containsString("under a new name")))
                .expectNoEvents();
    }
}
