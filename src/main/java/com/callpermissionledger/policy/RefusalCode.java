package com.callpermissionledger.policy;

/** Why the rules said no, with the platform's own error code where it has one. */
public enum RefusalCode {
    REQUEST_LIMIT_24H(138009),
    REQUEST_LIMIT_7D(138009),
    PERMANENT_PERMISSION_EXISTS(138017),
    NO_PERMISSION(138006),
    CALL_LIMIT_24H(138012),
    REQUEST_EXPIRED(null);

    private final Integer platformCode;

    RefusalCode(Integer platformCode) {
        this.platformCode = platformCode;
    }

    public Integer platformCode() {
        return platformCode;
    }
}
