package com.callpermissionledger.api.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** Builds RFC 9457 answers: a stable {@code code}, a sentence to act on, {@code retryAt} when waiting helps. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail problem(HttpStatus status, String code, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:call-permission-ledger:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setTitle(title);
        problem.setProperty("code", code);
        return problem;
    }

    /** For filters, which answer before Spring MVC is reached. */
    public static void write(HttpServletResponse response, ProblemDetail problem, ObjectMapper json) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    public static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** Adds {@code retryAt} and the matching {@code Retry-After} header (whole seconds, rounded up). */
    public static ResponseEntity<ProblemDetail> answer(ProblemDetail problem, Instant retryAt, Clock clock) {
        if (retryAt == null) {
            return answer(problem);
        }
        problem.setProperty("retryAt", retryAt.toString());
        long seconds = Math.max(0, Duration.between(clock.instant(), retryAt).toMillis() + 999) / 1000;
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)).body(problem);
    }
}
