package com.callpermissionledger.api;

import com.callpermissionledger.policy.PermissionKind;
import com.callpermissionledger.policy.event.PermissionGranted;
import com.callpermissionledger.policy.event.PermissionRequestRefused;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static com.callpermissionledger.http.ProblemAssertions.assertRefusal;
import static com.callpermissionledger.http.AnswerAssertions.assertOk;
import static com.callpermissionledger.http.AnswerAssertions.instant;
import static org.assertj.core.api.Assertions.assertThat;

/** R-REQUEST-WHILE-PERMANENT under any policy, and R-REPLY-ACCEPT: the user's latest word wins. */
class LatestWordApiTest extends HeldSweeperApiSupport {

    @Test
    void aPermanentPermissionFromV2StillBlocksRequestsWithThe138017RefusalAfterAMoveToV1() {
        Pair pair = newPair();
        settings(pair.business(), "{\"policy\":\"whatsapp-v2\"}");
        assertOk(grant(pair, true), 200);
        settings(pair.business(), "{\"policy\":\"whatsapp-v1\"}");
        Instant now = advance(Duration.ofHours(1));

        JsonNode status = callPermission(pair).json();
        assertThat(status.get("permission").get("status").asText()).isEqualTo("permanent");
        assertThat(status.get("actions").get(0).get("can_perform_action").asBoolean()).isFalse();
        assertThat(status.get("ledger").get("requestBlockedBy").get("code").asText())
                .isEqualTo("PERMANENT_PERMISSION_EXISTS");

        assertRefusal(sendRequest(pair, "wamid.v1"), 409, "PERMANENT_PERMISSION_EXISTS", "R-REQUEST-WHILE-PERMANENT",
                138017, null, now);
        assertThat(events(pair, PermissionRequestRefused.class)).singleElement()
                .satisfies(e -> assertThat(e.policy()).isEqualTo("whatsapp-v1"));
    }

    @Test
    void changingAPermanentAcceptanceToTemporaryLeavesATemporaryPermissionFor168hFromThatReply() {
        Pair pair = newPair();
        settings(pair.business(), "{\"policy\":\"whatsapp-v2\"}");
        assertOk(sendRequest(pair, "wamid.lw"), 201);
        assertThat(assertOk(reply(pair, "wamid.lw", "ACCEPT", true), 200).get("ledger").get("permissionKind").asText())
                .isEqualTo("PERMANENT");
        advance(Duration.ofHours(2));

        JsonNode changed = assertOk(reply(pair, "wamid.lw", "ACCEPT", false), 200);

        Instant repliedAt = events(pair, PermissionGranted.class).get(1).occurredAt();
        assertThat(changed.get("permanent").asBoolean()).isFalse();
        assertThat(changed.get("ledger").get("permissionKind").asText()).isEqualTo("TEMPORARY");
        assertThat(instant(changed.get("ledger").get("expiresAt"))).isEqualTo(repliedAt.plus(TEMPORARY_VALIDITY));
        assertThat(events(pair, PermissionGranted.class)).extracting(PermissionGranted::kind)
                .containsExactly(PermissionKind.PERMANENT, PermissionKind.TEMPORARY);
        JsonNode status = callPermission(pair).json();
        assertThat(status.get("permission").get("status").asText()).isEqualTo("temporary");
        assertThat(status.get("permission").get("expiration_time").asLong())
                .isEqualTo(repliedAt.plus(TEMPORARY_VALIDITY).getEpochSecond());

        advance(TEMPORARY_VALIDITY);
        assertThat(callPermission(pair).json().get("permission").get("status").asText()).isEqualTo("no_permission");
    }
}
