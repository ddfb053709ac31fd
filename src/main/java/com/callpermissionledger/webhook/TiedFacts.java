package com.callpermissionledger.webhook;

import com.callpermissionledger.policy.GrantSource;
import com.callpermissionledger.policy.PairId;
import com.callpermissionledger.policy.PermissionKind;
import com.callpermissionledger.policy.RevocationSource;
import com.callpermissionledger.policy.command.GrantPermission;
import com.callpermissionledger.policy.command.MarkRequestDelivered;
import com.callpermissionledger.policy.command.MarkRequestFailed;
import com.callpermissionledger.policy.command.PairCommand;
import com.callpermissionledger.policy.command.RecordCallOutcome;
import com.callpermissionledger.policy.command.RecordCallbackGrant;
import com.callpermissionledger.policy.command.RecordPlatformRevocation;
import com.callpermissionledger.policy.command.RecordReply;
import com.callpermissionledger.policy.command.RecordUserCall;
import com.callpermissionledger.policy.command.RevokePermission;
import com.callpermissionledger.policy.event.CallOutcomeRecorded;
import com.callpermissionledger.policy.event.PairEvent;
import com.callpermissionledger.policy.event.PermissionGranted;
import com.callpermissionledger.policy.event.PermissionReplyRecorded;
import com.callpermissionledger.policy.event.PermissionRequestDelivered;
import com.callpermissionledger.policy.event.PermissionRequestFailed;
import com.callpermissionledger.policy.event.PermissionRevoked;
import com.callpermissionledger.policy.event.UserCallRecorded;

import java.util.List;
import java.util.Optional;

/**
 * The facts of a former pair, as the reports they were recorded from, addressed to the pair the user turned out
 * to be. Only reported facts are carried, each dated when it happened (R-FACT-TIME): the pair's own rules then
 * decide again (grants, resets, runs of misses, expiries), so nothing the former pair decided is copied.
 * Requests and calls the business sent under the former pair are not facts about the user and stay there.
 */
final class TiedFacts {

    private TiedFacts() {
    }

    static List<PairCommand> carried(PairId target, List<PairEvent> former) {
        return former.stream().map(e -> report(target, e)).flatMap(Optional::stream).toList();
    }

    private static Optional<PairCommand> report(PairId to, PairEvent event) {
        if (event instanceof PermissionReplyRecorded e) {
            return Optional.of(new RecordReply(to, e.requestId(), e.response(), e.permanent(), e.occurredAt(), null));
        }
        if (event instanceof PermissionRequestDelivered e) {
            return Optional.of(new MarkRequestDelivered(to, e.requestId(), e.occurredAt()));
        }
        if (event instanceof PermissionRequestFailed e) {
            return Optional.of(new MarkRequestFailed(to, e.requestId(), e.occurredAt()));
        }
        if (event instanceof PermissionGranted e && e.source() == GrantSource.BUSINESS_PROFILE) {
            return Optional.of(new GrantPermission(to, e.kind() == PermissionKind.PERMANENT, e.occurredAt()));
        }
        if (event instanceof PermissionGranted e && e.source() == GrantSource.CALLBACK && e.reference() != null) {
            return Optional.of(new RecordCallbackGrant(to, e.reference(), e.occurredAt(), null));
        }
        if (event instanceof PermissionRevoked e && e.source() == RevocationSource.BUSINESS_PROFILE) {
            return Optional.of(new RevokePermission(to, e.occurredAt()));
        }
        if (event instanceof PermissionRevoked e && e.source() == RevocationSource.PLATFORM) {
            return Optional.of(new RecordPlatformRevocation(to, e.occurredAt()));
        }
        if (event instanceof CallOutcomeRecorded e) {
            return Optional.of(new RecordCallOutcome(to, e.callId(), e.outcome(), e.occurredAt(), true));
        }
        if (event instanceof UserCallRecorded e) {
            return Optional.of(new RecordUserCall(to, e.callId(), e.outcome(), e.occurredAt()));
        }
        return Optional.empty();
    }
}
