package com.callpermissionledger.policy;

import com.callpermissionledger.policy.command.ExpireDue;
import com.callpermissionledger.policy.command.GrantPermission;
import com.callpermissionledger.policy.command.MarkRequestDelivered;
import com.callpermissionledger.policy.command.MarkRequestFailed;
import com.callpermissionledger.policy.command.RecordCallbackGrant;
import com.callpermissionledger.policy.command.RecordPlatformRevocation;
import com.callpermissionledger.policy.command.PairCommand;
import com.callpermissionledger.policy.command.PlaceCall;
import com.callpermissionledger.policy.command.RecordCallOutcome;
import com.callpermissionledger.policy.command.RecordReply;
import com.callpermissionledger.policy.command.RecordUserCall;
import com.callpermissionledger.policy.command.RevokePermission;
import com.callpermissionledger.policy.command.SendPermissionRequest;
import com.callpermissionledger.policy.event.PairEvent;
import com.callpermissionledger.policy.rule.RequestExpiry;
import com.callpermissionledger.policy.rule.TemporaryValidity;
import com.callpermissionledger.policy.state.PairState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The rules, once: {@code decide(state, command, terms, now)} answers with events or a refusal. Before any
 * command is judged, the expiries that fell due by {@code now} are recorded, so a decision is right at
 * any instant whether or not the expiry sweeper has run. A reported fact is judged at its own instant
 * ({@code occurredAt}, R-FACT-TIME); what its consequences already reached by {@code now} (a late grant
 * that has run out) is recorded with it.
 */
public final class PairDecider {

    private PairDecider() {
    }

    public static Decision decide(PairState state, PairCommand command, BusinessTerms terms, Instant now) {
        var future = FactTime.inFuture(command.occurredAt(), now);
        if (future.isPresent()) {
            return future.get();
        }
        Instant at = FactTime.of(command.occurredAt(), now);
        List<PairEvent> due = dueExpiries(command.pairId(), state, now);
        PairState current = PairEvolution.fold(state, due);
        if (command instanceof ExpireDue) {
            return due.isEmpty() ? new Decision.Unchanged() : new Decision.Recorded(due);
        }
        Decision decision = decideAt(current, command, terms.policy(), terms, at);
        if (decision instanceof Decision.Unchanged || decision instanceof Decision.Rejected) {
            return decision;
        }
        List<PairEvent> reached = at.isBefore(now)
                ? dueExpiries(command.pairId(), PairEvolution.fold(current, decision.events()), now) : List.of();
        return decision.after(due).followedBy(reached);
    }

    /** The state as it stands at {@code now}: the recorded state with the expiries due by then applied. */
    public static PairState stateAt(PairId pair, PairState state, Instant now) {
        return PairEvolution.fold(state, dueExpiries(pair, state, now));
    }

    /** Expiries due at {@code now}, in the order they fell due, each dated at its due instant. */
    public static List<PairEvent> dueExpiries(PairId pair, PairState state, Instant now) {
        List<PairEvent> due = new ArrayList<>(RequestExpiry.due(pair, state, now));
        TemporaryValidity.due(pair, state, now).ifPresent(due::add);
        due.sort(Comparator.comparing(PairEvent::occurredAt));
        return due;
    }

    private static Decision decideAt(PairState s, PairCommand command, Policy policy, BusinessTerms terms,
                                     Instant now) {
        if (command instanceof SendPermissionRequest c) {
            return RequestDecisions.send(s, c, policy, now);
        }
        if (command instanceof MarkRequestDelivered c) {
            return RequestDecisions.delivered(s, c, policy, now);
        }
        if (command instanceof RecordReply c) {
            return RequestDecisions.reply(s, c, policy, now);
        }
        if (command instanceof GrantPermission c) {
            return PermissionDecisions.grant(s, c, policy, now);
        }
        if (command instanceof RevokePermission c) {
            return PermissionDecisions.revoke(s, c, policy, now);
        }
        if (command instanceof PlaceCall c) {
            return CallDecisions.place(s, c, policy, now);
        }
        if (command instanceof RecordCallOutcome c) {
            return CallDecisions.outcome(s, c, policy, now);
        }
        if (command instanceof RecordUserCall c) {
            return CallDecisions.userCall(s, c, terms, now);
        }
        if (command instanceof MarkRequestFailed c) {
            return RequestDecisions.failed(s, c, now);
        }
        if (command instanceof RecordCallbackGrant c) {
            return PlatformDecisions.callbackGrant(s, c, policy, now);
        }
        if (command instanceof RecordPlatformRevocation c) {
            return PlatformDecisions.revocation(s, c, policy, now);
        }
        throw new IllegalArgumentException("no decision for " + command.getClass().getSimpleName());
    }
}
