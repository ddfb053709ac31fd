package com.callpermissionledger.dashboard;

import com.callpermissionledger.policy.CallOutcome;
import com.callpermissionledger.policy.Channel;
import com.callpermissionledger.policy.GrantSource;
import com.callpermissionledger.policy.LedgerState;
import com.callpermissionledger.policy.PairId;
import com.callpermissionledger.policy.PermissionKind;
import com.callpermissionledger.policy.RefusalCode;
import com.callpermissionledger.policy.RequestExpiryReason;
import com.callpermissionledger.policy.event.CallOutcomeRecorded;
import com.callpermissionledger.policy.event.CallPlaced;
import com.callpermissionledger.policy.event.CallRefused;
import com.callpermissionledger.policy.event.PairEvent;
import com.callpermissionledger.policy.event.PermissionGranted;
import com.callpermissionledger.policy.event.PermissionRequestDelivered;
import com.callpermissionledger.policy.event.PermissionRequestExpired;
import com.callpermissionledger.policy.event.PermissionRequestRefused;
import com.callpermissionledger.policy.event.PermissionRequested;
import com.callpermissionledger.time.SimulatedClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Given events, the dashboard rows. Events are handed to the projector directly (they are not in the
 * event store, so the running processor never sees them), then read back through the queries.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:projection;DB_CLOSE_DELAY=-1")
@ActiveProfiles({"test", "simulation"})
class DashboardProjectionTest {

    @Autowired
    DashboardProjector projector;
    @Autowired
    DashboardQueries pairs;
    @Autowired
    ActivityQueries activity;
    @Autowired
    SimulatedClock clock;
    @Autowired
    TransactionTemplate tx;

    private void given(PairEvent... events) {
        tx.executeWithoutResult(status -> Batch.of(events).foldInto(projector, 0));
    }

    @Test
    void grantAndCallsGiveAGrantedRowWithCallsCountedInTheWindow() {
        Instant t = clock.instant();
        PairId pair = new PairId("7001", "491700000001");
        given(new PermissionGranted(pair, t, GrantSource.BUSINESS_PROFILE, PermissionKind.TEMPORARY,
                        t.plus(Duration.ofDays(7)), null, "whatsapp-v1", "R-PROFILE-GRANT"),
                new CallPlaced(pair, t, "wacid.1", "whatsapp-v1"),
                new CallOutcomeRecorded(pair, t, "wacid.1", CallOutcome.CONNECTED, 0),
                new CallPlaced(pair, t, "wacid.2", "whatsapp-v1"),
                new CallRefused(pair, t, "wacid.3", RefusalCode.CALL_LIMIT_24H, "R-CALL-CAP", t.plusSeconds(60),
                        List.of(t), "whatsapp-v1"));

        PairItem item = pairs.pair(pair).orElseThrow();
        assertThat(item.state()).isEqualTo(LedgerState.GRANTED);
        assertThat(item.grantSource()).isEqualTo(GrantSource.BUSINESS_PROFILE);
        assertThat(item.expiresAt()).isEqualTo(t.plus(Duration.ofDays(7)));
        assertThat(item.connectedCalls24h()).as("one connected, one in flight").isEqualTo(2);
        assertThat(item.canCall()).isTrue();

        var calls = activity.calls("7001", "491700000001", null, 0, 10).items();
        assertThat(calls).extracting(CallItem::callId).containsExactly("wacid.3", "wacid.2", "wacid.1");
        assertThat(calls.get(0).refused()).isTrue();
        assertThat(calls.get(0).rule()).isEqualTo("R-CALL-CAP");
        assertThat(calls.get(1).outcome()).as("in flight").isNull();
        assertThat(calls.get(2).outcome()).isEqualTo("CONNECTED");
        assertThat(activity.calls("7001", null, "IN_FLIGHT", 0, 10).total()).isEqualTo(1);
    }

