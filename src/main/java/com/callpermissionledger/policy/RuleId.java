package com.callpermissionledger.policy;

/**
 * The stable rule ids of docs/rules.md; refusals and decision events cite them. Each carries its one-line
 * wording, the only copy in code: the API sends it ({@code GET /api/v1/businesses/{business}/rules}) and the
 * dashboard shows it. The wording names no number, since the numbers are the policy's (docs/rules.md, Policies).
 */
public enum RuleId {
    PERMISSION_REQUIRED("R-PERMISSION-REQUIRED", "no valid permission"),
    TEMPORARY_VALIDITY("R-TEMPORARY-168H", "a temporary permission ends when its validity is over"),
    PERMANENT_PERMISSION("R-PERMANENT", "a permanent permission never expires"),
    CALL_CAP("R-CALL-CAP", "connected-call cap per rolling day reached"),
    REQUEST_24H("R-REQUEST-24H", "request limit per rolling day reached"),
    REQUEST_7D("R-REQUEST-7D", "request limit per rolling week reached"),
    REQUEST_RESET("R-REQUEST-RESET", "a connected call reset the request limits"),
    REQUEST_WHILE_PERMANENT("R-REQUEST-WHILE-PERMANENT", "a permanent permission is held"),
    REQUEST_EXPIRY("R-REQUEST-EXPIRY", "the request had expired"),
    REQUEST_FAILED("R-REQUEST-FAILED", "a request never delivered frees its place in the request limits"),
    REPLY_ACCEPT("R-REPLY-ACCEPT", "accepted"),
    REPLY_DECLINE("R-REPLY-DECLINE", "declined"),
    MISS_WARNING("R-MISS-WARNING", "calls unanswered in a row"),
    MISS_REVOKE("R-MISS-REVOKE", "revoked after unanswered calls"),
    CALLBACK_GRANT("R-CALLBACK-GRANT", "granted by a user call"),
    PROFILE_GRANT("R-PROFILE-GRANT", "granted from the profile"),
    PROFILE_REVOKE("R-PROFILE-REVOKE", "revoked from the profile"),
    FACT_TIME("R-FACT-TIME", "a reported fact counts from when it happened"),
    PLATFORM_REVOKE("R-PLATFORM-REVOKE", "revoked by the platform"),
    PLATFORM_DIVERGENCE("R-PLATFORM-DIVERGENCE", "the platform and the ledger disagree");

    private final String id;
    private final String words;

    RuleId(String id, String words) {
        this.id = id;
        this.words = words;
    }

    public String id() {
        return id;
    }

    /** What the rule means, in a few words; docs/rules.md has the full text. */
    public String words() {
        return words;
    }

    @Override
    public String toString() {
        return id;
    }
}
