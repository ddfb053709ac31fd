package com.callpermissionledger.webhook;

import com.callpermissionledger.policy.EventRevision;

import java.time.Instant;

/**
 * A webhook change (one message, status or call event) the ledger could not record as a fact, with why.
 * {@code business} is "unknown" when the change did not name a valid business number; {@code digest} is
 * the SHA-256 of the change, so a redelivery is recognised and recorded once.
 */
@EventRevision("1")
public record WebhookChangeRejected(
        String business,
        Instant occurredAt,
        String field,
        String reason,
        String change,
        String digest) {
}
