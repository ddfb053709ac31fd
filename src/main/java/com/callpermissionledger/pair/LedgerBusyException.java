package com.callpermissionledger.pair;

import java.time.Duration;

/** The pair stayed contended for the whole time budget; nothing was recorded, the same command may be sent again. */
public class LedgerBusyException extends RuntimeException {

    private final Duration retryAfter;

    public LedgerBusyException(Duration retryAfter, Throwable lastConflict) {
        super("the pair stayed contended for the whole time budget", lastConflict);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
