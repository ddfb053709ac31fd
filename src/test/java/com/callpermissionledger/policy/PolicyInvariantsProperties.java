package com.callpermissionledger.policy;

import com.callpermissionledger.policy.History.Decided;
import com.callpermissionledger.policy.History.Run;
import com.callpermissionledger.policy.command.ExpireDue;
import com.callpermissionledger.policy.event.CallOutcomeRecorded;
import com.callpermissionledger.policy.event.CallPlaced;
import com.callpermissionledger.policy.event.PairEvent;
import com.callpermissionledger.policy.event.PermissionExpired;
import com.callpermissionledger.policy.event.PermissionGranted;
import com.callpermissionledger.policy.event.PermissionReplyRefused;
import com.callpermissionledger.policy.event.PermissionRequestExpired;
import com.callpermissionledger.policy.event.PermissionRequestRefused;
import com.callpermissionledger.policy.event.PermissionRequested;
import com.callpermissionledger.policy.event.PermissionRevoked;
import com.callpermissionledger.policy.event.RequestLimitsReset;
import com.callpermissionledger.policy.event.UnansweredCallsWarningRaised;
import com.callpermissionledger.policy.state.PairState;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariants of what is recorded, over random histories ({@link Histories}, driven as in {@link History}):
 * the three outcomes, the rule ids cited, the fold, the time order, and that the histories reach every rule.
 * The expected decisions themselves are the {@link RuleOracle}'s ({@link OracleProperties}).
 */
class PolicyInvariantsProperties {

    private static final PairId PAIR = History.PAIR;
    private static final Set<String> RULE_IDS = Arrays.stream(RuleId.values()).map(RuleId::id)
            .collect(Collectors.toUnmodifiableSet());


    @Property(tries = 400)
    void undecidedCommandsCarryNoEventsAndRefusalsEndWithTheirRefusalEvent(@ForAll(supplier = Histories.class) History history) {
        for (Decided d : history.run().decided) {
            if (d.decision() instanceof Decision.Unchanged u) {
                assertThat(u.events()).as("unchanged %s", d).isEmpty();
                assertThat(d.after()).isEqualTo(d.before());
            } else if (d.decision() instanceof Decision.Rejected r) {
                assertThat(r.events()).as("rejected %s", d).isEmpty();
                assertThat(r.detail()).isNotBlank();
                assertThat(d.after()).isEqualTo(d.before());
            } else if (d.decision() instanceof Decision.Recorded r) {
                assertThat(r.events()).as("recorded %s", d).isNotEmpty();
                if (d.command() instanceof ExpireDue) {
                    assertThat(r.events()).allMatch(EventFacts::isExpiry);
                }
            } else if (d.decision() instanceof Decision.Refused r) {
                List<PairEvent> events = r.events();
                assertThat(events).as("refused %s", d).isNotEmpty();
                PairEvent last = events.get(events.size() - 1);
                assertThat(EventFacts.refusalCode(last)).as("the refusal event of %s", d).contains(r.refusal().code());
                assertThat(last.rule()).isEqualTo(r.refusal().rule().id());
                assertThat(events.subList(0, events.size() - 1)).allMatch(EventFacts::isExpiry);
            } else {
                throw new AssertionError("unknown decision " + d.decision());
            }
        }
    }


    @Property(tries = 400)
    void everyRuleCitedIsARuleIdAndMatchesWhatWasDecided(@ForAll(supplier = Histories.class) History history) {
        Run run = history.run();
        for (Decided d : run.decided) {
            for (PairEvent e : d.decision().events()) {
                if (e.rule() != null) {
                    assertThat(RULE_IDS).as("rule of %s", e).contains(e.rule());
                }
                if (EventFacts.isRefusal(e)) {
                    assertThat(e.rule()).as("a refusal event cites its rule: %s", e).isNotNull();
                    assertThat(e.rule()).isEqualTo(EventFacts.ruleFor(EventFacts.refusalCode(e).orElseThrow()).id());
                }
                if (e instanceof PermissionGranted g) {
                    assertThat(g.rule()).isEqualTo(switch (g.source()) {
                        case REQUEST -> "R-REPLY-ACCEPT";
                        case BUSINESS_PROFILE -> "R-PROFILE-GRANT";
                        case CALLBACK -> "R-CALLBACK-GRANT";
                    });
                }
                if (e instanceof PermissionRevoked r) {
                    assertThat(r.rule()).isEqualTo(switch (r.source()) {
                        case DECLINE -> "R-REPLY-DECLINE";
                        case AUTOMATIC -> "R-MISS-REVOKE";
                        case BUSINESS_PROFILE -> "R-PROFILE-REVOKE";
                        case PLATFORM -> "R-PLATFORM-REVOKE";
                    });
                }
                if (e instanceof PermissionExpired) {
                    assertThat(e.rule()).isEqualTo("R-TEMPORARY-168H");
                }
                if (e instanceof PermissionRequestExpired || e instanceof PermissionReplyRefused) {
                    assertThat(e.rule()).isEqualTo("R-REQUEST-EXPIRY");
                }
                if (e.policy() != null) {
                    assertThat(e.policy()).as("the policy in force when %s was decided", e)
                            .isEqualTo(d.terms().policy().name());
                }
                assertThat(e.pairId()).isEqualTo(PAIR);
            }
        }
        for (Decided d : run.decided) {
            if (d.decision() instanceof Decision.Refused r) {
                assertThat(r.refusal().rule()).isEqualTo(EventFacts.ruleFor(r.refusal().code()));
            }
        }
    }


