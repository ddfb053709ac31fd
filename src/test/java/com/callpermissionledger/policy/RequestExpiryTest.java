package com.callpermissionledger.policy;

import com.callpermissionledger.policy.event.PermissionGranted;
import com.callpermissionledger.policy.event.PermissionReplyRecorded;
import com.callpermissionledger.policy.event.PermissionReplyRefused;
import com.callpermissionledger.policy.event.PermissionRequestDelivered;
import com.callpermissionledger.policy.event.PermissionRequestExpired;
import com.callpermissionledger.policy.state.RequestRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.callpermissionledger.policy.Ledger.DAY;
import static com.callpermissionledger.policy.Ledger.HOUR;
import static com.callpermissionledger.policy.Ledger.MS;
import static com.callpermissionledger.policy.Ledger.PAIR;
import static com.callpermissionledger.policy.Ledger.T0;
import static com.callpermissionledger.policy.Ledger.V1;
import static com.callpermissionledger.policy.Ledger.WEEK;
import static com.callpermissionledger.policy.Ledger.recorded;
import static com.callpermissionledger.policy.Ledger.refused;
import static org.assertj.core.api.Assertions.assertThat;

/** R-REQUEST-EXPIRY: 7 d after delivery without reply (after sending if never delivered), 7 d after the first reply, or superseded. */
class RequestExpiryTest {

    private static final String RULE = "R-REQUEST-EXPIRY";

    @Test
    void aRequestNeverReportedDeliveredExpiresSevenDaysAfterSending() {
        Ledger ledger = Ledger.v1();
        ledger.send("wamid.A1");

        assertThat(ledger.at(T0.plus(WEEK).minus(MS)).expireDue()).isInstanceOf(Decision.Unchanged.class);
        Decision decision = ledger.at(T0.plus(WEEK)).expireDue();

        assertThat(recorded(decision).events()).containsExactly(new PermissionRequestExpired(PAIR, T0.plus(WEEK),
                "wamid.A1", RequestExpiryReason.NO_RESPONSE, RULE));
        RequestRecord request = ledger.state.requests().get("wamid.A1");
        assertThat(request.expiredAt()).isEqualTo(T0.plus(WEEK));
        assertThat(request.expiryReason()).isEqualTo(RequestExpiryReason.NO_RESPONSE);
    }

    @Test
    void aDeliveryRestartsTheNoResponseClockAtTheDeliveryInstant() {
        Ledger ledger = Ledger.v1();
        ledger.send("wamid.A1");
        Instant deliveredAt = T0.plus(Duration.ofHours(2));

        Decision delivery = ledger.at(deliveredAt).deliver("wamid.A1");

        assertThat(recorded(delivery).events()).containsExactly(
                new PermissionRequestDelivered(PAIR, deliveredAt, "wamid.A1", deliveredAt.plus(WEEK), false));
        assertThat(ledger.at(T0.plus(WEEK)).expireDue()).isInstanceOf(Decision.Unchanged.class);
        assertThat(ledger.at(deliveredAt.plus(WEEK)).expireDue().events()).containsExactly(
                new PermissionRequestExpired(PAIR, deliveredAt.plus(WEEK), "wamid.A1",
                        RequestExpiryReason.NO_RESPONSE, RULE));
    }

    @Test
    void aReplyOneMillisecondBeforeTheNoResponseExpiryGrants() {
        Ledger ledger = Ledger.v1();
        ledger.send("wamid.A1");
        ledger.deliver("wamid.A1");

        Decision decision = ledger.at(T0.plus(WEEK).minus(MS)).accept("wamid.A1");

        assertThat(recorded(decision).events()).hasAtLeastOneElementOfType(PermissionGranted.class);
    }

    @Test
    void aReplyExactlySevenDaysAfterDeliveryIsRefusedAndGrantsNothing() {
        Ledger ledger = Ledger.v1();
        ledger.send("wamid.A1");
        ledger.after(HOUR).deliver("wamid.A1");
        Instant expiry = T0.plus(HOUR).plus(WEEK);

        Decision.Refused decision = refused(ledger.at(expiry).accept("wamid.A1"));

        assertThat(decision.events()).containsExactly(
                new PermissionRequestExpired(PAIR, expiry, "wamid.A1", RequestExpiryReason.NO_RESPONSE, RULE),
                new PermissionReplyRefused(PAIR, expiry, "wamid.A1", ReplyResponse.ACCEPT, false, expiry, RULE));
        assertThat(decision.refusal().code()).isEqualTo(RefusalCode.REQUEST_EXPIRED);
        assertThat(decision.refusal().rule()).isEqualTo(RuleId.REQUEST_EXPIRY);
        assertThat(decision.refusal().retryAt()).isNull();
        assertThat(decision.refusal().evidence()).containsExactly(expiry);
        assertThat(decision.refusal().detail()).contains("NO_RESPONSE");
        assertThat(RefusalCode.REQUEST_EXPIRED.platformCode()).isNull();
        assertThat(ledger.state.permission()).isNull();
        assertThat(refused(ledger.place("wacid.1")).refusal().code()).isEqualTo(RefusalCode.NO_PERMISSION);
    }

