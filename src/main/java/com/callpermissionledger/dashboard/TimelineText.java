package com.callpermissionledger.dashboard;

import com.callpermissionledger.policy.GrantSource;
import com.callpermissionledger.policy.ReplyResponse;
import com.callpermissionledger.policy.RevocationSource;
import com.callpermissionledger.policy.event.*;

import java.util.Locale;

/** Each event in the words a team lead reads on the pair's timeline. */
final class TimelineText {

    private TimelineText() {
    }

    static String of(PairEvent event) {
        if (event instanceof PermissionRequested e) {
            return "Permission request " + e.requestId() + " sent (" + words(e.channel().name()) + ").";
        }
        if (event instanceof PermissionRequestRefused e) {
            return "Permission request " + e.requestId() + " refused (" + e.rule() + ")"
                    + (e.retryAt() != null ? "; possible again at " + e.retryAt() + "." : ".");
        }
        if (event instanceof PermissionRequestDelivered e) {
            return "Request " + e.requestId() + " delivered" + (e.learned() ? " (sent outside the ledger)." : ".");
        }
        if (event instanceof PermissionReplyRecorded e) {
            return "User " + (e.response() == ReplyResponse.ACCEPT ? "accepted" : "declined") + " request "
                    + e.requestId() + (e.permanent() ? " (permanently)." : ".");
        }
        if (event instanceof PermissionReplyRefused e) {
            return "Reply to request " + e.requestId() + " ignored: the request had expired.";
        }
        if (event instanceof PermissionGranted e) {
            return "Permission granted (" + words(e.kind().name())
                    + (e.expiresAt() != null ? " until " + e.expiresAt() : "") + ") " + source(e.source()) + ".";
        }
        if (event instanceof PermissionRevoked e) {
            return e.source() == RevocationSource.AUTOMATIC ? "Permission revoked automatically after unanswered calls."
                    : e.source() == RevocationSource.DECLINE ? "Permission ended: the user declined a request."
                    : e.source() == RevocationSource.PLATFORM ? "Permission revoked by the platform after unanswered calls."
                    : "Permission revoked by the user from the business profile.";
        }
        if (event instanceof PermissionExpired) {
            return "Temporary permission expired.";
        }
        if (event instanceof PermissionRequestExpired e) {
            return "Request " + e.requestId() + " expired: " + switch (e.reason()) {
                case NO_RESPONSE -> "no response within 7 days.";
                case AFTER_REPLY -> "7 days after the reply.";
                case SUPERSEDED -> "the user answered a newer request.";
                case FAILED -> "it could not be delivered.";
            };
        }
        if (event instanceof CallPlaced e) {
            return "Call " + e.callId() + " placed.";
        }
        if (event instanceof CallRefused e) {
            return "Call " + e.callId() + " refused (" + e.rule() + ")"
                    + (e.retryAt() != null ? "; possible again at " + e.retryAt() + "." : ".");
        }
        if (event instanceof CallOutcomeRecorded e) {
            return "Call " + e.callId() + " " + words(e.outcome().name()) + "."
                    + (e.consecutiveMisses() > 1 ? " " + e.consecutiveMisses() + " unanswered in a row." : "");
        }
        if (event instanceof UserCallRecorded e) {
            return "User called the business (" + words(e.outcome().name()) + ").";
        }
        if (event instanceof RequestLimitsReset e) {
            return "Request limits reset by connected call " + e.callId() + ".";
        }
        if (event instanceof UnansweredCallsWarningRaised e) {
            return "Warning: " + e.consecutiveMisses() + " calls in a row unanswered or rejected.";
        }
        if (event instanceof PermissionRequestFailed e) {
            return "Request " + e.requestId() + " failed: the platform could not deliver it.";
        }
        if (event instanceof RequestSlotFreed e) {
            return "Request " + e.requestId() + " no longer counts toward the request limits: it failed.";
        }
        if (event instanceof PlatformDivergenceRecorded e) {
            return "Platform and ledger disagree (" + words(e.subject().name()) + "): platform " + e.platformSays()
                    + ", ledger " + e.ledgerSays() + ".";
        }
        return event.getClass().getSimpleName();
    }

    private static String source(GrantSource source) {
        return switch (source) {
            case REQUEST -> "in reply to a request";
            case BUSINESS_PROFILE -> "from the business profile";
            case CALLBACK -> "by a call from the user";
        };
    }

    private static String words(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