    @Test
    void expiredRequestCarriesTheMarkerAndReason() {
        Instant t = clock.instant().minus(Duration.ofDays(8));
        PairId pair = new PairId("7002", "491700000002");
        given(new PermissionRequested(pair, t, "wamid.old", Channel.TEMPLATE, t.plus(Duration.ofDays(7)), "whatsapp-v1"),
                new PermissionRequestDelivered(pair, t, "wamid.old", t.plus(Duration.ofDays(7)), false),
                new PermissionRequestExpired(pair, t.plus(Duration.ofDays(7)), "wamid.old",
                        RequestExpiryReason.NO_RESPONSE, "R-REQUEST-EXPIRY"));

        RequestItem request = activity.requests("7002", null, "EXPIRED", 0, 10).items().get(0);
        assertThat(request.requestId()).isEqualTo("wamid.old");
        assertThat(request.expired()).isTrue();
        assertThat(request.expiredAt()).isEqualTo(t.plus(Duration.ofDays(7)));
        assertThat(request.expiryReason()).isEqualTo("NO_RESPONSE");
        assertThat(pairs.pair(pair).orElseThrow().expiredRequests()).isEqualTo(1);
        assertThat(TimelineText.of(new PermissionRequestExpired(pair, t.plus(Duration.ofDays(7)), "wamid.old",
                RequestExpiryReason.NO_RESPONSE, "R-REQUEST-EXPIRY")))
                .isEqualTo("Request wamid.old expired: no response within 7 days.");
    }

    @Test
    void timeAloneTurnsAGrantIntoExpiredBeforeAnyExpiryEvent() {
        Instant t = clock.instant();
        PairId pair = new PairId("7003", "491700000003");
        given(new PermissionGranted(pair, t, GrantSource.REQUEST, PermissionKind.TEMPORARY, t.plusSeconds(60),
                "wamid.x", "whatsapp-v1", "R-REPLY-ACCEPT"));
        assertThat(pairs.pairs(new PairFilter("7003", null, LedgerState.GRANTED, null, null), 0, 10).total()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(60));

        assertThat(pairs.pairs(new PairFilter("7003", null, LedgerState.GRANTED, null, null), 0, 10).total()).isZero();
        PairItem item = pairs.pairs(new PairFilter("7003", null, LedgerState.EXPIRED, null, null), 0, 10).items().get(0);
        assertThat(item.canCall()).as("never callable when the rules say no").isFalse();
        assertThat(item.callBlockedBy()).isEqualTo("R-PERMISSION-REQUIRED");
    }

    @Test
    void expiringWithinSelectsOnlyGrantsEndingInsideTheHorizon() {
        Instant t = clock.instant();
        PairId soon = new PairId("7004", "491700000004");
        PairId later = new PairId("7004", "491700000005");
        given(new PermissionGranted(soon, t, GrantSource.REQUEST, PermissionKind.TEMPORARY, t.plus(Duration.ofHours(5)),
                "wamid.a", "whatsapp-v1", "R-REPLY-ACCEPT"));
        given(new PermissionGranted(later, t, GrantSource.REQUEST, PermissionKind.TEMPORARY, t.plus(Duration.ofDays(3)),
                "wamid.b", "whatsapp-v1", "R-REPLY-ACCEPT"));

        var page = pairs.pairs(new PairFilter("7004", null, null, Duration.ofDays(1), null), 0, 10);
        assertThat(page.items()).extracting(PairItem::user).containsExactly("491700000004");
        assertThat(activity.summary("7004").get(0).expiringWithin24h()).isEqualTo(1);
    }

    @Test
    void refusedRequestsOfTheCurrentDayAreCountedInTheSummary() {
        Instant t = clock.instant();
        PairId pair = new PairId("7005", "491700000005");
        given(new PermissionRequestRefused(pair, t.minus(Duration.ofDays(2)), "wamid.r0", Channel.TEMPLATE,
                        RefusalCode.REQUEST_LIMIT_24H, "R-REQUEST-24H", t, List.of(), "whatsapp-v1"),
                new PermissionRequestRefused(pair, t, "wamid.r1", Channel.TEMPLATE, RefusalCode.REQUEST_LIMIT_24H,
                        "R-REQUEST-24H", t.plus(Duration.ofDays(1)), List.of(), "whatsapp-v1"));

        assertThat(activity.summary("7005").get(0).requestsRefusedToday()).as("not the one two days ago").isEqualTo(1);
    }
}
