package com.callpermissionledger.api.problem;

/** A query parameter or body field the request parsing did not understand: 400 {@code INVALID_REQUEST}, never ignored. */
public final class InvalidFilterException extends IllegalArgumentException {

    public InvalidFilterException(String message) {
        super(message);
    }
}
