package com.callpermissionledger.policy.command;

import com.callpermissionledger.policy.PairId;

/** Everything upstream can ask of, or tell, one pair. */
public sealed interface PairCommand permits SendPermissionRequest, MarkRequestDelivered, RecordReply,
        GrantPermission, RevokePermission, PlaceCall, RecordCallOutcome, RecordUserCall, ExpireDue {

    PairId pairId();
}