    @Test
    void theFirstReplyFixesTheExpiryAndChangingOnesMindDoesNotExtendIt() {
        Ledger ledger = Ledger.v1();
        ledger.send("wamid.A1");
        ledger.deliver("wamid.A1");
        Instant firstReply = T0.plus(DAY);

        Decision decline = ledger.at(firstReply).decline("wamid.A1");
        assertThat(recorded(decline).events()).containsExactly(new PermissionReplyRecorded(PAIR, firstReply,
                "wamid.A1", ReplyResponse.REJECT, false, firstReply.plus(WEEK), false));

        Instant change = T0.plus(Duration.ofDays(3));
        Decision accept = ledger.at(change).accept("wamid.A1");
        assertThat(recorded(accept).events()).containsExactly(
                new PermissionReplyRecorded(PAIR, change, "wamid.A1", ReplyResponse.ACCEPT, false,
                        firstReply.plus(WEEK), false),
                new PermissionGranted(PAIR, change, GrantSource.REQUEST, PermissionKind.TEMPORARY, change.plus(WEEK),
                        "wamid.A1", V1, "R-REPLY-ACCEPT"));
        assertThat(ledger.state.requests().get("wamid.A1").repliedAt()).isEqualTo(firstReply);

        Decision.Refused late = refused(ledger.at(firstReply.plus(WEEK)).decline("wamid.A1"));
        assertThat(late.events()).containsExactly(
                new PermissionRequestExpired(PAIR, firstReply.plus(WEEK), "wamid.A1",
                        RequestExpiryReason.AFTER_REPLY, RULE),
                new PermissionReplyRefused(PAIR, firstReply.plus(WEEK), "wamid.A1", ReplyResponse.REJECT, false,
                        firstReply.plus(WEEK), RULE));
        assertThat(ledger.status().canCall()).as("a refused decline ends nothing").isTrue();
    }

    @Test
    void aDeliveryReportedAfterTheReplyDoesNotExtendTheRequest() {
        Ledger ledger = Ledger.v1();
        ledger.send("wamid.A1");
        ledger.after(HOUR).accept("wamid.A1");

        Decision delivery = ledger.after(HOUR).deliver("wamid.A1");

        assertThat(recorded(delivery).events()).containsExactly(new PermissionRequestDelivered(PAIR,
                T0.plus(HOUR.multipliedBy(2)), "wamid.A1", T0.plus(HOUR).plus(WEEK), false));
        assertThat(ledger.at(T0.plus(HOUR).plus(WEEK)).expireDue().events()).startsWith(
                new PermissionRequestExpired(PAIR, T0.plus(HOUR).plus(WEEK), "wamid.A1",
                        RequestExpiryReason.AFTER_REPLY, RULE));
    }

    @Test
    void aDeliveryReportedAfterTheRequestExpiredRecordsTheDeliveryButKeepsItExpired() {
        Ledger ledger = Ledger.v1();
        ledger.send("wamid.A1");

        Decision delivery = ledger.at(T0.plus(Duration.ofDays(8))).deliver("wamid.A1");

        assertThat(recorded(delivery).events()).containsExactly(
                new PermissionRequestExpired(PAIR, T0.plus(WEEK), "wamid.A1", RequestExpiryReason.NO_RESPONSE, RULE),
                new PermissionRequestDelivered(PAIR, T0.plus(Duration.ofDays(8)), "wamid.A1", T0.plus(WEEK), false));
        assertThat(refused(ledger.accept("wamid.A1")).refusal().code()).isEqualTo(RefusalCode.REQUEST_EXPIRED);
    }

    @Test
    void replyingToANewerRequestSupersedesTheOlderOpenOne() {
        Ledger ledger = Ledger.v1();
        ledger.send("wamid.A1");
        ledger.deliver("wamid.A1");
        ledger.at(T0.plus(DAY)).send("wamid.A2");
        ledger.deliver("wamid.A2");
        Instant replied = T0.plus(DAY).plus(HOUR);

        Decision decision = ledger.at(replied).accept("wamid.A2");

        assertThat(recorded(decision).events()).containsExactly(
                new PermissionReplyRecorded(PAIR, replied, "wamid.A2", ReplyResponse.ACCEPT, false,
                        replied.plus(WEEK), false),
                new PermissionRequestExpired(PAIR, replied, "wamid.A1", RequestExpiryReason.SUPERSEDED, RULE),
                new PermissionGranted(PAIR, replied, GrantSource.REQUEST, PermissionKind.TEMPORARY,
                        replied.plus(WEEK), "wamid.A2", V1, "R-REPLY-ACCEPT"));

        Decision.Refused late = refused(ledger.after(HOUR).decline("wamid.A1"));
        assertThat(late.events()).containsExactly(new PermissionReplyRefused(PAIR, ledger.now, "wamid.A1",
                ReplyResponse.REJECT, false, replied, RULE));
        assertThat(late.refusal().detail()).contains("SUPERSEDED");
        assertThat(ledger.status().canCall()).isTrue();
    }

