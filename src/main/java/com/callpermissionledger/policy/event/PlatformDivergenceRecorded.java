package com.callpermissionledger.policy.event;

import com.callpermissionledger.policy.DivergenceSubject;
import com.callpermissionledger.policy.EventRevision;
import com.callpermissionledger.policy.PairId;

import java.time.Instant;

/**
 * The platform said something the ledger's own rules did not: its {@code expiration_timestamp}, or an
 * automatic revocation the ledger's count of misses did not reach. The ledger keeps its rule-based view;
 * this record lets auditors see both. {@code reference} is the request or call concerned, if any.
 */
@EventRevision("1")
public record PlatformDivergenceRecorded(
        PairId pairId,
        Instant occurredAt,
        DivergenceSubject subject,
        String platformSays,
        String ledgerSays,
        String reference,
        String policy,
        String rule) implements PairEvent {
}
