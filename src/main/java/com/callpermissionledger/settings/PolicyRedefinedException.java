package com.callpermissionledger.settings;

/** A policy name already used with other numbers: history would no longer be explained by its name. */
public class PolicyRedefinedException extends IllegalStateException {
    public PolicyRedefinedException(String message) {
        super(message);
    }
}
