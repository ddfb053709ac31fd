package com.callpermissionledger.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import static com.callpermissionledger.http.AnswerAssertions.instant;
import static org.assertj.core.api.Assertions.assertThat;

/** RFC 9457 answers as docs/api.md promises them: a stable code, its type URI, and retryAt when waiting helps. */
public final class ProblemAssertions {

    private ProblemAssertions() {
    }

    /** An RFC 9457 answer: status, content type, the stable code, its type URI, a title and a detail. */
    public static JsonNode assertProblem(Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).as(answer.toString()).isEqualTo(LedgerHttp.PROBLEM_JSON);
        JsonNode problem = answer.json();
        assertThat(problem.path("code").asText(null)).as(answer.toString()).isEqualTo(code);
        assertThat(problem.path("status").asInt()).as(answer.toString()).isEqualTo(status);
        assertThat(problem.path("type").asText()).as(answer.toString())
                .isEqualTo("urn:call-permission-ledger:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-'));
        assertThat(problem.path("title").asText()).as(answer.toString()).isNotBlank();
        assertThat(problem.path("detail").asText()).as(answer.toString()).isNotBlank();
        return problem;
    }

    /**
     * A refusal by a rule: the problem fields, the rule named in {@code rule} and in the detail, the platform's
     * code when it has one, and {@code retryAt} with a matching {@code Retry-After} (whole seconds, rounded up)
     * exactly when waiting helps.
     */
    public static JsonNode assertRefusal(Answer answer, int status, String code, String rule, Integer platformCode,
                                         Instant retryAt, Instant now) {
        JsonNode problem = assertProblem(answer, status, code);
        assertThat(problem.path("rule").asText(null)).as(answer.toString()).isEqualTo(rule);
        assertThat(problem.path("detail").asText()).as(answer.toString()).startsWith("Rule " + rule + ": ");
        if (platformCode == null) {
            assertThat(problem.has("platformCode")).as(answer.toString()).isFalse();
        } else {
            assertThat(problem.path("platformCode").isInt()).as(answer.toString()).isTrue();
            assertThat(problem.path("platformCode").asInt()).as(answer.toString()).isEqualTo(platformCode);
        }
        if (retryAt == null) {
            assertThat(problem.has("retryAt")).as(answer.toString()).isFalse();
            assertThat(answer.header("Retry-After")).as(answer.toString()).isEmpty();
        } else {
            assertThat(instant(problem.get("retryAt"))).as(answer.toString()).isEqualTo(retryAt);
            long seconds = (Duration.between(now, retryAt).toMillis() + 999) / 1000;
            assertThat(answer.header("Retry-After")).as(answer.toString()).contains(Long.toString(seconds));
        }
        return problem;
    }
}
