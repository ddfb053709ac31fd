package com.callpermissionledger.policy;

/** An identifier that does not have the documented format; nothing is recorded for it. */
public class InvalidIdentifierException extends IllegalArgumentException {

    private final String field;

    public InvalidIdentifierException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