    @Test
    void replyingToTheOlderRequestLeavesTheNewerOneOpen() {
        Ledger ledger = Ledger.v1();
        ledger.send("wamid.A1");
        ledger.at(T0.plus(DAY)).send("wamid.A2");

        Decision decision = ledger.after(HOUR).decline("wamid.A1");

        assertThat(decision.events()).noneMatch(PermissionRequestExpired.class::isInstance);
        assertThat(ledger.state.requests().get("wamid.A2").expired()).isFalse();
        assertThat(recorded(ledger.after(HOUR).accept("wamid.A2")).events()).contains(
                new PermissionRequestExpired(PAIR, ledger.now, "wamid.A1", RequestExpiryReason.SUPERSEDED, RULE));
    }

    @Test
    void aReplyToARequestTheLedgerNeverSawIsRecordedAsLearnedAndSupersedesKnownOpenRequests() {
        Ledger ledger = Ledger.v1();
        ledger.send("wamid.A1");
        Instant replied = T0.plus(HOUR);

        Decision decision = ledger.at(replied).accept("wamid.X9");

        assertThat(recorded(decision).events()).containsExactly(
                new PermissionReplyRecorded(PAIR, replied, "wamid.X9", ReplyResponse.ACCEPT, false,
                        replied.plus(WEEK), true),
                new PermissionRequestExpired(PAIR, replied, "wamid.A1", RequestExpiryReason.SUPERSEDED, RULE),
                new PermissionGranted(PAIR, replied, GrantSource.REQUEST, PermissionKind.TEMPORARY,
                        replied.plus(WEEK), "wamid.X9", V1, "R-REPLY-ACCEPT"));
        assertThat(ledger.state.requests().get("wamid.X9").sentThroughLedger()).isFalse();
        assertThat(ledger.status().requests7d().counted()).containsExactly(T0, replied);
    }

    @Test
    void aDeliveryOfARequestTheLedgerNeverSawIsRecordedAsLearnedWithItsExpiry() {
        Ledger ledger = Ledger.v1();

        Decision decision = ledger.deliver("wamid.X1");

        assertThat(recorded(decision).events()).containsExactly(
                new PermissionRequestDelivered(PAIR, T0, "wamid.X1", T0.plus(WEEK), true));
        assertThat(ledger.at(T0.plus(WEEK)).expireDue().events()).containsExactly(
                new PermissionRequestExpired(PAIR, T0.plus(WEEK), "wamid.X1", RequestExpiryReason.NO_RESPONSE, RULE));
    }

    @Test
    void aSecondDeliveryReportIsUnchangedAndDoesNotMoveTheClock() {
        Ledger ledger = Ledger.v1();
        ledger.send("wamid.A1");
        ledger.deliver("wamid.A1");

        Decision again = ledger.at(T0.plus(DAY)).deliver("wamid.A1");

        assertThat(again).isInstanceOf(Decision.Unchanged.class);
        assertThat(ledger.state.requests().get("wamid.A1").expiresAt()).isEqualTo(T0.plus(WEEK));
        assertThat(ledger.eventsOf(PermissionRequestDelivered.class)).hasSize(1);
    }

    @Test
    void eachRequestExpiresOnlyOnceAndExpiriesDueTogetherComeInDueOrder() {
        Ledger ledger = Ledger.v1();
        ledger.send("wamid.A1");
        ledger.at(T0.plus(DAY)).send("wamid.A2");
        ledger.at(T0.plus(Duration.ofDays(2))).deliver("wamid.A1");   // A1 now expires T0 + 9 d, A2 at T0 + 8 d

        Decision decision = ledger.at(T0.plus(Duration.ofDays(30))).expireDue();

        assertThat(recorded(decision).events()).containsExactly(
                new PermissionRequestExpired(PAIR, T0.plus(Duration.ofDays(8)), "wamid.A2",
                        RequestExpiryReason.NO_RESPONSE, RULE),
                new PermissionRequestExpired(PAIR, T0.plus(Duration.ofDays(9)), "wamid.A1",
                        RequestExpiryReason.NO_RESPONSE, RULE));
        assertThat(ledger.after(DAY).expireDue()).isInstanceOf(Decision.Unchanged.class);
        assertThat(ledger.eventsOf(PermissionRequestExpired.class)).extracting(PermissionRequestExpired::requestId)
                .containsExactlyElementsOf(List.of("wamid.A2", "wamid.A1"));
    }
}
