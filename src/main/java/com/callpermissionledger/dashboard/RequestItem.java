package com.callpermissionledger.dashboard;

import java.time.Instant;

/** One permission request; {@code expired} with {@code expiredAt} and {@code expiryReason} is the expired-request marker. */
public record RequestItem(String requestId, String business, String user, String status, String channel,
                          Instant sentAt, Instant deliveredAt, String response, boolean permanent, Instant repliedAt,
                          Instant expiresAt, boolean expired, Instant expiredAt, String expiryReason) {
}
