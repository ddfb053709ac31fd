package com.callpermissionledger.policy.command;

import com.callpermissionledger.policy.PairId;

import java.time.Instant;
import java.util.Objects;

/** The platform revoked the permission on its own after unanswered calls (a reject with source automatic). */
public record RecordPlatformRevocation(PairId pairId, Instant occurredAt) implements PairCommand {
    public RecordPlatformRevocation {
        Objects.requireNonNull(pairId);
    }
}
