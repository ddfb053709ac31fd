package com.callpermissionledger.pair;

import com.callpermissionledger.policy.CallOutcome;
import com.callpermissionledger.policy.Channel;
import com.callpermissionledger.policy.GrantSource;
import com.callpermissionledger.policy.LedgerState;
import com.callpermissionledger.policy.PermissionKind;
import com.callpermissionledger.policy.PolicyCatalog;
import com.callpermissionledger.policy.RefusalCode;
import com.callpermissionledger.policy.RequestExpiryReason;
import com.callpermissionledger.policy.RuleId;
import com.callpermissionledger.policy.command.SendPermissionRequest;
import com.callpermissionledger.policy.event.CallOutcomeRecorded;
import com.callpermissionledger.policy.event.PermissionGranted;
import com.callpermissionledger.policy.event.PermissionRequestDelivered;
import com.callpermissionledger.policy.event.PermissionRequestExpired;
import com.callpermissionledger.policy.event.PermissionRequestRefused;
import com.callpermissionledger.policy.event.PermissionRequested;
import com.callpermissionledger.policy.event.RequestLimitsReset;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.callpermissionledger.pair.OutcomeMatcher.outcome;
import static org.assertj.core.api.Assertions.assertThat;

/** Permission requests: R-REQUEST-24H, R-REQUEST-7D, R-REQUEST-RESET, R-REQUEST-WHILE-PERMANENT. */
class PairAggregateRequestRulesTest extends PairAggregateTestSupport {

    private static PermissionRequested requestedNow(String requestId, Channel channel, String policy) {
        return new PermissionRequested(PAIR, NOW, requestId, channel, NOW.plus(WEEK), policy);
    }

    // ---- R-REQUEST-24H --------------------------------------------------------------------------------

    @Test
    void rRequest24h_theFirstRequestIsRecordedAndOpenForSevenDays() {
        PermissionRequested requested = requestedNow("wamid.r1", Channel.FREE_FORM, V1);

        fixture.givenNoPriorActivity()
                .when(new SendPermissionRequest(PAIR, "wamid.r1", Channel.FREE_FORM))
                .expectEvents(requested)
                .expectResultMessagePayloadMatching(recorded(requested))
                .expectResultMessagePayloadMatching(outcome(o -> {
                    assertThat(o.state().ledgerStateAt(NOW)).isEqualTo(LedgerState.REQUESTED);
                    assertThat(o.state().countedRequests()).containsExactly(NOW);
                }));
    }

