package com.callpermissionledger.policy;

import com.callpermissionledger.policy.command.ExpireDue;
import com.callpermissionledger.policy.command.GrantPermission;
import com.callpermissionledger.policy.command.MarkRequestDelivered;
import com.callpermissionledger.policy.command.PairCommand;
import com.callpermissionledger.policy.command.PlaceCall;
import com.callpermissionledger.policy.command.RecordCallOutcome;
import com.callpermissionledger.policy.command.RecordReply;
import com.callpermissionledger.policy.command.RecordUserCall;
import com.callpermissionledger.policy.command.RevokePermission;
import com.callpermissionledger.policy.command.SendPermissionRequest;
import com.callpermissionledger.policy.event.CallOutcomeRecorded;
import com.callpermissionledger.policy.event.CallPlaced;
import com.callpermissionledger.policy.event.CallRefused;
import com.callpermissionledger.policy.event.PairEvent;
import com.callpermissionledger.policy.event.PermissionExpired;
import com.callpermissionledger.policy.event.PermissionGranted;
import com.callpermissionledger.policy.event.PermissionReplyRecorded;
import com.callpermissionledger.policy.event.PermissionReplyRefused;
import com.callpermissionledger.policy.event.PermissionRequestDelivered;
import com.callpermissionledger.policy.event.PermissionRequestExpired;
import com.callpermissionledger.policy.event.PermissionRequestRefused;
import com.callpermissionledger.policy.event.PermissionRequested;
import com.callpermissionledger.policy.event.PermissionRevoked;
import com.callpermissionledger.policy.event.RequestLimitsReset;
import com.callpermissionledger.policy.event.UnansweredCallsWarningRaised;
import com.callpermissionledger.policy.event.UserCallRecorded;
import com.callpermissionledger.policy.rule.CallCap;
import com.callpermissionledger.policy.state.PairState;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random histories of all nine commands, with a small pool of ids so that duplicates and conflicts
 * occur, interleaved with time advances from a millisecond to days, under both policies and both
 * callback settings. Each history is driven through {@link PairDecider#decide} and
 * {@link PairEvolution#fold} as the aggregate would, and the invariants are checked on what was
 * recorded, mostly with models built independently from the events.
 */
class PolicyInvariantsProperties {

    private static final PairId PAIR = Ledger.PAIR;
    private static final Instant T0 = Ledger.T0;
    private static final Duration DAY = Duration.ofHours(24);
    private static final Duration WEEK = Duration.ofDays(7);
    private static final Set<String> RULE_IDS = Arrays.stream(RuleId.values()).map(RuleId::id)
            .collect(Collectors.toUnmodifiableSet());

    // ---------------------------------------------------------------------------------------------
    // the invariants

    @Property(tries = 400)
    void undecidedCommandsCarryNoEventsAndRefusalsEndWithTheirRefusalEvent(@ForAll("histories") History history) {
        for (Decided d : history.run().decided) {
            if (d.decision instanceof Decision.Unchanged u) {
                assertThat(u.events()).as("unchanged %s", d).isEmpty();
                assertThat(d.after).isEqualTo(d.before);
            } else if (d.decision instanceof Decision.Rejected r) {
                assertThat(r.events()).as("rejected %s", d).isEmpty();
                assertThat(r.detail()).isNotBlank();
                assertThat(d.after).isEqualTo(d.before);
            } else if (d.decision instanceof Decision.Recorded r) {
                assertThat(r.events()).as("recorded %s", d).isNotEmpty();
                if (d.command instanceof ExpireDue) {
                    assertThat(r.events()).allMatch(PolicyInvariantsProperties::isExpiry);
                }
            } else if (d.decision instanceof Decision.Refused r) {
                List<PairEvent> events = r.events();
                assertThat(events).as("refused %s", d).isNotEmpty();
                PairEvent last = events.get(events.size() - 1);
                assertThat(refusalCode(last)).as("the refusal event of %s", d).contains(r.refusal().code());
                assertThat(last.rule()).isEqualTo(r.refusal().rule().id());
                assertThat(events.subList(0, events.size() - 1)).allMatch(PolicyInvariantsProperties::isExpiry);
            } else {
                throw new AssertionError("unknown decision " + d.decision);
            }
        }
    }

    @Property(tries = 400)
    void everyRuleCitedIsARuleIdAndMatchesWhatWasDecided(@ForAll("histories") History history) {
        Run run = history.run();
        for (PairEvent e : run.history) {
            if (e.rule() != null) {
                assertThat(RULE_IDS).as("rule of %s", e).contains(e.rule());
            }
            if (isRefusal(e)) {
                assertThat(e.rule()).as("a refusal event cites its rule: %s", e).isNotNull();
                assertThat(e.rule()).isEqualTo(ruleFor(refusalCode(e).orElseThrow()).id());
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
                assertThat(e.policy()).isEqualTo(history.terms.policy().name());
            }
            assertThat(e.pairId()).isEqualTo(PAIR);
        }
        for (Decided d : run.decided) {
            if (d.decision instanceof Decision.Refused r) {
                assertThat(r.refusal().rule()).isEqualTo(ruleFor(r.refusal().code()));
            }
        }
    }

    @Property(tries = 400)
    void foldingTheWholeHistoryFromEmptyEqualsTheIncrementallyBuiltState(@ForAll("histories") History history) {
        Run run = history.run();

        PairState rebuilt = PairEvolution.fold(PairState.EMPTY, run.history);

        assertThat(rebuilt).isEqualTo(run.state);
        assertThat(PairDecider.stateAt(PAIR, rebuilt, run.now)).isEqualTo(PairDecider.stateAt(PAIR, run.state, run.now));
    }

    @Property(tries = 400)
    void theHistoryIsInTimeOrderAndADecisionDatesItsOwnEventsNow(@ForAll("histories") History history) {
        Run run = history.run();
        Instant previous = Instant.MIN;
        for (Decided d : run.decided) {
            for (PairEvent e : d.decision.events()) {
                assertThat(e.occurredAt()).as("%s in %s", e, d).isAfterOrEqualTo(previous).isBeforeOrEqualTo(d.at);
                if (!isExpiry(e) || e instanceof PermissionRequestExpired x
                        && x.reason() == RequestExpiryReason.SUPERSEDED) {
                    assertThat(e.occurredAt()).as("%s in %s", e, d).isEqualTo(d.at);
                }
                previous = e.occurredAt();
            }
        }
    }

    @Property(tries = 400)
    void neverMoreConnectedOrInFlightCallsThanTheCapInAnyRolling24Hours(@ForAll("histories") History history) {
        Run run = history.run();
        int cap = history.terms.policy().callCap();
        Map<String, Instant> placed = new HashMap<>();
        Set<String> endedUnconnected = new HashSet<>();
        Map<String, CallOutcome> finalOutcome = new HashMap<>();
        List<Instant> placements = new ArrayList<>();
        for (PairEvent e : run.history) {
            if (e instanceof CallPlaced p) {
                assertThat(placed).as("a call id is placed once").doesNotContainKey(p.callId());
                placed.put(p.callId(), p.occurredAt());
                Instant from = p.occurredAt().minus(DAY);
                long occupying = placed.entrySet().stream()
                        .filter(c -> c.getValue().isAfter(from) && !endedUnconnected.contains(c.getKey()))
                        .count();
                assertThat(occupying).as("calls occupying the 24 h before %s", p).isLessThanOrEqualTo(cap);
                placements.add(p.occurredAt());
            } else if (e instanceof CallOutcomeRecorded o) {
                assertThat(placed).as("an outcome only for a placed call").containsKey(o.callId());
                assertThat(finalOutcome).as("one outcome per call").doesNotContainKey(o.callId());
                finalOutcome.put(o.callId(), o.outcome());
                if (o.outcome() != CallOutcome.CONNECTED) {
                    endedUnconnected.add(o.callId());
                }
            }
        }
        // the same with the calls' final outcomes, for every window ending at a placement
        for (Instant end : placements) {
            long connectedOrOpen = placed.entrySet().stream()
                    .filter(c -> c.getValue().isAfter(end.minus(DAY)) && !c.getValue().isAfter(end))
                    .filter(c -> finalOutcome.getOrDefault(c.getKey(), CallOutcome.CONNECTED) == CallOutcome.CONNECTED)
                    .count();
            assertThat(connectedOrOpen).isLessThanOrEqualTo(cap);
        }
    }

    @Property(tries = 400)
    void neverACallPlacedWithoutAPermissionValidAtThatInstant(@ForAll("histories") History history) {
        PermissionGranted held = null;
        for (PairEvent e : history.run().history) {
            if (e instanceof PermissionGranted g) {
                held = g;
            } else if (e instanceof PermissionRevoked || e instanceof PermissionExpired) {
                assertThat(held).as("%s ends a permission that was held", e).isNotNull();
                held = null;
            } else if (e instanceof CallPlaced p) {
                assertThat(held).as("permission for %s", p).isNotNull();
                if (held.expiresAt() != null) {
                    assertThat(p.occurredAt()).as("%s within %s", p, held).isBefore(held.expiresAt());
                }
            }
        }
    }

    @Property(tries = 400)
    void neverMoreRequestsThanTheWindowsAllowBetweenResets(@ForAll("histories") History history) {
        Run run = history.run();
        Policy policy = history.terms.policy();
        List<Instant> sinceReset = new ArrayList<>();   // requests sent through the ledger and learned ones
        PermissionGranted held = null;
        for (Decided d : run.decided) {
            Set<String> connectedCalls = d.decision.events().stream().map(PolicyInvariantsProperties::connectedCallId)
                    .flatMap(Optional::stream).collect(Collectors.toSet());
            for (PairEvent e : d.decision.events()) {
                if (e instanceof PermissionRequested r) {
                    Instant t = r.occurredAt();
                    long inDay = sinceReset.stream().filter(s -> s.isAfter(t.minus(DAY))).count();
                    long inWeek = sinceReset.stream().filter(s -> s.isAfter(t.minus(WEEK))).count();
                    assertThat(inDay).as("requests in the 24 h before %s", r).isLessThan(policy.requestCapShort());
                    assertThat(inWeek).as("requests in the 7 d before %s", r).isLessThan(policy.requestCapLong());
                    if (policy.permanentPermissions() && held != null) {
                        assertThat(held.kind()).as("no request while permanent: %s", r)
                                .isEqualTo(PermissionKind.TEMPORARY);
                    }
                    sinceReset.add(t);
                } else if (e instanceof PermissionRequestDelivered r && r.learned()
                        || e instanceof PermissionReplyRecorded p && p.learned()) {
                    sinceReset.add(e.occurredAt());
                } else if (connectedCallId(e).isPresent() && !sinceReset.isEmpty()) {
                    assertThat(d.decision.events()).as("a connected call with requests counted resets: %s", d)
                            .contains(new RequestLimitsReset(PAIR, e.occurredAt(), connectedCallId(e).get(),
                                    "R-REQUEST-RESET"));
                } else if (e instanceof RequestLimitsReset reset) {
                    assertThat(connectedCalls).as("a reset comes from a connected call in the same decision")
                            .contains(reset.callId());
                    assertThat(sinceReset).as("a reset is recorded only when something is counted").isNotEmpty();
                    sinceReset.clear();
                } else if (e instanceof PermissionGranted g) {
                    held = g;
                } else if (e instanceof PermissionRevoked || e instanceof PermissionExpired) {
                    held = null;
                }
            }
            assertThat(d.after.countedRequests()).as("the state counts what the model counts after %s", d)
                    .containsExactlyElementsOf(sinceReset);
        }
    }

    @Property(tries = 300)
    void theStatusAnswersWhatTheDeciderWouldDecide(@ForAll("histories") History history) {
        for (Decided d : history.run().decided) {
            PairStatus status = PairStatus.of(PAIR, d.before, history.terms, d.at);

            Decision call = PairDecider.decide(d.before, new PlaceCall(PAIR, "wacid.probe"), history.terms, d.at);
            Decision request = PairDecider.decide(d.before, new SendPermissionRequest(PAIR, "wamid.probe",
                    Channel.TEMPLATE), history.terms, d.at);

            assertThat(call instanceof Decision.Refused r ? Optional.of(r.refusal()) : Optional.empty())
                    .as("call at %s", d.at).isEqualTo(status.callBlockedBy());
            assertThat(call instanceof Decision.Recorded).isEqualTo(status.canCall());
            assertThat(request instanceof Decision.Refused r ? Optional.of(r.refusal()) : Optional.empty())
                    .as("request at %s", d.at).isEqualTo(status.requestBlockedBy());
            assertThat(request instanceof Decision.Recorded).isEqualTo(status.canRequest());
            PairState current = PairDecider.stateAt(PAIR, d.before, d.at);
            assertThat(status.state()).isEqualTo(current.ledgerStateAt(d.at));
            assertThat(status.permission()).isEqualTo(current.permissionAt(d.at).orElse(null));
            assertThat(status.consecutiveUnanswered()).isEqualTo(current.consecutiveMisses());
            assertThat(status.calls24h().used()).isLessThanOrEqualTo(history.terms.policy().callCap());
            assertThat(status.calls24h().limitExpiresAt() != null).isEqualTo(status.calls24h().full());
            assertThat(status.requests24h().limitExpiresAt() != null).isEqualTo(status.requests24h().full());
            assertThat(status.requests7d().limitExpiresAt() != null).isEqualTo(status.requests7d().full());
        }
    }

    @Property(tries = 400)
    void aLimitRefusalsRetryAtIsExactlyWhenTheLimitFrees(@ForAll("histories") History history) {
        Policy policy = history.terms.policy();
        for (Decided d : history.run().decided) {
            if (!(d.decision instanceof Decision.Refused r) || r.refusal().retryAt() == null) {
                continue;
            }
            Instant retryAt = r.refusal().retryAt();
            assertThat(retryAt).as("retryAt of %s", d).isAfter(d.at);
            switch (r.refusal().code()) {
                case CALL_LIMIT_24H -> {
                    assertThat(CallCap.check(d.after, policy, retryAt.minusMillis(1))).as("just before %s", d).isPresent();
                    assertThat(CallCap.check(d.after, policy, retryAt)).as("at retryAt of %s", d).isEmpty();
                }
                case REQUEST_LIMIT_24H, REQUEST_LIMIT_7D -> {
                    assertThat(RequestDecisions.windowRefusal(d.after, policy, retryAt.minusMillis(1)))
                            .as("just before %s", d).isPresent();
                    assertThat(PairStatus.of(PAIR, d.after, history.terms, retryAt).canRequest())
                            .as("at retryAt of %s", d).isTrue();
                }
                default -> throw new AssertionError("a retryAt on " + r.refusal());
            }
        }
    }

    @Property(tries = 400)
    void grantsFollowThePolicyTheCallbackSettingAndTheirSource(@ForAll("histories") History history) {
        Run run = history.run();
        Set<String> expiredRequests = new HashSet<>();
        PermissionGranted held = null;
        for (Decided d : run.decided) {
            PermissionGranted heldAtCommand = null;   // what was held once the due expiries were applied
            boolean reachedCommand = false;
            for (PairEvent e : d.decision.events()) {
                if (!reachedCommand && !isExpiry(e)) {
                    heldAtCommand = held;
                    reachedCommand = true;
                }
                if (e instanceof PermissionGranted g) {
                    if (g.kind() == PermissionKind.PERMANENT) {
                        assertThat(history.terms.policy().permanentPermissions()).as("%s", g).isTrue();
                        assertThat(g.expiresAt()).isNull();
                    } else {
                        assertThat(g.expiresAt()).isEqualTo(g.occurredAt().plusSeconds(7 * 86_400L));
                    }
                    switch (g.source()) {
                        case CALLBACK -> {
                            assertThat(history.terms.callbackPermission()).isEqualTo(CallbackPermission.ENABLED);
                            assertThat(g.kind()).isEqualTo(PermissionKind.TEMPORARY);
                            assertThat(d.command).isInstanceOfSatisfying(RecordUserCall.class,
                                    c -> assertThat(c.callId()).isEqualTo(g.reference()));
                            assertThat(held == null || held.kind() == PermissionKind.TEMPORARY)
                                    .as("a callback never replaces a permanent permission").isTrue();
                        }
                        case REQUEST -> {
                            assertThat(d.command).isInstanceOfSatisfying(RecordReply.class, c -> {
                                assertThat(c.requestId()).isEqualTo(g.reference());
                                assertThat(c.response()).isEqualTo(ReplyResponse.ACCEPT);
                            });
                            assertThat(expiredRequests).as("no grant from an expired request").doesNotContain(g.reference());
                            if (g.kind() == PermissionKind.TEMPORARY) {
                                assertThat(held == null || held.kind() == PermissionKind.TEMPORARY)
                                        .as("a temporary acceptance never replaces a permanent permission").isTrue();
                            }
                        }
                        case BUSINESS_PROFILE -> {
                            assertThat(d.command).isInstanceOf(GrantPermission.class);
                            assertThat(g.reference()).isNull();
                        }
                    }
                    held = g;
                } else if (e instanceof PermissionExpired x) {
                    assertThat(held).isNotNull();
                    assertThat(held.expiresAt()).as("a temporary permission expires at its own expiry").isNotNull();
                    assertThat(x.occurredAt()).isEqualTo(held.expiresAt());
                    assertThat(x.grantedAt()).isEqualTo(held.occurredAt());
                    held = null;
                } else if (e instanceof PermissionRevoked r) {
                    held = null;
                    if (r.source() == RevocationSource.DECLINE) {
                        assertThat(d.command).isInstanceOfSatisfying(RecordReply.class,
                                c -> assertThat(c.response()).isEqualTo(ReplyResponse.REJECT));
                    }
                } else if (e instanceof PermissionRequestExpired x) {
                    expiredRequests.add(x.requestId());
                }
            }
            boolean permanentHeld = heldAtCommand != null && heldAtCommand.kind() == PermissionKind.PERMANENT;
            boolean granted = d.decision.events().stream().anyMatch(PermissionGranted.class::isInstance);
            if (d.decision instanceof Decision.Recorded && d.command instanceof RecordUserCall) {
                assertThat(granted).as("a user call grants exactly when callback is enabled and nothing permanent is held: %s", d)
                        .isEqualTo(history.terms.callbackEnabled() && !permanentHeld);
            }
            if (d.decision instanceof Decision.Recorded && d.command instanceof RecordReply c) {
                boolean permanentAsked = c.permanent() && history.terms.policy().permanentPermissions();
                assertThat(granted).as("an acceptance grants unless it is temporary and a permanent one is held: %s", d)
                        .isEqualTo(c.response() == ReplyResponse.ACCEPT && (permanentAsked || !permanentHeld));
            }
            PairState current = PairDecider.stateAt(PAIR, d.after, d.at);
            if (d.command instanceof RecordReply c && c.response() == ReplyResponse.REJECT
                    && d.decision instanceof Decision.Recorded) {
                assertThat(current.permissionAt(d.at)).as("a decline ends any permission: %s", d).isEmpty();
            }
            if (d.command instanceof RevokePermission) {
                assertThat(current.permissionAt(d.at)).as("after %s", d).isEmpty();
            }
        }
    }

    @Property(tries = 400)
    void theRunOfMissesIsCountedAndActedOnAsDocumented(@ForAll("histories") History history) {
        Policy policy = history.terms.policy();
        int misses = 0;
        boolean warning = false;
        for (Decided d : history.run().decided) {
            for (PairEvent e : d.decision.events()) {
                if (e instanceof CallOutcomeRecorded o) {
                    misses = switch (o.outcome()) {
                        case CONNECTED -> 0;
                        case UNANSWERED, REJECTED -> misses + 1;
                        case FAILED -> misses;
                    };
                    assertThat(o.consecutiveMisses()).as("%s", o).isEqualTo(misses);
                    if (misses == 0) {
                        warning = false;
                    }
                } else if (e instanceof UserCallRecorded u) {
                    if (u.outcome() == UserCallOutcome.CONNECTED) {
                        misses = 0;
                        warning = false;
                    }
                    assertThat(u.consecutiveMisses()).as("%s", u).isEqualTo(misses);
                } else if (e instanceof PermissionGranted) {
                    misses = 0;
                    warning = false;
                } else if (e instanceof UnansweredCallsWarningRaised w) {
                    assertThat(warning).as("one warning per run: %s", w).isFalse();
                    assertThat(misses).isGreaterThanOrEqualTo(policy.warnAfterMisses());
                    assertThat(w.consecutiveMisses()).isEqualTo(misses);
                    warning = true;
                } else if (e instanceof PermissionRevoked r && r.source() == RevocationSource.AUTOMATIC) {
                    assertThat(misses).as("%s", r).isGreaterThanOrEqualTo(policy.revokeAfterMisses());
                }
            }
            assertThat(d.after.consecutiveMisses()).isEqualTo(misses);
            assertThat(d.after.warning()).as("warning after %s", d).isEqualTo(warning)
                    .isEqualTo(misses >= policy.warnAfterMisses());
            if (misses >= policy.revokeAfterMisses()) {
                assertThat(d.after.permissionAt(d.at)).as("no permission survives %d misses", misses).isEmpty();
            }
        }
    }

    @Property(tries = 400)
    void requestsExpireOnceAtTheDocumentedInstantAndExpiredRequestsGrantNothing(@ForAll("histories") History history) {
        Map<String, Instant> sent = new HashMap<>();
        Map<String, Instant> delivered = new HashMap<>();
        Map<String, Instant> firstReply = new HashMap<>();
        Set<String> expired = new HashSet<>();
        Map<String, Integer> order = new HashMap<>();
        for (Decided d : history.run().decided) {
            Set<String> answeredHere = new HashSet<>();
            Set<String> mustBeSuperseded = new HashSet<>();
            Set<String> supersededHere = new HashSet<>();
            for (PairEvent e : d.decision.events()) {
                if (e instanceof PermissionRequested || e instanceof PermissionRequestDelivered
                        || e instanceof PermissionReplyRecorded) {
                    order.putIfAbsent(requestId(e), order.size());
                }
                if (e instanceof PermissionReplyRecorded r) {
                    int answered = order.get(r.requestId());
                    order.forEach((id, o) -> {
                        if (o < answered && !expired.contains(id)) {
                            mustBeSuperseded.add(id);
                        }
                    });
                }
                if (e instanceof PermissionRequestExpired x && x.reason() == RequestExpiryReason.SUPERSEDED) {
                    supersededHere.add(x.requestId());
                }
                if (e instanceof PermissionRequested r) {
                    sent.put(r.requestId(), r.occurredAt());
                    assertThat(r.expiresAt()).isEqualTo(r.occurredAt().plus(WEEK));
                } else if (e instanceof PermissionRequestDelivered r) {
                    if (!expired.contains(r.requestId()) && !firstReply.containsKey(r.requestId())) {
                        assertThat(r.expiresAt()).as("%s", r).isEqualTo(r.occurredAt().plus(WEEK));
                    }
                    delivered.putIfAbsent(r.requestId(), r.occurredAt());
                } else if (e instanceof PermissionReplyRecorded r) {
                    assertThat(expired).as("a reply is recorded only for an open request: %s", r)
                            .doesNotContain(r.requestId());
                    firstReply.putIfAbsent(r.requestId(), r.occurredAt());
                    assertThat(r.expiresAt()).as("%s", r).isEqualTo(firstReply.get(r.requestId()).plus(WEEK));
                    answeredHere.add(r.requestId());
                } else if (e instanceof PermissionReplyRefused r) {
                    assertThat(expired).as("a reply is refused only for an expired request: %s", r)
                            .contains(r.requestId());
                } else if (e instanceof PermissionRequestExpired x) {
                    assertThat(expired).as("a request expires once: %s", x).doesNotContain(x.requestId());
                    String id = x.requestId();
                    switch (x.reason()) {
                        case AFTER_REPLY -> assertThat(x.occurredAt()).isEqualTo(firstReply.get(id).plus(WEEK));
                        case NO_RESPONSE -> {
                            assertThat(firstReply).doesNotContainKey(id);
                            Instant clock = delivered.getOrDefault(id, sent.get(id));
                            assertThat(x.occurredAt()).as("%s", x).isEqualTo(clock.plus(WEEK));
                        }
                        case SUPERSEDED -> assertThat(answeredHere).as("%s superseded by a reply to another", x)
                                .isNotEmpty().doesNotContain(id);
                    }
                    expired.add(id);
                }
            }
            assertThat(supersededHere).as("answering a request supersedes the older open ones: %s", d)
                    .containsAll(mustBeSuperseded);
            // nothing open is past its time after a decision that recorded events
            if (!d.decision.events().isEmpty() || d.command instanceof ExpireDue) {
                assertThat(PairDecider.dueExpiries(PAIR, d.after, d.at)).as("after %s", d).isEmpty();
            }
        }
    }

    /**
     * An independent model, fed only with the recorded events, predicts the kind of every decision
     * (recorded, refused with which code and retryAt, unchanged, rejected with which code) before it is made.
     */
    @Property(tries = 400)
    void everyDecisionIsTheOneAnIndependentModelPredicts(@ForAll("histories") History history) {
        Oracle oracle = new Oracle(history.terms.policy());
        for (Decided d : history.run().decided) {
            Expected expected = oracle.expect(d.command, d.at);
            assertThat(d.decision.getClass()).as("kind of %s", d).isEqualTo(expected.kind);
            if (d.decision instanceof Decision.Rejected r) {
                assertThat(r.code()).as("%s", d).isEqualTo(expected.rejection);
            }
            if (d.decision instanceof Decision.Refused r) {
                assertThat(r.refusal().code()).as("%s", d).isEqualTo(expected.refusal);
                assertThat(r.refusal().retryAt()).as("retryAt of %s", d).isEqualTo(expected.retryAt);
            }
            if (d.decision instanceof Decision.Recorded r) {
                assertThat(r.events()).as("%s", d).anyMatch(e -> isTheFactOf(d.command, e));
            }
            oracle.apply(d.decision.events());
        }
    }

    record Expected(Class<? extends Decision> kind, RejectionCode rejection, RefusalCode refusal, Instant retryAt) {
        static Expected recorded() {
            return new Expected(Decision.Recorded.class, null, null, null);
        }

        static Expected unchanged() {
            return new Expected(Decision.Unchanged.class, null, null, null);
        }

        static Expected rejected(RejectionCode code) {
            return new Expected(Decision.Rejected.class, code, null, null);
        }

        static Expected refused(RefusalCode code, Instant retryAt) {
            return new Expected(Decision.Refused.class, null, code, retryAt);
        }
    }

    /** What the model knows of a request, from events only. */
    static final class KnownRequest {
        boolean sent;
        Channel channel;
        boolean delivered;
        ReplyResponse response;
        boolean permanent;
        Instant expiresAt;
        boolean expired;
    }

    /** A second, deliberately naive implementation of the rules, kept from the events alone. */
    static final class Oracle {
        final Policy policy;
        final Map<String, KnownRequest> requests = new HashMap<>();
        final List<Instant> counted = new ArrayList<>();
        final Map<String, Instant> placed = new HashMap<>();
        final Map<String, CallOutcome> outcomes = new HashMap<>();
        final Map<String, UserCallOutcome> userCalls = new HashMap<>();
        PermissionGranted held;

        Oracle(Policy policy) {
            this.policy = policy;
        }

        boolean permissionAt(Instant now) {
            return held != null && (held.expiresAt() == null || now.isBefore(held.expiresAt()));
        }

        /** When a full window frees, or empty when it is not full. */
        static Optional<Instant> frees(List<Instant> uses, int max, Duration window, Instant now) {
            List<Instant> in = uses.stream().filter(t -> now.minus(window).isBefore(t)).sorted().toList();
            return in.size() < max ? Optional.empty() : Optional.of(in.get(in.size() - max).plus(window));
        }

        Expected expect(PairCommand command, Instant now) {
            if (command instanceof SendPermissionRequest c) {
                KnownRequest known = requests.get(c.requestId());
                if (known != null) {
                    return known.sent && known.channel == c.channel() ? Expected.unchanged()
                            : Expected.rejected(RejectionCode.IDEMPOTENCY_CONFLICT);
                }
                if (policy.permanentPermissions() && permissionAt(now) && held.kind() == PermissionKind.PERMANENT) {
                    return Expected.refused(RefusalCode.PERMANENT_PERMISSION_EXISTS, null);
                }
                Optional<Instant> day = frees(counted, policy.requestCapShort(), policy.requestWindowShort(), now);
                Optional<Instant> week = frees(counted, policy.requestCapLong(), policy.requestWindowLong(), now);
                if (day.isPresent() && (week.isEmpty() || day.get().isAfter(week.get()))) {
                    return Expected.refused(RefusalCode.REQUEST_LIMIT_24H, day.get());
                }
                return week.map(t -> Expected.refused(RefusalCode.REQUEST_LIMIT_7D, t)).orElse(Expected.recorded());
            }
            if (command instanceof MarkRequestDelivered c) {
                KnownRequest known = requests.get(c.requestId());
                return known != null && known.delivered ? Expected.unchanged() : Expected.recorded();
            }
            if (command instanceof RecordReply c) {
                KnownRequest known = requests.get(c.requestId());
                if (known != null && known.response == c.response() && known.permanent == c.permanent()) {
                    return Expected.unchanged();
                }
                if (known != null && (known.expired || !now.isBefore(known.expiresAt))) {
                    return Expected.refused(RefusalCode.REQUEST_EXPIRED, null);
                }
                return Expected.recorded();
            }
            if (command instanceof GrantPermission c) {
                boolean same = permissionAt(now) && held.kind() == PermissionKind.PERMANENT
                        && held.source() == GrantSource.BUSINESS_PROFILE && c.permanent()
                        && policy.permanentPermissions();
                return same ? Expected.unchanged() : Expected.recorded();
            }
            if (command instanceof RevokePermission) {
                return permissionAt(now) ? Expected.recorded() : Expected.unchanged();
            }
            if (command instanceof PlaceCall c) {
                if (placed.containsKey(c.callId())) {
                    return Expected.unchanged();
                }
                if (!permissionAt(now)) {
                    return Expected.refused(RefusalCode.NO_PERMISSION, null);
                }
                List<Instant> occupying = placed.entrySet().stream()
                        .filter(p -> outcomes.getOrDefault(p.getKey(), CallOutcome.CONNECTED) == CallOutcome.CONNECTED)
                        .map(Map.Entry::getValue).toList();
                return frees(occupying, policy.callCap(), policy.callWindow(), now)
                        .map(t -> Expected.refused(RefusalCode.CALL_LIMIT_24H, t)).orElse(Expected.recorded());
            }
            if (command instanceof RecordCallOutcome c) {
                if (!placed.containsKey(c.callId())) {
                    return Expected.rejected(RejectionCode.UNKNOWN_CALL);
                }
                CallOutcome known = outcomes.get(c.callId());
                if (known != null) {
                    return known == c.outcome() ? Expected.unchanged()
                            : Expected.rejected(RejectionCode.OUTCOME_ALREADY_RECORDED);
                }
                return Expected.recorded();
            }
            if (command instanceof RecordUserCall c) {
                UserCallOutcome known = userCalls.get(c.callId());
                if (known != null) {
                    return known == c.outcome() ? Expected.unchanged()
                            : Expected.rejected(RejectionCode.IDEMPOTENCY_CONFLICT);
                }
                return Expected.recorded();
            }
            if (command instanceof ExpireDue) {
                boolean due = held != null && held.expiresAt() != null && !now.isBefore(held.expiresAt())
                        || requests.values().stream().anyMatch(r -> !r.expired && !now.isBefore(r.expiresAt));
                return due ? Expected.recorded() : Expected.unchanged();
            }
            throw new AssertionError("no expectation for " + command);
        }

        void apply(List<PairEvent> events) {
            for (PairEvent e : events) {
                if (e instanceof PermissionRequested r) {
                    KnownRequest k = new KnownRequest();
                    k.sent = true;
                    k.channel = r.channel();
                    k.expiresAt = r.expiresAt();
                    requests.put(r.requestId(), k);
                    counted.add(r.occurredAt());
                } else if (e instanceof PermissionRequestDelivered r) {
                    KnownRequest k = learn(r.requestId(), r.learned(), r.occurredAt());
                    k.delivered = true;
                    k.expiresAt = r.expiresAt();
                } else if (e instanceof PermissionReplyRecorded r) {
                    KnownRequest k = learn(r.requestId(), r.learned(), r.occurredAt());
                    k.response = r.response();
                    k.permanent = r.permanent();
                    k.expiresAt = r.expiresAt();
                } else if (e instanceof PermissionRequestExpired x) {
                    requests.get(x.requestId()).expired = true;
                } else if (e instanceof PermissionGranted g) {
                    held = g;
                } else if (e instanceof PermissionRevoked || e instanceof PermissionExpired) {
                    held = null;
                } else if (e instanceof CallPlaced c) {
                    placed.put(c.callId(), c.occurredAt());
                } else if (e instanceof CallOutcomeRecorded o) {
                    outcomes.put(o.callId(), o.outcome());
                } else if (e instanceof UserCallRecorded u) {
                    userCalls.put(u.callId(), u.outcome());
                } else if (e instanceof RequestLimitsReset) {
                    counted.clear();
                }
            }
        }

        private KnownRequest learn(String requestId, boolean learned, Instant at) {
            assertThat(learned).as("learned flag of %s", requestId).isEqualTo(!requests.containsKey(requestId));
            if (learned) {
                requests.put(requestId, new KnownRequest());
                counted.add(at);
            }
            return requests.get(requestId);
        }
    }

    private static boolean isTheFactOf(PairCommand command, PairEvent e) {
        if (command instanceof SendPermissionRequest c) {
            return e instanceof PermissionRequested r && r.requestId().equals(c.requestId()) && r.channel() == c.channel();
        }
        if (command instanceof MarkRequestDelivered c) {
            return e instanceof PermissionRequestDelivered r && r.requestId().equals(c.requestId());
        }
        if (command instanceof RecordReply c) {
            return e instanceof PermissionReplyRecorded r && r.requestId().equals(c.requestId())
                    && r.response() == c.response() && r.permanent() == c.permanent();
        }
        if (command instanceof GrantPermission c) {
            return e instanceof PermissionGranted g && g.source() == GrantSource.BUSINESS_PROFILE;
        }
        if (command instanceof RevokePermission) {
            return e instanceof PermissionRevoked r && r.source() == RevocationSource.BUSINESS_PROFILE;
        }
        if (command instanceof PlaceCall c) {
            return e instanceof CallPlaced p && p.callId().equals(c.callId());
        }
        if (command instanceof RecordCallOutcome c) {
            return e instanceof CallOutcomeRecorded o && o.callId().equals(c.callId()) && o.outcome() == c.outcome();
        }
        if (command instanceof RecordUserCall c) {
            return e instanceof UserCallRecorded u && u.callId().equals(c.callId()) && u.outcome() == c.outcome();
        }
        return command instanceof ExpireDue && isExpiry(e);
    }

    /**
     * The generator must reach every rule often enough for the invariants above to mean something; if a
     * change to the generator (or to the rules) makes a situation unreachable, this property fails.
     */
    @Property(tries = 400)
    void theGeneratedHistoriesReachEveryRule(@ForAll("histories") History history) {
        Run run = history.run();
        Set<String> seen = new HashSet<>();
        for (Decided d : run.decided) {
            if (d.decision instanceof Decision.Refused r) {
                seen.add(r.refusal().code().name());
            } else if (d.decision instanceof Decision.Rejected r) {
                seen.add(r.code().name());
            } else if (d.decision instanceof Decision.Unchanged) {
                seen.add("UNCHANGED");
            }
            for (PairEvent e : d.decision.events()) {
                seen.add(e.getClass().getSimpleName());
                if (e instanceof PermissionRequestExpired x) {
                    seen.add(x.reason().name());
                }
                if (e instanceof PermissionGranted g) {
                    seen.add(g.source().name() + "_" + g.kind().name());
                }
                if (e instanceof PermissionRevoked r) {
                    seen.add("REVOKED_" + r.source().name());
                }
            }
        }
        boolean v1 = history.terms.policy() == PolicyCatalog.WHATSAPP_V1;
        boolean v2 = !v1;
        boolean callback = history.terms.callbackEnabled();
        Statistics.label("policy").collect(history.terms.policy().name());
        Statistics.label("callback").collect(history.terms.callbackPermission());
        Map<String, Boolean> reached = new java.util.LinkedHashMap<>();
        for (String what : List.of("CallPlaced", "CallOutcomeRecorded", "PermissionRequested", "RequestLimitsReset",
                "UnansweredCallsWarningRaised", "REVOKED_AUTOMATIC", "REVOKED_DECLINE", "REVOKED_BUSINESS_PROFILE",
                "PermissionExpired", "NO_RESPONSE", "AFTER_REPLY", "SUPERSEDED", "NO_PERMISSION", "CALL_LIMIT_24H",
                "REQUEST_LIMIT_24H", "REQUEST_LIMIT_7D", "REQUEST_EXPIRED", "IDEMPOTENCY_CONFLICT", "UNKNOWN_CALL",
                "OUTCOME_ALREADY_RECORDED", "UNCHANGED")) {
            reached.put(what, seen.contains(what));
        }
        reached.put("CALL_LIMIT_24H under v2", v2 && seen.contains("CALL_LIMIT_24H"));
        reached.put("PERMANENT_PERMISSION_EXISTS under v2", v2 && seen.contains("PERMANENT_PERMISSION_EXISTS"));
        reached.put("CALLBACK_TEMPORARY with callback", callback && seen.contains("CALLBACK_TEMPORARY"));
        reached.put("REQUEST_PERMANENT under v2", v2 && seen.contains("REQUEST_PERMANENT"));
        reached.forEach((what, yes) -> Statistics.label(what).collect(yes));

        // observed with 400 tries: 10 to 70 % each, the v2 cap about 3 %; the floors leave room for chance
        for (String what : reached.keySet()) {
            double floor = what.equals("CALL_LIMIT_24H under v2") ? 0.25 : 3;
            Statistics.label(what).coverage(c -> c.check(true).percentage(p -> p > floor));
        }
    }

    // ---------------------------------------------------------------------------------------------
    // driving a history

    sealed interface Step permits Advance, Command, Burst {
    }

    record Advance(Duration by) implements Step {
    }

    record Command(PairCommand command) implements Step {
    }

    /**
     * Business calls placed with fresh ids, {@code spacing} apart, each ending as listed; optionally after a
     * profile grant, so that long bursts meet the v2 cap and runs of misses meet a permission to revoke.
     */
    record Burst(Optional<GrantPermission> grantFirst, List<BurstEnd> ends, Duration spacing) implements Step {
    }

    enum BurstEnd { IN_FLIGHT, CONNECTED, UNANSWERED, REJECTED, FAILED }

    record History(BusinessTerms terms, List<Step> steps) {
        Run run() {
            Run run = new Run(terms);
            int fresh = 0;
            for (Step step : steps) {
                if (step instanceof Advance a) {
                    run.now = run.now.plus(a.by());
                } else if (step instanceof Command c) {
                    run.decide(c.command());
                } else if (step instanceof Burst b) {
                    b.grantFirst().ifPresent(run::decide);
                    for (BurstEnd end : b.ends()) {
                        String callId = "wacid.B" + (++fresh);
                        run.now = run.now.plus(b.spacing());
                        Decision placed = run.decide(new PlaceCall(PAIR, callId));
                        if (placed instanceof Decision.Recorded && end != BurstEnd.IN_FLIGHT) {
                            run.decide(new RecordCallOutcome(PAIR, callId, CallOutcome.valueOf(end.name())));
                        }
                    }
                }
            }
            return run;
        }

        @Override
        public String toString() {
            return terms + " " + steps;
        }
    }

    record Decided(PairCommand command, Instant at, PairState before, Decision decision, PairState after) {
        @Override
        public String toString() {
            return command + " at " + at + " -> " + decision;
        }
    }

    static final class Run {
        final BusinessTerms terms;
        final List<Decided> decided = new ArrayList<>();
        final List<PairEvent> history = new ArrayList<>();
        PairState state = PairState.EMPTY;
        Instant now = T0;

        Run(BusinessTerms terms) {
            this.terms = terms;
        }

        Decision decide(PairCommand command) {
            PairState before = state;
            Decision decision = PairDecider.decide(before, command, terms, now);
            state = PairEvolution.fold(before, decision.events());
            history.addAll(decision.events());
            decided.add(new Decided(command, now, before, decision, state));
            return decision;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // generators

    @Provide
    Arbitrary<History> histories() {
        Arbitrary<BusinessTerms> terms = Combinators.combine(Arbitraries.of(PolicyCatalog.ALL),
                Arbitraries.of(CallbackPermission.class)).as(BusinessTerms::new);
        Arbitrary<Step> step = Arbitraries.frequencyOf(
                Tuple.of(50, commands().map(Command::new)),
                Tuple.of(40, advances().map(Advance::new)),
                Tuple.of(6, bursts()));
        return Combinators.combine(terms, step.list().ofMinSize(1).ofMaxSize(120)
                .withSizeDistribution(RandomDistribution.uniform())).as(History::new);
    }

    private static Arbitrary<PairCommand> commands() {
        Arbitrary<String> sentIds = Arbitraries.of("wamid.A1", "wamid.A2", "wamid.A3", "wamid.A4", "wamid.A5",
                "wamid.A6");
        Arbitrary<String> requestIds = Arbitraries.of("wamid.A1", "wamid.A2", "wamid.A3", "wamid.A4", "wamid.A5",
                "wamid.A6", "wamid.X1", "wamid.X2");
        Arbitrary<String> callIds = Arbitraries.of("wacid.1", "wacid.2", "wacid.3", "wacid.4", "wacid.5", "wacid.6",
                "wacid.7", "wacid.8", "wacid.9", "wacid.10");
        Arbitrary<String> userCallIds = Arbitraries.of("wacid.U1", "wacid.U2", "wacid.U3", "wacid.U4");
        return Arbitraries.frequencyOf(
                Tuple.of(10, Combinators.combine(sentIds, Arbitraries.of(Channel.class))
                        .as((id, channel) -> new SendPermissionRequest(PAIR, id, channel))),
                Tuple.of(7, requestIds.map(id -> new MarkRequestDelivered(PAIR, id))),
                Tuple.of(10, Combinators.combine(requestIds, Arbitraries.of(ReplyResponse.class), Arbitraries.of(true, false))
                        .as((id, response, permanent) -> new RecordReply(PAIR, id, response, permanent))),
                Tuple.of(8, Arbitraries.of(true, false).map(permanent -> new GrantPermission(PAIR, permanent))),
                Tuple.of(3, Arbitraries.just(new RevokePermission(PAIR))),
                Tuple.of(20, callIds.map(id -> new PlaceCall(PAIR, id))),
                Tuple.of(18, Combinators.combine(callIds, Arbitraries.of(CallOutcome.class))
                        .as((id, outcome) -> new RecordCallOutcome(PAIR, id, outcome))),
                Tuple.of(6, Combinators.combine(userCallIds, Arbitraries.of(UserCallOutcome.class))
                        .as((id, outcome) -> new RecordUserCall(PAIR, id, outcome))),
                Tuple.of(3, Arbitraries.just(new ExpireDue(PAIR))));
    }

    private static Arbitrary<Duration> advances() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(Duration.ZERO)),
                Tuple.of(3, Arbitraries.just(Duration.ofMillis(1))),
                Tuple.of(10, Arbitraries.longs().between(1, 3_600).map(Duration::ofSeconds)),
                Tuple.of(10, Arbitraries.longs().between(1, 600).map(Duration::ofMinutes)),
                Tuple.of(8, Arbitraries.longs().between(1, 48).map(Duration::ofHours)),
                Tuple.of(3, Arbitraries.longs().between(1, 8).map(Duration::ofDays)),
                Tuple.of(5, Arbitraries.of(DAY, WEEK, DAY.minusMillis(1), WEEK.minusMillis(1), DAY.multipliedBy(2))));
    }

    /** Short bursts, mostly connecting, mostly missed, or mixed; and long bursts that can fill the v2 cap. */
    private static Arbitrary<Step> bursts() {
        Arbitrary<BurstEnd> mixed = Arbitraries.of(BurstEnd.class);
        Arbitrary<BurstEnd> missed = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(BurstEnd.UNANSWERED, BurstEnd.REJECTED)),
                Tuple.of(1, Arbitraries.just(BurstEnd.FAILED)));
        Arbitrary<BurstEnd> occupying = Arbitraries.frequencyOf(
                Tuple.of(30, Arbitraries.of(BurstEnd.CONNECTED, BurstEnd.IN_FLIGHT)),
                Tuple.of(1, Arbitraries.of(BurstEnd.UNANSWERED, BurstEnd.FAILED)));
        Arbitrary<Optional<GrantPermission>> grant = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(Optional.<GrantPermission>empty())),
                Tuple.of(1, Arbitraries.of(true, false).map(p -> Optional.of(new GrantPermission(PAIR, p)))));
        Arbitrary<Duration> spacing = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(Duration.ZERO)),
                Tuple.of(3, Arbitraries.longs().between(1, 900).map(Duration::ofSeconds)));
        return Arbitraries.frequencyOf(
                Tuple.of(6, Combinators.combine(grant, mixed.list().ofMinSize(1).ofMaxSize(8), spacing).as(Burst::new)),
                Tuple.of(4, Combinators.combine(grant, missed.list().ofMinSize(1).ofMaxSize(6), spacing).as(Burst::new)),
                Tuple.of(2, Combinators.combine(grant, occupying.list().ofMinSize(95).ofMaxSize(115), spacing)
                        .as(Burst::new)));
    }

    // ---------------------------------------------------------------------------------------------
    // event helpers

    private static boolean isExpiry(PairEvent e) {
        return e instanceof PermissionExpired || e instanceof PermissionRequestExpired;
    }

    private static boolean isRefusal(PairEvent e) {
        return e instanceof CallRefused || e instanceof PermissionRequestRefused || e instanceof PermissionReplyRefused;
    }

    private static Optional<RefusalCode> refusalCode(PairEvent e) {
        if (e instanceof CallRefused c) {
            return Optional.of(c.code());
        }
        if (e instanceof PermissionRequestRefused r) {
            return Optional.of(r.code());
        }
        if (e instanceof PermissionReplyRefused) {
            return Optional.of(RefusalCode.REQUEST_EXPIRED);
        }
        return Optional.empty();
    }

    private static RuleId ruleFor(RefusalCode code) {
        return switch (code) {
            case NO_PERMISSION -> RuleId.PERMISSION_REQUIRED;
            case CALL_LIMIT_24H -> RuleId.CALL_CAP;
            case REQUEST_LIMIT_24H -> RuleId.REQUEST_24H;
            case REQUEST_LIMIT_7D -> RuleId.REQUEST_7D;
            case PERMANENT_PERMISSION_EXISTS -> RuleId.REQUEST_WHILE_PERMANENT;
            case REQUEST_EXPIRED -> RuleId.REQUEST_EXPIRY;
        };
    }

    private static String requestId(PairEvent e) {
        if (e instanceof PermissionRequested r) {
            return r.requestId();
        }
        if (e instanceof PermissionRequestDelivered r) {
            return r.requestId();
        }
        if (e instanceof PermissionReplyRecorded r) {
            return r.requestId();
        }
        throw new IllegalArgumentException(String.valueOf(e));
    }

    private static Optional<String> connectedCallId(PairEvent e) {
        if (e instanceof CallOutcomeRecorded o && o.outcome() == CallOutcome.CONNECTED) {
            return Optional.of(o.callId());
        }
        if (e instanceof UserCallRecorded u && u.outcome() == UserCallOutcome.CONNECTED) {
            return Optional.of(u.callId());
        }
        return Optional.empty();
    }
}
