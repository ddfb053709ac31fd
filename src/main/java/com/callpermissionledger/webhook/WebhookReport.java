package com.callpermissionledger.webhook;

/**
 * What one delivery did, item by item (a message, a status or a call event): {@code recorded} changed the
 * ledger, {@code unchanged} repeated what it already held, {@code ignored} said nothing about call
 * permissions, {@code rejected} could not be read or applied and was recorded for auditors, {@code held} is
 * a status kept until the request it names is recorded.
 */
public record WebhookReport(int recorded, int unchanged, int ignored, int rejected, int held) {
}
