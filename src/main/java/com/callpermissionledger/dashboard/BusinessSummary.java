package com.callpermissionledger.dashboard;

import java.util.Map;

/** One business number's figures; "today" is the current UTC day of the ledger clock. */
public record BusinessSummary(String business, long pairs, Map<String, Long> states, long warnings,
                              long expiringWithin24h, long callsPlacedToday, long callsConnectedToday,
                              long callsRefusedToday, long requestsSentToday, long requestsRefusedToday) {
}
