package com.callpermissionledger.policy;

/** The stable rule ids of docs/rules.md; refusals and decision events cite them. */
public enum RuleId {
    PERMISSION_REQUIRED("R-PERMISSION-REQUIRED"),
    TEMPORARY_VALIDITY("R-TEMPORARY-168H"),
    PERMANENT_PERMISSION("R-PERMANENT"),
    CALL_CAP("R-CALL-CAP"),
    REQUEST_24H("R-REQUEST-24H"),
    REQUEST_7D("R-REQUEST-7D"),
    REQUEST_RESET("R-REQUEST-RESET"),
    REQUEST_WHILE_PERMANENT("R-REQUEST-WHILE-PERMANENT"),
    REQUEST_EXPIRY("R-REQUEST-EXPIRY"),
    REQUEST_FAILED("R-REQUEST-FAILED"),
    REPLY_ACCEPT("R-REPLY-ACCEPT"),
    REPLY_DECLINE("R-REPLY-DECLINE"),
    MISS_WARNING("R-MISS-WARNING"),
    MISS_REVOKE("R-MISS-REVOKE"),
    CALLBACK_GRANT("R-CALLBACK-GRANT"),
    PROFILE_GRANT("R-PROFILE-GRANT"),
    PROFILE_REVOKE("R-PROFILE-REVOKE"),
    FACT_TIME("R-FACT-TIME"),
    PLATFORM_REVOKE("R-PLATFORM-REVOKE"),
    PLATFORM_DIVERGENCE("R-PLATFORM-DIVERGENCE");

    private final String id;

    RuleId(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }
}
