package com.callpermissionledger.pair;

import com.callpermissionledger.policy.Channel;
import com.callpermissionledger.policy.Decision;
import com.callpermissionledger.policy.GrantSource;
import com.callpermissionledger.policy.PairId;
import com.callpermissionledger.policy.PermissionKind;
import com.callpermissionledger.policy.RefusalCode;
import com.callpermissionledger.policy.RejectionCode;
import com.callpermissionledger.policy.RuleId;
import com.callpermissionledger.policy.event.CallPlaced;
import com.callpermissionledger.policy.event.PairEvent;
import com.callpermissionledger.policy.event.PermissionGranted;
import com.callpermissionledger.policy.event.PermissionRequestDelivered;
import com.callpermissionledger.policy.event.PermissionRequested;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One {@link AggregateTestFixture} per test, wired as the application wires the aggregate: commands routed by
 * {@link PairCommandTargetResolver}, a {@link MutableClock} and a {@link MutableTerms} as injectable resources.
 * Expected values are written out from the rules (168 h, 24 h, 7 d), never computed with production code.
 */
abstract class PairAggregateTestSupport {

    static final String BUSINESS = "15550001111";
    static final PairId PAIR = new PairId(BUSINESS, "491701234567");

    /** The instant every test decides at, unless it moves the clock. */
    static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");

    static final String V1 = "whatsapp-v1";
    static final String V2 = "whatsapp-v2";

    static final Duration HOURS_168 = Duration.ofSeconds(7 * 86_400L);
    static final Duration DAY = Duration.ofHours(24);
    static final Duration WEEK = Duration.ofDays(7);

    AggregateTestFixture<PairAggregate> fixture;
    MutableClock clock;
    MutableTerms terms;

    @BeforeEach
    void createFixture() {
        clock = new MutableClock(NOW);
        terms = new MutableTerms();
        fixture = new AggregateTestFixture<>(PairAggregate.class);
        fixture.registerCommandTargetResolver(new PairCommandTargetResolver());
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(terms);
    }

    static Instant ago(Duration d) {
        return NOW.minus(d);
    }

    static Instant hence(Duration d) {
        return NOW.plus(d);
    }

    // ---- history, as the aggregate would have recorded it --------------------------------------------

    static PermissionRequested requested(String requestId, Instant at) {
        return new PermissionRequested(PAIR, at, requestId, Channel.FREE_FORM, at.plus(WEEK), V1);
    }

    static PermissionRequestDelivered delivered(String requestId, Instant at) {
        return new PermissionRequestDelivered(PAIR, at, requestId, at.plus(WEEK), false);
    }

    static PermissionGranted profileGrant(Instant at) {
        return new PermissionGranted(PAIR, at, GrantSource.BUSINESS_PROFILE, PermissionKind.TEMPORARY,
                at.plus(HOURS_168), null, V1, "R-PROFILE-GRANT");
    }

    static PermissionGranted permanentProfileGrant(Instant at) {
        return new PermissionGranted(PAIR, at, GrantSource.BUSINESS_PROFILE, PermissionKind.PERMANENT,
                null, null, V2, "R-PROFILE-GRANT");
    }

    static CallPlaced placed(String callId, Instant at) {
        return new CallPlaced(PAIR, at, callId, V1);
    }

    // ---- checks on the returned PairOutcome --------------------------------------------------------

    static OutcomeMatcher recorded(PairEvent... events) {
        return OutcomeMatcher.outcome(o -> {
            assertThat(o.decision()).isInstanceOf(Decision.Recorded.class);
            assertThat(o.decision().events()).containsExactly(events);
        });
    }

    static OutcomeMatcher refused(RefusalCode code, RuleId rule, Instant retryAt, List<Instant> evidence,
                                  PairEvent... events) {
        return OutcomeMatcher.outcome(o -> {
            assertThat(o.decision()).isInstanceOf(Decision.Refused.class);
            Decision.Refused refused = (Decision.Refused) o.decision();
            assertThat(refused.refusal().code()).isEqualTo(code);
            assertThat(refused.refusal().rule()).isEqualTo(rule);
            assertThat(refused.refusal().retryAt()).isEqualTo(retryAt);
            assertThat(refused.refusal().evidence()).containsExactlyElementsOf(evidence);
            assertThat(refused.refusal().detail()).startsWith("Rule " + rule.id() + ":");
            assertThat(refused.events()).containsExactly(events);
        });
    }

    static OutcomeMatcher unchanged() {
        return OutcomeMatcher.outcome(o -> assertThat(o.decision()).isEqualTo(new Decision.Unchanged()));
    }

    static OutcomeMatcher rejected(RejectionCode code) {
        return OutcomeMatcher.outcome(o -> {
            assertThat(o.decision()).isInstanceOf(Decision.Rejected.class);
            assertThat(((Decision.Rejected) o.decision()).code()).isEqualTo(code);
        });
    }
}
