package com.callpermissionledger.webhook;

/** Record a webhook change the ledger could not turn into facts, so auditors see it. */
public record RecordBadChange(String streamId, String business, String field,
                              String reason, String change, String digest) {
}
