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
import com.callpermissionledger.policy.event.PairEvent;
import com.callpermissionledger.policy.state.PairState;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A test driver that behaves like the aggregate: every decision's events are folded into the state
 * and appended to the history. Time only moves forward.
 */
final class Ledger {

    static final PairId PAIR = new PairId("106540352242922", "4915112345678");
    static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    static final Duration MS = Duration.ofMillis(1);
    static final Duration HOUR = Duration.ofHours(1);
    static final Duration DAY = Duration.ofHours(24);
    static final Duration WEEK = Duration.ofSeconds(7 * 86_400L);

    static final String V1 = "whatsapp-v1";
    static final String V2 = "whatsapp-v2";

    BusinessTerms terms;
    PairState state = PairState.EMPTY;
    final List<PairEvent> history = new ArrayList<>();
    Instant now = T0;

    private Ledger(BusinessTerms terms) {
        this.terms = terms;
    }

    static Ledger of(Policy policy, CallbackPermission callback) {
        return new Ledger(new BusinessTerms(policy, callback));
    }

    static Ledger v1() {
        return of(PolicyCatalog.WHATSAPP_V1, CallbackPermission.DISABLED);
    }

    static Ledger v2() {
        return of(PolicyCatalog.WHATSAPP_V2, CallbackPermission.DISABLED);
    }

    static Ledger v1WithCallback() {
        return of(PolicyCatalog.WHATSAPP_V1, CallbackPermission.ENABLED);
    }

    static Ledger v2WithCallback() {
        return of(PolicyCatalog.WHATSAPP_V2, CallbackPermission.ENABLED);
    }

    Ledger at(Instant instant) {
        assertThat(instant).as("time only moves forward").isAfterOrEqualTo(now);
        now = instant;
        return this;
    }

    Ledger after(Duration duration) {
        return at(now.plus(duration));
    }

    Decision decide(PairCommand command) {
        Decision decision = PairDecider.decide(state, command, terms, now);
        state = PairEvolution.fold(state, decision.events());
        history.addAll(decision.events());
        return decision;
    }

    Decision send(String requestId) {
        return send(requestId, Channel.TEMPLATE);
    }

    Decision send(String requestId, Channel channel) {
        return decide(new SendPermissionRequest(PAIR, requestId, channel));
    }

    Decision deliver(String requestId) {
        return decide(new MarkRequestDelivered(PAIR, requestId));
    }

    Decision accept(String requestId) {
        return decide(new RecordReply(PAIR, requestId, ReplyResponse.ACCEPT, false));
    }

    Decision acceptPermanent(String requestId) {
        return decide(new RecordReply(PAIR, requestId, ReplyResponse.ACCEPT, true));
    }

    Decision decline(String requestId) {
        return decide(new RecordReply(PAIR, requestId, ReplyResponse.REJECT, false));
    }

    Decision grant() {
        return decide(new GrantPermission(PAIR, false));
    }

    Decision grantPermanent() {
        return decide(new GrantPermission(PAIR, true));
    }

    Decision revoke() {
        return decide(new RevokePermission(PAIR));
    }

    Decision place(String callId) {
        return decide(new PlaceCall(PAIR, callId));
    }

    Decision outcome(String callId, CallOutcome outcome) {
        return decide(new RecordCallOutcome(PAIR, callId, outcome));
    }

    /** Places a call and records its outcome at the same instant. */
    Decision call(String callId, CallOutcome outcome) {
        assertThat(place(callId)).isInstanceOf(Decision.Recorded.class);
        return outcome(callId, outcome);
    }

    Decision userCall(String callId, UserCallOutcome outcome) {
        return decide(new RecordUserCall(PAIR, callId, outcome));
    }

    Decision expireDue() {
        return decide(new ExpireDue(PAIR));
    }

    PairStatus status() {
        return PairStatus.of(PAIR, state, terms, now);
    }

    PairStatus statusAt(Instant instant) {
        return PairStatus.of(PAIR, state, terms, instant);
    }

    /** The recorded state with the expiries due by now applied, as a decision would see it. */
    PairState current() {
        return PairDecider.stateAt(PAIR, state, now);
    }

    <T extends PairEvent> List<T> eventsOf(Class<T> type) {
        return history.stream().filter(type::isInstance).map(type::cast).toList();
    }

    static Decision.Recorded recorded(Decision decision) {
        assertThat(decision).isInstanceOf(Decision.Recorded.class);
        return (Decision.Recorded) decision;
    }

    static Decision.Refused refused(Decision decision) {
        assertThat(decision).isInstanceOf(Decision.Refused.class);
        return (Decision.Refused) decision;
    }

    static Decision.Rejected rejected(Decision decision) {
        assertThat(decision).isInstanceOf(Decision.Rejected.class);
        return (Decision.Rejected) decision;
    }
}
