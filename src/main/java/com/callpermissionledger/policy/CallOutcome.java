package com.callpermissionledger.policy;

/** How a business-initiated call ended. */
public enum CallOutcome {
    CONNECTED, UNANSWERED, REJECTED, FAILED;

    /** Unanswered and rejected calls both count toward the run of misses (platform reference, section 1). */
    public boolean isMiss() {
        return this == UNANSWERED || this == REJECTED;
    }
}
