package com.callpermissionledger.policy;

/** What the platform and the ledger disagreed about. */
public enum DivergenceSubject {
    /** The reply's {@code expiration_timestamp} is not the expiry the ledger's rule gives. */
    PERMISSION_EXPIRY,
    /** The platform revoked automatically where the ledger's count of consecutive misses had not. */
    AUTOMATIC_REVOCATION,
    /** The platform reports a business call connected at an instant the ledger held no permission for. */
    CALL_WITHOUT_PERMISSION
}
