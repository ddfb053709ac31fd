package com.callpermissionledger.policy.command;

import com.callpermissionledger.policy.PairId;

import java.time.Instant;

/** Everything upstream can ask of, or tell, one pair. */
public sealed interface PairCommand permits SendPermissionRequest, MarkRequestDelivered, RecordReply,
        GrantPermission, RevokePermission, PlaceCall, RecordCallOutcome, RecordUserCall, ExpireDue,
        MarkRequestFailed, RecordCallbackGrant, RecordPlatformRevocation {

    PairId pairId();

    /**
     * When the reported fact happened (the platform's timestamp), or null when it happens now. Every rule
     * clock the fact starts runs from this instant; see "Time" in docs/rules.md.
     */
    default Instant occurredAt() {
        return null;
    }
}
