package com.callpermissionledger.webhook;

/** Counts one delivery's items as they are handled; see {@link WebhookReport}. */
final class Tally {

    int recorded;
    int unchanged;
    int ignored;
    int rejected;
    int held;

    WebhookReport report() {
        return new WebhookReport(recorded, unchanged, ignored, rejected, held);
    }
}
