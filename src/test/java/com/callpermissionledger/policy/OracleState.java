package com.callpermissionledger.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the {@link RuleOracle} remembers of a pair, written from docs/rules.md with no production class but the
 * vocabulary (enums, {@link Policy}): fed with commands and the clock, never with the events under test.
 * Everything that depends on time is a function of the instant asked about ("Time": expiry is a function of
 * time), so the answer at any instant can be read without moving the model.
 */
final class OracleState {

    /** A permission held: {@code expiresAt} is null for a permanent one (R-PERMANENT). */
    record Permission(GrantSource source, PermissionKind kind, Instant grantedAt, Instant expiresAt) {
        boolean validAt(Instant t) {
            return expiresAt == null || t.isBefore(expiresAt);
        }
    }

    /** A permission request, sent through the ledger or learned from a delivery or a reply. */
    static final class Request {
        boolean sentThroughLedger;
        Channel channel;
        long order;
        boolean delivered;
        ReplyResponse response;
        boolean permanent;
        boolean replied;
        Instant expiresAt;
        Instant supersededAt;

        boolean openAt(Instant t) {
            return supersededAt == null && t.isBefore(expiresAt);
        }
    }

    /** A refusal as the rules give it: its code, and when waiting helps, the instant to retry at. */
    record Block(RefusalCode code, Instant retryAt) {
    }

    final Map<String, Request> requests = new LinkedHashMap<>();
    /** R-REQUEST-24H / R-REQUEST-7D: the instants of the requests counted since the last R-REQUEST-RESET. */
    final List<Instant> counted = new ArrayList<>();
    final Map<String, Instant> placed = new LinkedHashMap<>();
    final Map<String, CallOutcome> outcomes = new LinkedHashMap<>();
    final Map<String, UserCallOutcome> userCalls = new LinkedHashMap<>();
    Permission permission;
    boolean permissionExpiryRecorded = true;
    /** "the state set by the latest change" (Ledger state). */
    LedgerState lastChange = LedgerState.NONE;
    int misses;
    boolean warning;

    Optional<Permission> permissionAt(Instant t) {
        return Optional.ofNullable(permission).filter(p -> p.validAt(t));
    }

    boolean permanentAt(Instant t) {
        return permissionAt(t).map(p -> p.kind() == PermissionKind.PERMANENT).orElse(false);
    }

    /** Time: an expiry falls due at its instant, whether or not anything is recorded. */
    void passTime(Instant now) {
        if (permission != null && !permission.validAt(now)) {
            permissionEndedAt = permission.expiresAt();
            permission = null;
            lastChange = LedgerState.EXPIRED;
        }
    }

    /** The time-expiry of the permission held last, if it ended by time. */
    private Instant permissionEndedAt;
    /** The instant of the last command that recorded anything. */
    private Instant lastRecordingAt = Instant.MIN;

    /** "When a command records anything, the expiries that fell due are recorded first"; others wait. */
    boolean expiriesUnrecorded(Instant now) {
        return permissionEndedAt != null && permissionEndedAt.isAfter(lastRecordingAt)
                || requests.values().stream().anyMatch(r -> r.supersededAt == null && !now.isBefore(r.expiresAt)
                && r.expiresAt.isAfter(lastRecordingAt));
    }

    void recordedAt(Instant now) {
        lastRecordingAt = now;
    }

    /** Time: a use at t is inside a window of length w at now while now - w < t; full at max uses. */
    static List<Instant> inWindow(List<Instant> uses, Duration window, Instant now) {
        return uses.stream().filter(t -> now.minus(window).isBefore(t)).sorted().toList();
    }

    /** When a full window has room again: when only max - 1 uses are left in it. Empty when not full. */
    static Optional<Instant> frees(List<Instant> uses, int max, Duration window, Instant now) {
        List<Instant> in = inWindow(uses, window, now);
        return in.size() < max ? Optional.empty() : Optional.of(in.get(in.size() - max).plus(window));
    }

    /** R-CALL-CAP: a call occupies the cap from its placing unless its outcome says it did not connect. */
    List<Instant> occupyingCalls() {
        return placed.entrySet().stream()
                .filter(c -> outcomes.getOrDefault(c.getKey(), CallOutcome.CONNECTED) == CallOutcome.CONNECTED)
                .map(Map.Entry::getValue).toList();
    }

    /** R-REQUEST-WHILE-PERMANENT before the windows; of two full windows, the later retryAt (R-REQUEST-7D). */
    Optional<Block> requestBlock(Policy policy, Instant t) {
        if (permanentAt(t)) {
            return Optional.of(new Block(RefusalCode.PERMANENT_PERMISSION_EXISTS, null));
        }
        Optional<Instant> day = frees(counted, policy.requestCapShort(), policy.requestWindowShort(), t);
        Optional<Instant> week = frees(counted, policy.requestCapLong(), policy.requestWindowLong(), t);
        if (day.isPresent() && (week.isEmpty() || day.get().isAfter(week.get()))) {
            return Optional.of(new Block(RefusalCode.REQUEST_LIMIT_24H, day.get()));
        }
        return week.map(w -> new Block(RefusalCode.REQUEST_LIMIT_7D, w));
    }

    /** R-PERMISSION-REQUIRED, then R-CALL-CAP. */
    Optional<Block> callBlock(Policy policy, Instant t) {
        if (permissionAt(t).isEmpty()) {
            return Optional.of(new Block(RefusalCode.NO_PERMISSION, null));
        }
        return frees(occupyingCalls(), policy.callCap(), policy.callWindow(), t)
                .map(r -> new Block(RefusalCode.CALL_LIMIT_24H, r));
    }

    /** Ledger state: GRANTED while valid, EXPIRED once its time is up or every open request of REQUESTED has. */
    LedgerState stateAt(Instant t) {
        if (permission != null) {
            return permission.validAt(t) ? LedgerState.GRANTED : LedgerState.EXPIRED;
        }
        if (lastChange == LedgerState.REQUESTED && requests.values().stream().noneMatch(r -> r.openAt(t))) {
            return LedgerState.EXPIRED;
        }
        return lastChange;
    }
}
