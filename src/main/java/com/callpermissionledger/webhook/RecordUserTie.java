package com.callpermissionledger.webhook;

/** Record that two pairs turned out to be one user, so auditors see where the former pair's facts went. */
public record RecordUserTie(String streamId, String business, String formerUser, String pairUser, int factsCarried) {
}
