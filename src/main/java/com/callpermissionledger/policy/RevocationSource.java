package com.callpermissionledger.policy;

/** What ended a permission before its expiry. */
public enum RevocationSource {
    /** The user revoked from the business profile. */
    BUSINESS_PROFILE,
    /** The ledger revoked it after too many consecutive unanswered or rejected calls. */
    AUTOMATIC,
    /** The user declined a permission request while a permission was active. */
    DECLINE,
    /** The platform reported its own automatic revocation after unanswered calls (a webhook). */
    PLATFORM
}
