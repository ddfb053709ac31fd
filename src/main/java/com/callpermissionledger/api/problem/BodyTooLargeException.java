package com.callpermissionledger.api.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.io.IOException;

/**
 * A request body over the body gate's limit ({@code api.filter.BodySizeLimitFilter}). It carries the limit its
 * answer names, so this package needs nothing from the filters that throw it.
 */
public class BodyTooLargeException extends IOException {

    private final int namedLimit;

    public BodyTooLargeException(int namedLimit) {
        super("request body too large");
        this.namedLimit = namedLimit;
    }

    public ResponseEntity<ProblemDetail> problem() {
        return Problems.answer(Problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE", "Body too large",
                "Request bodies are limited to " + namedLimit + " bytes. Nothing was recorded."));
    }
}
