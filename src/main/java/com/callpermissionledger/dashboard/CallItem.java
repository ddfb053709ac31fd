package com.callpermissionledger.dashboard;

import java.time.Instant;

/** One call attempt; {@code outcome} is null while a placed call is in flight. */
public record CallItem(String callId, String business, String user, String direction, Instant placedAt,
                       String outcome, Instant outcomeAt, boolean refused, String refusalCode, String rule,
                       Instant retryAt) {
}
