package com.callpermissionledger.benchmark;

import com.callpermissionledger.policy.CallOutcome;
import com.callpermissionledger.policy.Channel;
import com.callpermissionledger.policy.PairId;
import com.callpermissionledger.policy.ReplyResponse;
import com.callpermissionledger.policy.command.GrantPermission;
import com.callpermissionledger.policy.command.MarkRequestDelivered;
import com.callpermissionledger.policy.command.PairCommand;
import com.callpermissionledger.policy.command.PlaceCall;
import com.callpermissionledger.policy.command.RecordCallOutcome;
import com.callpermissionledger.policy.command.RecordReply;
import com.callpermissionledger.policy.command.SendPermissionRequest;

/** A port that sends the mix's commands as command records, in-process; only how they are sent differs. */
abstract class CommandPort implements LedgerPort {

    /** Sends one command; answers the decision's kind ("recorded", "refused", ...) or another label. */
    abstract String send(PairCommand command);

    @Override
    public String request(String business, String user, String requestId) {
        return send(new SendPermissionRequest(new PairId(business, user), requestId, Channel.TEMPLATE));
    }

    @Override
    public String delivered(String business, String user, String requestId) {
        return send(new MarkRequestDelivered(new PairId(business, user), requestId, null));
    }

    @Override
    public String reply(String business, String user, String requestId) {
        return send(new RecordReply(new PairId(business, user), requestId, ReplyResponse.ACCEPT, false, null, null));
    }

    @Override
    public String grant(String business, String user) {
        return send(new GrantPermission(new PairId(business, user), false, null));
    }

    @Override
    public String placeCall(String business, String user, String callId) {
        return send(new PlaceCall(new PairId(business, user), callId));
    }

    @Override
    public String outcome(String business, String user, String callId) {
        return send(new RecordCallOutcome(new PairId(business, user), callId, CallOutcome.CONNECTED, null, false));
    }

    static String kind(Object decision) {
        return decision.getClass().getSimpleName().toLowerCase();
    }
}