    @Test
    void rRequest24h_secondRequestWithinDayIsRefusedAndRecorded_freeFormAndTemplateCountTogether() {
        Instant first = ago(Duration.ofHours(3));
        PermissionRequestRefused refusal = new PermissionRequestRefused(PAIR, NOW, "wamid.r2", Channel.TEMPLATE,
                RefusalCode.REQUEST_LIMIT_24H, "R-REQUEST-24H", first.plus(DAY), List.of(first), V1);

        fixture.given(requested("wamid.r1", first))
                .when(new SendPermissionRequest(PAIR, "wamid.r2", Channel.TEMPLATE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(refusal)
                .expectResultMessagePayloadMatching(refused(RefusalCode.REQUEST_LIMIT_24H, RuleId.REQUEST_24H,
                        NOW.plus(Duration.ofHours(21)), List.of(first), refusal))
                .expectResultMessagePayloadMatching(outcome(o -> {
                    assertThat(o.state().requests()).containsOnlyKeys("wamid.r1");
                    assertThat(o.state().countedRequests()).containsExactly(first);
                }));
    }

    @Test
    void rRequest24h_aRequestLeavesTheWindowExactly24hAfterItWasSent() {
        PermissionRequested requested = requestedNow("wamid.r2", Channel.TEMPLATE, V1);

        fixture.given(requested("wamid.r1", ago(DAY)))
                .when(new SendPermissionRequest(PAIR, "wamid.r2", Channel.TEMPLATE))
                .expectEvents(requested)
                .expectResultMessagePayloadMatching(recorded(requested));
    }

    @Test
    void rRequest24h_oneMillisecondEarlierTheRequestIsStillRefused() {
        Instant first = ago(DAY).plusMillis(1);
        PermissionRequestRefused refusal = new PermissionRequestRefused(PAIR, NOW, "wamid.r2", Channel.FREE_FORM,
                RefusalCode.REQUEST_LIMIT_24H, "R-REQUEST-24H", NOW.plusMillis(1), List.of(first), V1);

        fixture.given(requested("wamid.r1", first))
                .when(new SendPermissionRequest(PAIR, "wamid.r2", Channel.FREE_FORM))
                .expectEvents(refusal)
                .expectResultMessagePayloadMatching(refused(RefusalCode.REQUEST_LIMIT_24H, RuleId.REQUEST_24H,
                        NOW.plusMillis(1), List.of(first), refusal));
    }

    @Test
    void rRequest24h_refusedAttemptsDoNotCountTowardTheWindows() {
        Instant first = ago(Duration.ofHours(30));
        PermissionRequested requested = requestedNow("wamid.r3", Channel.FREE_FORM, V1);

        fixture.given(requested("wamid.r1", first),
                        new PermissionRequestRefused(PAIR, ago(Duration.ofHours(20)), "wamid.r2", Channel.FREE_FORM,
                                RefusalCode.REQUEST_LIMIT_24H, "R-REQUEST-24H", first.plus(DAY), List.of(first), V1))
                .when(new SendPermissionRequest(PAIR, "wamid.r3", Channel.FREE_FORM))
                .expectEvents(requested)
                .expectResultMessagePayloadMatching(outcome(o ->
                        assertThat(o.state().countedRequests()).containsExactly(first, NOW)));
    }

    @Test
    void rRequest24h_aRequestLearnedFromADeliveryCountsFromWhenTheLedgerLearnedOfIt() {
        Instant learnedAt = ago(Duration.ofHours(2));
        PermissionRequestRefused refusal = new PermissionRequestRefused(PAIR, NOW, "wamid.r1", Channel.FREE_FORM,
                RefusalCode.REQUEST_LIMIT_24H, "R-REQUEST-24H", learnedAt.plus(DAY), List.of(learnedAt), V1);

        fixture.given(new PermissionRequestDelivered(PAIR, learnedAt, "wamid.elsewhere", learnedAt.plus(WEEK), true))
                .when(new SendPermissionRequest(PAIR, "wamid.r1", Channel.FREE_FORM))
                .expectEvents(refusal)
                .expectResultMessagePayloadMatching(refused(RefusalCode.REQUEST_LIMIT_24H, RuleId.REQUEST_24H,
                        learnedAt.plus(DAY), List.of(learnedAt), refusal));
    }

    // ---- R-REQUEST-7D ---------------------------------------------------------------------------------

    @Test
    void rRequest7d_thirdRequestWithinSevenDaysIsRefusedAndRecorded() {
        Instant first = ago(Duration.ofDays(5));
        Instant second = ago(Duration.ofDays(2));
        PermissionRequestRefused refusal = new PermissionRequestRefused(PAIR, NOW, "wamid.r3", Channel.FREE_FORM,
                RefusalCode.REQUEST_LIMIT_7D, "R-REQUEST-7D", NOW.plus(Duration.ofDays(2)), List.of(first, second), V1);

        fixture.given(requested("wamid.r1", first), requested("wamid.r2", second))
                .when(new SendPermissionRequest(PAIR, "wamid.r3", Channel.FREE_FORM))
                .expectEvents(refusal)
                .expectResultMessagePayloadMatching(refused(RefusalCode.REQUEST_LIMIT_7D, RuleId.REQUEST_7D,
                        first.plus(WEEK), List.of(first, second), refusal));
    }

    @Test
    void rRequest7d_aRequestLeavesTheSevenDayWindowExactlySevenDaysAfterItWasSent() {
        // the first request's own no-response expiry falls due at the same instant and is recorded first
        Instant first = ago(WEEK);
        Instant second = ago(Duration.ofDays(2));
        PermissionRequestExpired expired = new PermissionRequestExpired(PAIR, NOW, "wamid.r1",
                RequestExpiryReason.NO_RESPONSE, "R-REQUEST-EXPIRY");
        PermissionRequested requested = requestedNow("wamid.r3", Channel.FREE_FORM, V1);

        fixture.given(requested("wamid.r1", first), requested("wamid.r2", second))
                .when(new SendPermissionRequest(PAIR, "wamid.r3", Channel.FREE_FORM))
                .expectEvents(expired, requested)
                .expectResultMessagePayloadMatching(recorded(expired, requested));
    }

    @Test
    void rRequest7d_whenBothWindowsAreFullTheLaterRetryIsGiven_dayWindowLater() {
        Instant first = ago(Duration.ofDays(7).minusHours(1));   // leaves the 7-day window in 1 h
        Instant second = ago(Duration.ofHours(1));                // leaves the 24-h window in 23 h
        PermissionRequestRefused refusal = new PermissionRequestRefused(PAIR, NOW, "wamid.r3", Channel.FREE_FORM,
                RefusalCode.REQUEST_LIMIT_24H, "R-REQUEST-24H", NOW.plus(Duration.ofHours(23)), List.of(second), V1);

        fixture.given(requested("wamid.r1", first), requested("wamid.r2", second))
                .when(new SendPermissionRequest(PAIR, "wamid.r3", Channel.FREE_FORM))
                .expectEvents(refusal)
                .expectResultMessagePayloadMatching(refused(RefusalCode.REQUEST_LIMIT_24H, RuleId.REQUEST_24H,
                        NOW.plus(Duration.ofHours(23)), List.of(second), refusal));
    }

    @Test
    void rRequest7d_whenBothWindowsAreFullTheLaterRetryIsGiven_weekWindowLater() {
        Instant first = ago(Duration.ofDays(6));    // leaves the 7-day window in 24 h
        Instant second = ago(Duration.ofHours(12)); // leaves the 24-h window in 12 h
        PermissionRequestRefused refusal = new PermissionRequestRefused(PAIR, NOW, "wamid.r3", Channel.FREE_FORM,
                RefusalCode.REQUEST_LIMIT_7D, "R-REQUEST-7D", NOW.plus(DAY), List.of(first, second), V1);

        fixture.given(requested("wamid.r1", first), requested("wamid.r2", second))
                .when(new SendPermissionRequest(PAIR, "wamid.r3", Channel.FREE_FORM))
                .expectEvents(refusal)
                .expectResultMessagePayloadMatching(refused(RefusalCode.REQUEST_LIMIT_7D, RuleId.REQUEST_7D,
                        NOW.plus(DAY), List.of(first, second), refusal));
    }

    // ---- R-REQUEST-RESET (request side) ---------------------------------------------------------------

    @Test
    void rRequestReset_requestsBeforeAConnectedCallNoLongerCount() {
        PermissionRequested requested = requestedNow("wamid.r3", Channel.TEMPLATE, V1);

        fixture.given(requested("wamid.r1", ago(Duration.ofDays(3))),
                        requested("wamid.r2", ago(Duration.ofHours(5))),
                        profileGrant(ago(Duration.ofHours(4))),
                        placed("wacid.c1", ago(Duration.ofHours(3))),
                        new CallOutcomeRecorded(PAIR, ago(Duration.ofHours(2)), "wacid.c1", CallOutcome.CONNECTED, 0),
                        new RequestLimitsReset(PAIR, ago(Duration.ofHours(2)), "wacid.c1", "R-REQUEST-RESET"))
                .when(new SendPermissionRequest(PAIR, "wamid.r3", Channel.TEMPLATE))
                .expectEvents(requested)
                .expectResultMessagePayloadMatching(recorded(requested))
                .expectResultMessagePayloadMatching(outcome(o ->
                        assertThat(o.state().countedRequests()).containsExactly(NOW)));
    }

    // ---- R-REQUEST-WHILE-PERMANENT --------------------------------------------------------------------

    @Test
    void rRequestWhilePermanent_v2RefusesARequestWhileAPermanentPermissionIsHeld() {
        terms.policy(PolicyCatalog.WHATSAPP_V2);
        Instant grantedAt = ago(Duration.ofDays(1));
        PermissionRequestRefused refusal = new PermissionRequestRefused(PAIR, NOW, "wamid.r1", Channel.TEMPLATE,
                RefusalCode.PERMANENT_PERMISSION_EXISTS, "R-REQUEST-WHILE-PERMANENT", null, List.of(grantedAt), V2);

        fixture.given(permanentProfileGrant(grantedAt))
                .when(new SendPermissionRequest(PAIR, "wamid.r1", Channel.TEMPLATE))
                .expectEvents(refusal)
                .expectResultMessagePayloadMatching(refused(RefusalCode.PERMANENT_PERMISSION_EXISTS,
                        RuleId.REQUEST_WHILE_PERMANENT, null, List.of(grantedAt), refusal));
    }

    @Test
    void rRequestWhilePermanent_isCheckedBeforeTheRequestWindows() {
        terms.policy(PolicyCatalog.WHATSAPP_V2);
        Instant sentAt = ago(Duration.ofHours(3));
        Instant grantedAt = ago(Duration.ofHours(2));
        PermissionRequestRefused refusal = new PermissionRequestRefused(PAIR, NOW, "wamid.r2", Channel.FREE_FORM,
                RefusalCode.PERMANENT_PERMISSION_EXISTS, "R-REQUEST-WHILE-PERMANENT", null, List.of(grantedAt), V2);

        fixture.given(new PermissionRequested(PAIR, sentAt, "wamid.r1", Channel.FREE_FORM, sentAt.plus(WEEK), V2),
                        permanentProfileGrant(grantedAt))
                .when(new SendPermissionRequest(PAIR, "wamid.r2", Channel.FREE_FORM))
                .expectEvents(refusal);
    }

    @Test
    void rRequestWhilePermanent_v2AllowsARequestWhileOnlyATemporaryPermissionIsHeld() {
        terms.policy(PolicyCatalog.WHATSAPP_V2);
        Instant grantedAt = ago(Duration.ofDays(6));
        PermissionRequested requested = requestedNow("wamid.r1", Channel.TEMPLATE, V2);

        fixture.given(new PermissionGranted(PAIR, grantedAt, GrantSource.REQUEST, PermissionKind.TEMPORARY,
                        grantedAt.plus(HOURS_168), "wamid.r0", V2, "R-REPLY-ACCEPT"))
                .when(new SendPermissionRequest(PAIR, "wamid.r1", Channel.TEMPLATE))
                .expectEvents(requested)
                .expectResultMessagePayloadMatching(recorded(requested));
    }

    @Test
    void rRequestWhilePermanent_v1StillRefusesWhileAPermanentPermissionFromV2IsHeld() {
        terms.policy(PolicyCatalog.WHATSAPP_V1);
        Instant grantedAt = ago(Duration.ofDays(1));
        PermissionRequestRefused refusal = new PermissionRequestRefused(PAIR, NOW, "wamid.r1", Channel.TEMPLATE,
                RefusalCode.PERMANENT_PERMISSION_EXISTS, "R-REQUEST-WHILE-PERMANENT", null, List.of(grantedAt), V1);

        fixture.given(permanentProfileGrant(grantedAt))
                .when(new SendPermissionRequest(PAIR, "wamid.r1", Channel.TEMPLATE))
                .expectEvents(refusal)
                .expectResultMessagePayloadMatching(refused(RefusalCode.PERMANENT_PERMISSION_EXISTS,
                        RuleId.REQUEST_WHILE_PERMANENT, null, List.of(grantedAt), refusal));
    }
}
