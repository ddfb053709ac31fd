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
import com.callpermissionledger.policy.event.UserCallRecorded;

import java.util.Optional;

/** Small readings of recorded events, shared by the properties. */
final class EventFacts {

    private EventFacts() {
    }

    static boolean isExpiry(PairEvent e) {
        return e instanceof PermissionExpired || e instanceof PermissionRequestExpired;
    }

    static boolean isRefusal(PairEvent e) {
        return e instanceof CallRefused || e instanceof PermissionRequestRefused || e instanceof PermissionReplyRefused;
    }

    static Optional<RefusalCode> refusalCode(PairEvent e) {
        if (e instanceof CallRefused c) {
            return Optional.of(c.code());
        }
        if (e instanceof PermissionRequestRefused r) {
            return Optional.of(r.code());
        }
        return e instanceof PermissionReplyRefused ? Optional.of(RefusalCode.REQUEST_EXPIRED) : Optional.empty();
    }

    static RuleId ruleFor(RefusalCode code) {
        return switch (code) {
            case NO_PERMISSION -> RuleId.PERMISSION_REQUIRED;
            case CALL_LIMIT_24H -> RuleId.CALL_CAP;
            case REQUEST_LIMIT_24H -> RuleId.REQUEST_24H;
            case REQUEST_LIMIT_7D -> RuleId.REQUEST_7D;
            case PERMANENT_PERMISSION_EXISTS -> RuleId.REQUEST_WHILE_PERMANENT;
            case REQUEST_EXPIRED -> RuleId.REQUEST_EXPIRY;
        };
    }

    static String requestId(PairEvent e) {
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

    static Optional<String> connectedCallId(PairEvent e) {
        if (e instanceof CallOutcomeRecorded o && o.outcome() == CallOutcome.CONNECTED) {
            return Optional.of(o.callId());
        }
        if (e instanceof UserCallRecorded u && u.outcome() == UserCallOutcome.CONNECTED) {
            return Optional.of(u.callId());
        }
        return Optional.empty();
    }

    /** The event that records the fact a command reported or asked for. */
    static boolean isTheFactOf(PairCommand command, PairEvent e) {
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
        if (command instanceof GrantPermission) {
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
}
