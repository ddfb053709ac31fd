package com.callpermissionledger.api.problem;

import com.callpermissionledger.policy.Decision;
import com.callpermissionledger.policy.RefusalCode;
import com.callpermissionledger.policy.Refusal;
import com.callpermissionledger.policy.RejectionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.time.Clock;

/** Turns refusals (recorded decisions) and rejections (contradictions, not recorded) into problem answers. */
public final class DecisionProblems {

    private DecisionProblems() {
    }

    public static ResponseEntity<ProblemDetail> refused(Decision.Refused refused, Clock clock) {
        Refusal r = refused.refusal();
        ProblemDetail problem = Problems.problem(status(r.code()), r.code().name(), title(r.code()), r.detail());
        problem.setProperty("rule", r.rule().id());
        if (r.code().platformCode() != null) {
            problem.setProperty("platformCode", r.code().platformCode());
        }
        problem.setProperty("evidence", r.evidence().stream().map(Object::toString).toList());
        return Problems.answer(problem, r.retryAt(), clock);
    }

    public static ResponseEntity<ProblemDetail> rejected(Decision.Rejected rejected) {
        HttpStatus status = switch (rejected.code()) {
            case UNKNOWN_CALL -> HttpStatus.NOT_FOUND;
            case FACT_IN_FUTURE -> HttpStatus.UNPROCESSABLE_ENTITY;
            default -> HttpStatus.CONFLICT;
        };
        String title = switch (rejected.code()) {
            case IDEMPOTENCY_CONFLICT -> "Id already used with other content";
            case UNKNOWN_CALL -> "Unknown call";
            case OUTCOME_ALREADY_RECORDED -> "Outcome already recorded";
            case FACT_IN_FUTURE -> "Fact dated in the future";
        };
        return Problems.answer(Problems.problem(status, rejected.code().name(), title, rejected.detail()));
    }

    private static HttpStatus status(RefusalCode code) {
        return switch (code) {
            case REQUEST_LIMIT_24H, REQUEST_LIMIT_7D, CALL_LIMIT_24H -> HttpStatus.TOO_MANY_REQUESTS;
            case NO_PERMISSION -> HttpStatus.FORBIDDEN;
            case PERMANENT_PERMISSION_EXISTS, REQUEST_EXPIRED -> HttpStatus.CONFLICT;
        };
    }

    private static String title(RefusalCode code) {
        return switch (code) {
            case REQUEST_LIMIT_24H -> "Permission request limit (24 h) reached";
            case REQUEST_LIMIT_7D -> "Permission request limit (7 days) reached";
            case PERMANENT_PERMISSION_EXISTS -> "Permanent permission already exists";
            case NO_PERMISSION -> "No call permission";
            case CALL_LIMIT_24H -> "Call limit (24 h) reached";
            case REQUEST_EXPIRED -> "Permission request expired";
        };
    }
}