    @Property(tries = 400)
    void foldingTheWholeHistoryFromEmptyEqualsTheIncrementallyBuiltState(@ForAll(supplier = Histories.class) History history) {
        Run run = history.run();

        PairState rebuilt = PairEvolution.fold(PairState.EMPTY, run.history);

        assertThat(rebuilt).isEqualTo(run.state);
        assertThat(PairDecider.stateAt(PAIR, rebuilt, run.now)).isEqualTo(PairDecider.stateAt(PAIR, run.state, run.now));
    }


    @Property(tries = 400)
    void theHistoryIsInTimeOrderAndADecisionDatesItsOwnEventsNow(@ForAll(supplier = Histories.class) History history) {
        Run run = history.run();
        Instant previous = Instant.MIN;
        for (Decided d : run.decided) {
            for (PairEvent e : d.decision().events()) {
                assertThat(e.occurredAt()).as("%s in %s", e, d).isAfterOrEqualTo(previous).isBeforeOrEqualTo(d.at());
                if (!EventFacts.isExpiry(e) || e instanceof PermissionRequestExpired x
                        && x.reason() == RequestExpiryReason.SUPERSEDED) {
                    assertThat(e.occurredAt()).as("%s in %s", e, d).isEqualTo(d.at());
                }
                previous = e.occurredAt();
            }
        }
    }


    @Property(tries = 3000)
    void theGeneratedHistoriesReachEveryRule(@ForAll(supplier = Histories.class) History history) {
        Run run = history.run();
        Set<String> seen = new HashSet<>();
        for (Decided d : run.decided) {
            if (d.decision() instanceof Decision.Refused r) {
                seen.add(r.refusal().code().name());
                seen.add(r.refusal().code().name() + " under " + d.terms().policy().name());
            } else if (d.decision() instanceof Decision.Rejected r) {
                seen.add(r.code().name());
            } else if (d.decision() instanceof Decision.Unchanged) {
                seen.add("UNCHANGED");
            }
            for (PairEvent e : d.decision().events()) {
                seen.add(e.getClass().getSimpleName());
                if (e instanceof PermissionRequestExpired x) {
                    seen.add(x.reason().name());
                }
                if (e instanceof PermissionGranted g) {
                    seen.add(g.source().name() + "_" + g.kind().name());
                }
                if (e instanceof PermissionRequestRefused r && r.code() == RefusalCode.PERMANENT_PERMISSION_EXISTS
                        && !d.terms().policy().permanentPermissions()) {
                    seen.add("PERMANENT_PERMISSION_EXISTS under a policy without permanent permissions");
                }
                if (e instanceof PermissionRevoked r) {
                    seen.add("REVOKED_" + r.source().name());
                }
            }
        }
        Statistics.label("policy").collect(history.terms().policy().name());
        Statistics.label("callback").collect(history.terms().callbackPermission());
        Statistics.label("moves to other terms").collect(history.switches());
        Map<String, Boolean> reached = new java.util.LinkedHashMap<>();
        for (String what : List.of("CallPlaced", "CallOutcomeRecorded", "PermissionRequested", "RequestLimitsReset",
                "UnansweredCallsWarningRaised", "REVOKED_AUTOMATIC", "REVOKED_DECLINE", "REVOKED_BUSINESS_PROFILE",
                "PermissionExpired", "NO_RESPONSE", "AFTER_REPLY", "SUPERSEDED", "NO_PERMISSION", "CALL_LIMIT_24H",
                "REQUEST_LIMIT_24H", "REQUEST_LIMIT_7D", "REQUEST_EXPIRED", "IDEMPOTENCY_CONFLICT", "UNKNOWN_CALL",
                "OUTCOME_ALREADY_RECORDED", "UNCHANGED")) {
            reached.put(what, seen.contains(what));
        }
        reached.put("CALL_LIMIT_24H under v2", seen.contains("CALL_LIMIT_24H under whatsapp-v2"));
        reached.put("CALL_LIMIT_24H under trial", seen.contains("CALL_LIMIT_24H under trial"));
        for (String what : List.of("PERMANENT_PERMISSION_EXISTS", "CALLBACK_TEMPORARY", "REQUEST_PERMANENT",
                "PERMANENT_PERMISSION_EXISTS under a policy without permanent permissions")) {
            reached.put(what, seen.contains(what));
        }
        reached.forEach((what, yes) -> Statistics.label(what).collect(yes));

        // observed: 10 to 70 % each; the v2 cap about 4 %, 138017 after a move about 0.35 %. 3,000 tries expect
        // about 10 of the rarest, so a floor of more than one (0.05 % of 3,000 is 1.5) fails by chance about once
        // in 3,000 runs (Poisson); 400 tries and a floor of 0.25 % failed about every third run
        Set<String> rare = Set.of("CALL_LIMIT_24H under v2", "PERMANENT_PERMISSION_EXISTS under a policy without permanent permissions");
        for (String what : reached.keySet()) {
            double floor = rare.contains(what) ? 0.05 : 3;
            Statistics.label(what).coverage(c -> c.check(true).percentage(p -> p > floor));
        }
    }
}
