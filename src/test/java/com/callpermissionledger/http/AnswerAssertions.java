package com.callpermissionledger.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** What every successful answer must be, and the one way an instant is read from one. */
public final class AnswerAssertions {

    private AnswerAssertions() {
    }

    /** Exactly {@code status}, with a JSON body; answers the body. */
    public static JsonNode assertOk(Answer answer, int status) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).as(answer.toString()).isEqualTo(LedgerHttp.APPLICATION_JSON);
        return answer.json();
    }

    /** An ISO-8601 string; a missing or null field fails here rather than as a parse error. */
    public static Instant instant(JsonNode node) {
        assertThat(node).as("an instant").isNotNull();
        assertThat(node.isTextual()).as("instant %s is an ISO-8601 string", node).isTrue();
        return Instant.parse(node.asText());
    }
}
