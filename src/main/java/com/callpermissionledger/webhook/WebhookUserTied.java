package com.callpermissionledger.webhook;

import com.callpermissionledger.policy.EventRevision;

import java.time.Instant;

/**
 * A payload named one user by a business-scoped id and a phone number that each had a pair of their own. From
 * now on both ids reach {@code pairUser}'s pair; the facts recorded under {@code formerUser} were reported to it
 * again, dated when they happened ({@code factsCarried} of them). The former pair's history stays as recorded.
 */
@EventRevision("1")
public record WebhookUserTied(
        String business,
        Instant occurredAt,
        String formerUser,
        String pairUser,
        int factsCarried) {
}
