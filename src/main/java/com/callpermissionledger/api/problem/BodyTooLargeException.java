package com.callpermissionledger.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.io.IOException;

/** A request body over {@link BodySizeLimit#MAX_BYTES}. */
class BodyTooLargeException extends IOException {

    BodyTooLargeException() {
        super("request body too large");
    }

    static ResponseEntity<ProblemDetail> problem() {
        return Problems.answer(Problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE", "Body too large",
                "Request bodies are limited to " + BodySizeLimit.MAX_BYTES + " bytes. Nothing was recorded."));
    }
}
