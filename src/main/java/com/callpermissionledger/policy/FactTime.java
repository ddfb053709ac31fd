package com.callpermissionledger.policy;

import com.callpermissionledger.policy.state.PairState;
import com.callpermissionledger.policy.state.PermissionGrant;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * R-FACT-TIME: a reported fact is dated by when it happened ({@code occurredAt}), not when the ledger heard
 * of it. It is appended after what the ledger already recorded, never inserted before it, so a late fact
 * takes effect from its own instant without rewriting a decision already taken.
 */
public final class FactTime {

    /** Clocks of the platform and the ledger differ a little; a fact dated this far ahead is taken as now. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private FactTime() {
    }

    /** A fact dated beyond the allowed skew is a contradiction, never a decision. */
    public static Optional<Decision.Rejected> inFuture(Instant occurredAt, Instant now) {
        if (occurredAt == null || !occurredAt.isAfter(now.plus(CLOCK_SKEW))) {
            return Optional.empty();
        }
        return Optional.of(new Decision.Rejected(RejectionCode.FACT_IN_FUTURE, "Rule " + RuleId.FACT_TIME.id()
                + ": the fact is dated " + occurredAt + ", after the ledger's clock (" + now + ") by more than "
                + CLOCK_SKEW.toSeconds() + " s; send it with the instant it happened."));
    }

    /** The fact's instant: {@code occurredAt}, or now when it is absent or within the skew ahead. */
    public static Instant of(Instant occurredAt, Instant now) {
        return occurredAt == null || occurredAt.isAfter(now) ? now : occurredAt;
    }

    /** The permission held at {@code at}: valid then and granted by then, so a late fact never ends a later grant. */
    public static Optional<PermissionGrant> heldAt(PairState s, Instant at) {
        return s.permissionAt(at).filter(p -> !p.grantedAt().isAfter(at));
    }

    /**
     * A late grant changes nothing when the permission in force was granted after it and lasts at least as
     * long: the ledger never shortens a later decision with an earlier fact.
     */
    public static boolean outlasted(PairState s, Instant at, Instant expiresAt) {
        PermissionGrant p = s.permission();
        return p != null && p.grantedAt().isAfter(at)
                && (p.expiresAt() == null || (expiresAt != null && !p.expiresAt().isBefore(expiresAt)));
    }
}
