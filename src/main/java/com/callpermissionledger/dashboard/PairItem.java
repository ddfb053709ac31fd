package com.callpermissionledger.dashboard;

import com.callpermissionledger.policy.GrantSource;
import com.callpermissionledger.policy.LedgerState;
import com.callpermissionledger.policy.PermissionKind;

import java.time.Instant;

/**
 * One pair as the dashboard shows it, computed at the moment of the query by the same rules as every
 * decision: {@code canCall} is exactly what {@code POST .../calls} would answer now.
 */
public record PairItem(String business, String user, LedgerState state, GrantSource grantSource,
                       PermissionKind permissionKind, Instant grantedAt, Instant expiresAt, int connectedCalls24h,
                       int callCap, int requests24h, int requests7d, int consecutiveUnanswered, boolean warning,
                       Instant lastActivityAt, int expiredRequests, boolean canCall, String callBlockedBy,
                       Instant callPossibleAt, boolean canRequest, String requestBlockedBy, Instant requestPossibleAt,
                       String policy) {
}
