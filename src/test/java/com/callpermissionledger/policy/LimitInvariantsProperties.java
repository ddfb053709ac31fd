package com.callpermissionledger.policy;

import com.callpermissionledger.policy.History.Decided;
import com.callpermissionledger.policy.History.Run;
import com.callpermissionledger.policy.event.CallOutcomeRecorded;
import com.callpermissionledger.policy.event.CallPlaced;
import com.callpermissionledger.policy.event.PairEvent;
import com.callpermissionledger.policy.event.PermissionExpired;
import com.callpermissionledger.policy.event.PermissionGranted;
import com.callpermissionledger.policy.event.PermissionReplyRecorded;
import com.callpermissionledger.policy.event.PermissionRequestDelivered;
import com.callpermissionledger.policy.event.PermissionRequested;
import com.callpermissionledger.policy.event.PermissionRevoked;
import com.callpermissionledger.policy.event.RequestLimitsReset;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limits read back from the recorded events alone (R-CALL-CAP, R-PERMISSION-REQUIRED, R-REQUEST-24H,
 * R-REQUEST-7D, R-REQUEST-RESET, R-REQUEST-WHILE-PERMANENT under any policy), over random histories.
 */
class LimitInvariantsProperties {

    private static final PairId PAIR = History.PAIR;


    @Property(tries = 400)
    void neverMoreConnectedOrInFlightCallsThanTheCapInAnyRolling24Hours(@ForAll(supplier = Histories.class) History history) {
        Run run = history.run();
        Map<String, Instant> placed = new HashMap<>();
        Set<String> endedUnconnected = new HashSet<>();
        Map<String, CallOutcome> finalOutcome = new HashMap<>();
        List<Instant> placements = new ArrayList<>();
        for (Decided d : run.decided) {
            Policy policy = d.terms().policy();
            for (PairEvent e : d.decision().events()) {
                if (e instanceof CallPlaced p) {
                    assertThat(placed).as("a call id is placed once").doesNotContainKey(p.callId());
                    placed.put(p.callId(), p.occurredAt());
                    Instant from = p.occurredAt().minus(policy.callWindow());
                    long occupying = placed.entrySet().stream()
                            .filter(c -> c.getValue().isAfter(from) && !endedUnconnected.contains(c.getKey()))
                            .count();
                    assertThat(occupying).as("calls occupying the window before %s", p).isLessThanOrEqualTo(policy.callCap());
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
        }
        if (history.switches()) {
            return;   // the calls of one window were placed under caps that differ
        }
        Policy policy = history.terms().policy();
        // the same with the calls' final outcomes, for every window ending at a placement
        for (Instant end : placements) {
            long connectedOrOpen = placed.entrySet().stream()
                    .filter(c -> c.getValue().isAfter(end.minus(policy.callWindow())) && !c.getValue().isAfter(end))
                    .filter(c -> finalOutcome.getOrDefault(c.getKey(), CallOutcome.CONNECTED) == CallOutcome.CONNECTED)
                    .count();
            assertThat(connectedOrOpen).isLessThanOrEqualTo(policy.callCap());
        }
    }


    @Property(tries = 400)
    void neverACallPlacedWithoutAPermissionValidAtThatInstant(@ForAll(supplier = Histories.class) History history) {
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
    void neverMoreRequestsThanTheWindowsAllowBetweenResets(@ForAll(supplier = Histories.class) History history) {
        Run run = history.run();
        List<Instant> sinceReset = new ArrayList<>();   // requests sent through the ledger and learned ones
        PermissionGranted held = null;
        for (Decided d : run.decided) {
            Policy policy = d.terms().policy();
            Set<String> connectedCalls = d.decision().events().stream().map(EventFacts::connectedCallId)
                    .flatMap(Optional::stream).collect(Collectors.toSet());
            for (PairEvent e : d.decision().events()) {
                if (e instanceof PermissionRequested r) {
                    Instant t = r.occurredAt();
                    long inDay = sinceReset.stream().filter(s -> s.isAfter(t.minus(policy.requestWindowShort()))).count();
                    long inWeek = sinceReset.stream().filter(s -> s.isAfter(t.minus(policy.requestWindowLong()))).count();
                    assertThat(inDay).as("requests in the short window before %s", r).isLessThan(policy.requestCapShort());
                    assertThat(inWeek).as("requests in the long window before %s", r).isLessThan(policy.requestCapLong());
                    if (held != null) {
                        assertThat(held.kind()).as("no request while permanent, under any policy: %s", r)
                                .isEqualTo(PermissionKind.TEMPORARY);
                    }
                    sinceReset.add(t);
                } else if (e instanceof PermissionRequestDelivered r && r.learned()
                        || e instanceof PermissionReplyRecorded p && p.learned()) {
                    sinceReset.add(e.occurredAt());
                } else if (EventFacts.connectedCallId(e).isPresent() && !sinceReset.isEmpty()) {
                    assertThat(d.decision().events()).as("a connected call with requests counted resets: %s", d)
                            .contains(new RequestLimitsReset(PAIR, e.occurredAt(), EventFacts.connectedCallId(e).get(),
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
            assertThat(d.after().countedRequests()).as("the state counts what the model counts after %s", d)
                    .containsExactlyElementsOf(sinceReset);
        }
    }
}
