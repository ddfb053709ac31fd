package com.callpermissionledger.policy;

/** A policy name that is not in {@link PolicyCatalog}. */
public class UnknownPolicyException extends IllegalArgumentException {
    public UnknownPolicyException(String message) {
        super(message);
    }
}
