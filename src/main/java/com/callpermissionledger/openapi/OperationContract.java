package com.callpermissionledger.openapi;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static com.callpermissionledger.openapi.ProblemCode.BUSINESS_NOT_ALLOWED;
import static com.callpermissionledger.openapi.ProblemCode.FORBIDDEN;
import static com.callpermissionledger.openapi.ProblemCode.INVALID_IDENTIFIER;
import static com.callpermissionledger.openapi.ProblemCode.INVALID_REQUEST;
import static com.callpermissionledger.openapi.ProblemCode.LEDGER_BUSY;
import static com.callpermissionledger.openapi.ProblemCode.NOT_FOUND;
import static com.callpermissionledger.openapi.ProblemCode.PAYLOAD_TOO_LARGE;
import static com.callpermissionledger.openapi.ProblemCode.RATE_LIMITED;
import static com.callpermissionledger.openapi.ProblemCode.REQUEST_REJECTED;
import static com.callpermissionledger.openapi.ProblemCode.UNAUTHENTICATED;
import static com.callpermissionledger.openapi.ProblemCode.UNSUPPORTED_MEDIA_TYPE;

/**
 * What the document says of one operation beyond what springdoc reads from the controller: its id, audience
 * tag, summary, success status (and body type where the controller returns {@code ResponseEntity<?>}), and the
 * problems it answers besides the ones every operation of its kind can answer.
 */
record OperationContract(String method, String path, String operationId, String tag, String summary,
                         int success, Class<?> body, Kind kind, List<ProblemCode> problems) {

    /** Without a body; with a JSON body; a command with a body, dispatched to the ledger (may meet LEDGER_BUSY). */
    enum Kind { NO_BODY, BODY, COMMAND }

    String key() {
        return method + " " + path;
    }

    /** Every problem code this operation can answer, in status order. */
    Set<ProblemCode> allProblems() {
        // NOT_FOUND: the same path with a trailing slash (or any other spelling no route has) reaches no handler
        List<ProblemCode> all = new ArrayList<>(List.of(INVALID_REQUEST, REQUEST_REJECTED, UNAUTHENTICATED, FORBIDDEN,
                BUSINESS_NOT_ALLOWED, NOT_FOUND, RATE_LIMITED));
        if (path.contains("{")) {
            all.add(INVALID_IDENTIFIER);
        }
        if (kind != Kind.NO_BODY) {
            all.addAll(List.of(PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE));
        }
        if (kind == Kind.COMMAND) {
            all.add(LEDGER_BUSY);
        }
        all.addAll(problems);
        return EnumSet.copyOf(all);
    }
}
