package com.callpermissionledger.webhook;

/** A change the ledger cannot turn into a fact; it is recorded for auditors instead of dropped. */
public class BadChangeException extends RuntimeException {
    public BadChangeException(String reason) {
        super(reason);
    }
}
