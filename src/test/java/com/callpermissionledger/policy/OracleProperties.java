package com.callpermissionledger.policy;

import com.callpermissionledger.policy.History.Decided;
import com.callpermissionledger.policy.OracleState.Block;
import com.callpermissionledger.policy.RuleOracle.Expected;
import com.callpermissionledger.policy.state.PairState;
import com.callpermissionledger.policy.state.PermissionGrant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger against the {@link RuleOracle}: every decision, and the status answer before it, is the one the
 * oracle computes from the commands and the clock alone. Nothing expected here is read from production code.
 */
class OracleProperties {

    @Property(tries = 400)
    void everyDecisionIsTheOneTheOracleGives(@ForAll(supplier = Histories.class) History history) {
        RuleOracle oracle = new RuleOracle();
        for (Decided d : history.run().decided) {
            Expected expected = oracle.decide(d.command(), d.terms(), d.at());
            assertThat(d.decision().getClass()).as("kind of %s", d).isEqualTo(expected.kind());
            if (d.decision() instanceof Decision.Rejected r) {
                assertThat(r.code()).as("%s", d).isEqualTo(expected.rejection());
            }
            if (d.decision() instanceof Decision.Refused r) {
                assertThat(r.refusal().code()).as("%s", d).isEqualTo(expected.refusal());
                assertThat(r.refusal().retryAt()).as("retryAt of %s", d).isEqualTo(expected.retryAt());
            }
            if (d.decision() instanceof Decision.Recorded r) {
                assertThat(r.events()).as("%s", d).anyMatch(e -> EventFacts.isTheFactOf(d.command(), e));
            }
        }
    }

    @Property(tries = 300)
    void everyStatusAnswerIsTheOneTheOracleGives(@ForAll(supplier = Histories.class) History history) {
        RuleOracle oracle = new RuleOracle();
        for (Decided d : history.run().decided) {
            assertStatus(oracle.s, d, d.at());
            oracle.decide(d.command(), d.terms(), d.at());
        }
    }

    /**
     * A refusal's retryAt is when the window has room again by the definition in docs/rules.md ("a use
     * leaves the window exactly w after it happened"), and the status says so one millisecond before and at it.
     */
    @Property(tries = 300)
    void aLimitRefusalsRetryAtIsExactlyWhenTheLimitFrees(@ForAll(supplier = Histories.class) History history) {
        RuleOracle oracle = new RuleOracle();
        for (Decided d : history.run().decided) {
            oracle.decide(d.command(), d.terms(), d.at());
            if (!(d.decision() instanceof Decision.Refused r) || r.refusal().retryAt() == null) {
                continue;
            }
            Instant retryAt = r.refusal().retryAt();
            Policy p = d.terms().policy();
            Window w = switch (r.refusal().code()) {
                case CALL_LIMIT_24H -> new Window(oracle.s.occupyingCalls(), p.callCap(), p.callWindow());
                case REQUEST_LIMIT_24H -> new Window(oracle.s.counted, p.requestCapShort(), p.requestWindowShort());
                case REQUEST_LIMIT_7D -> new Window(oracle.s.counted, p.requestCapLong(), p.requestWindowLong());
                default -> throw new AssertionError("a retryAt on " + r.refusal());
            };
            assertThat(retryAt).as("retryAt of %s", d).isAfter(d.at());
            assertThat(OracleState.inWindow(w.uses(), w.length(), retryAt.minusMillis(1))).as("just before, %s", d)
                    .hasSizeGreaterThanOrEqualTo(w.max());
            assertThat(OracleState.inWindow(w.uses(), w.length(), retryAt)).as("at retryAt, %s", d)
                    .hasSizeLessThan(w.max());
            assertStatus(oracle.s, d.after(), d, retryAt.minusMillis(1));
            assertStatus(oracle.s, d.after(), d, retryAt);
        }
    }

    private record Window(List<Instant> uses, int max, Duration length) {
    }

    private static void assertStatus(OracleState s, Decided d, Instant t) {
        assertStatus(s, d.before(), d, t);
    }

    private static void assertStatus(OracleState s, PairState state, Decided d,
                                     Instant t) {
        Policy policy = d.terms().policy();
        PairStatus status = PairStatus.of(History.PAIR, state, d.terms(), t);
        String at = d + ", answered at " + t;
        Optional<OracleState.Permission> held = s.permissionAt(t);
        PermissionGrant p = status.permission();
        assertThat(p == null ? null : new OracleState.Permission(p.source(), p.kind(), p.grantedAt(), p.expiresAt()))
                .as("permission, %s", at).isEqualTo(held.orElse(null));
        assertThat(status.state()).as("state, %s", at).isEqualTo(s.stateAt(t));
        assertThat(status.requests24h().used()).as("requests 24 h, %s", at)
                .isEqualTo(OracleState.inWindow(s.counted, policy.requestWindowShort(), t).size());
        assertThat(status.requests7d().used()).as("requests 7 d, %s", at)
                .isEqualTo(OracleState.inWindow(s.counted, policy.requestWindowLong(), t).size());
        assertThat(status.calls24h().used()).as("calls 24 h, %s", at)
                .isEqualTo(OracleState.inWindow(s.occupyingCalls(), policy.callWindow(), t).size());
        assertThat(status.calls24h().max()).isEqualTo(policy.callCap());
        assertThat(status.requestBlockedBy().map(r -> new Block(r.code(), r.retryAt())))
                .as("request blocked, %s", at).isEqualTo(s.requestBlock(policy, t));
        assertThat(status.callBlockedBy().map(r -> new Block(r.code(), r.retryAt())))
                .as("call blocked, %s", at).isEqualTo(s.callBlock(policy, t));
        assertThat(status.consecutiveUnanswered()).as("misses, %s", at).isEqualTo(s.misses);
        assertThat(status.warning()).as("warning, %s", at).isEqualTo(s.warning);
        assertThat(status.policy()).isEqualTo(policy.name());
    }
}
