package com.callpermissionledger.demo;

import com.callpermissionledger.policy.CallOutcome;
import com.callpermissionledger.policy.Channel;
import com.callpermissionledger.policy.Decision;
import com.callpermissionledger.policy.PairId;
import com.callpermissionledger.policy.ReplyResponse;
import com.callpermissionledger.policy.UserCallOutcome;
import com.callpermissionledger.policy.command.GrantPermission;
import com.callpermissionledger.policy.command.MarkRequestDelivered;
import com.callpermissionledger.policy.command.PlaceCall;
import com.callpermissionledger.policy.command.RecordCallOutcome;
import com.callpermissionledger.policy.command.RecordReply;
import com.callpermissionledger.policy.command.RecordUserCall;
import com.callpermissionledger.policy.command.RevokePermission;
import com.callpermissionledger.policy.command.SendPermissionRequest;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What one pair does in the demo: steps run one after the other, each a delay after the previous one,
 * every one of them a real command sent through {@link DemoDriver} to the ledger. A step that the ledger
 * refuses ends the script (an upstream system asks "may I?" first, so it would not go on calling).
 */
final class Script {

    /** One step; answers whether the script goes on. */
    interface Action {
        boolean run(DemoDriver driver);
    }

    record Step(Duration delay, Action action) {
    }

    final PairId pair;
    private final Deque<Step> steps = new ArrayDeque<>();

    Script(PairId pair) {
        this.pair = pair;
    }

    boolean isDone() {
        return steps.isEmpty();
    }

    Duration nextDelay() {
        return steps.isEmpty() ? null : steps.peekFirst().delay();
    }

    /** Runs the next step; answers false when the script ends here. */
    boolean runNext(DemoDriver driver) {
        Step step = steps.pollFirst();
        if (step == null) {
            return false;
        }
        if (!step.action().run(driver)) {
            steps.clear();
            return false;
        }
        return !steps.isEmpty();
    }

    Script then(Duration delay, Action action) {
        steps.addLast(new Step(delay, action));
        return this;
    }

    Script request(Duration delay, String requestId) {
        return then(delay, d -> recorded(d.send(new SendPermissionRequest(pair, requestId, Channel.TEMPLATE))));
    }

    /** A request that may be refused (the rules are the point of the scenario); the script ends either way. */
    Script requestAndStop(Duration delay, String requestId) {
        return then(delay, d -> {
            d.send(new SendPermissionRequest(pair, requestId, Channel.TEMPLATE));
            return false;
        });
    }

    Script delivered(Duration delay, String requestId) {
        return then(delay, d -> recorded(d.send(new MarkRequestDelivered(pair, requestId))));
    }

    Script reply(Duration delay, String requestId, ReplyResponse response, boolean permanent) {
        return then(delay, d -> recorded(d.send(new RecordReply(pair, requestId, response, permanent))));
    }

    Script grantFromProfile(Duration delay) {
        return then(delay, d -> recorded(d.send(new GrantPermission(pair, false))));
    }

    Script revokeFromProfile(Duration delay) {
        return then(delay, d -> recorded(d.send(new RevokePermission(pair))));
    }

    Script userCall(Duration delay, String callId, UserCallOutcome outcome) {
        return then(delay, d -> recorded(d.send(new RecordUserCall(pair, callId, outcome))));
    }

    /**
     * A business call; when the ledger allows it, its outcome follows after a realistic ring or talk time.
     * A refused call ends the script.
     */
    Script call(Duration delay, String callId, CallOutcome outcome) {
        return then(delay, d -> {
            if (!recorded(d.send(new PlaceCall(pair, callId)))) {
                return false;
            }
            steps.addFirst(new Step(callLength(outcome, callId), x -> {
                x.send(new RecordCallOutcome(pair, callId, outcome));
                return true;
            }));
            return true;
        });
    }

    /** A call whose refusal is the point (no permission, cap reached); the script ends either way. */
    Script callAndStop(Duration delay, String callId) {
        return then(delay, d -> {
            if (recorded(d.send(new PlaceCall(pair, callId)))) {
                steps.addFirst(new Step(Duration.ofMinutes(3), x -> {
                    x.send(new RecordCallOutcome(pair, callId, CallOutcome.CONNECTED));
                    return false;
                }));
                return true;
            }
            return false;
        });
    }

    private static Duration callLength(CallOutcome outcome, String callId) {
        int spread = Math.floorMod(callId.hashCode(), 9);
        return switch (outcome) {
            case CONNECTED -> Duration.ofMinutes(2 + spread);
            case UNANSWERED -> Duration.ofSeconds(45 + spread);
            case REJECTED -> Duration.ofSeconds(8 + spread);
            case FAILED -> Duration.ofSeconds(3);
        };
    }

    private static boolean recorded(Decision decision) {
        return decision instanceof Decision.Recorded;
    }
}
