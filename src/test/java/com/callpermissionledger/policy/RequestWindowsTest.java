package com.callpermissionledger.policy;

import com.callpermissionledger.policy.event.PermissionRequestRefused;
import com.callpermissionledger.policy.event.PermissionRequested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static com.callpermissionledger.policy.Ledger.DAY;
import static com.callpermissionledger.policy.Ledger.HOUR;
import static com.callpermissionledger.policy.Ledger.MS;
import static com.callpermissionledger.policy.Ledger.PAIR;
import static com.callpermissionledger.policy.Ledger.T0;
import static com.callpermissionledger.policy.Ledger.V1;
import static com.callpermissionledger.policy.Ledger.V2;
import static com.callpermissionledger.policy.Ledger.WEEK;
import static com.callpermissionledger.policy.Ledger.recorded;
import static com.callpermissionledger.policy.Ledger.refused;
import static org.assertj.core.api.Assertions.assertThat;

/** R-REQUEST-24H and R-REQUEST-7D: 1 request per rolling 24 h and 2 per rolling 7 days, both channels together. */
class RequestWindowsTest {

    @Test
    void aFirstRequestIsRecordedWithItsNoResponseExpirySevenDaysAfterSending() {
        Ledger ledger = Ledger.v1();

        Decision decision = ledger.send("wamid.A1", Channel.TEMPLATE);

        assertThat(recorded(decision).events()).containsExactly(
                new PermissionRequested(PAIR, T0, "wamid.A1", Channel.TEMPLATE, T0.plus(WEEK), V1));
        assertThat(ledger.state.countedRequests()).containsExactly(T0);
    }

    @Test
    void aSecondRequestWithin24HoursIsRefusedWhateverItsChannel() {
        Ledger ledger = Ledger.v1();
        ledger.send("wamid.A1", Channel.TEMPLATE);

        Decision.Refused decision = refused(ledger.after(Duration.ofHours(5)).send("wamid.A2", Channel.FREE_FORM));

        assertThat(decision.events()).containsExactly(new PermissionRequestRefused(PAIR, T0.plus(Duration.ofHours(5)),
                "wamid.A2", Channel.FREE_FORM, RefusalCode.REQUEST_LIMIT_24H, "R-REQUEST-24H", T0.plus(DAY),
                List.of(T0), V1));
        assertThat(decision.refusal().rule()).isEqualTo(RuleId.REQUEST_24H);
        assertThat(decision.refusal().retryAt()).isEqualTo(T0.plus(DAY));
        assertThat(decision.refusal().evidence()).containsExactly(T0);
        assertThat(decision.refusal().detail()).contains("R-REQUEST-24H").contains("1 of 1");
        assertThat(RefusalCode.REQUEST_LIMIT_24H.platformCode()).isEqualTo(138009);
        assertThat(ledger.state.countedRequests()).as("a refused request is not counted").containsExactly(T0);
    }

    @Test
    void theNextRequestIsRefusedOneMillisecondBefore24HoursAndRecordedExactlyAt24Hours() {
        Ledger ledger = Ledger.v1();
        ledger.send("wamid.A1");

        assertThat(refused(ledger.at(T0.plus(DAY).minus(MS)).send("wamid.A2")).refusal().code())
                .isEqualTo(RefusalCode.REQUEST_LIMIT_24H);

        assertThat(recorded(ledger.at(T0.plus(DAY)).send("wamid.A2")).events()).containsExactly(
                new PermissionRequested(PAIR, T0.plus(DAY), "wamid.A2", Channel.TEMPLATE, T0.plus(DAY).plus(WEEK), V1));
    }

    @Test
    void aThirdRequestWithinSevenDaysIsRefusedUntilTheFirstLeavesTheWeek() {
        Ledger ledger = Ledger.v1();
        ledger.send("wamid.A1");
        ledger.at(T0.plus(DAY)).send("wamid.A2");

        Decision.Refused decision = refused(ledger.at(T0.plus(Duration.ofDays(3))).send("wamid.A3"));

        assertThat(decision.events()).containsExactly(new PermissionRequestRefused(PAIR, T0.plus(Duration.ofDays(3)),
                "wamid.A3", Channel.TEMPLATE, RefusalCode.REQUEST_LIMIT_7D, "R-REQUEST-7D", T0.plus(WEEK),
                List.of(T0, T0.plus(DAY)), V1));
        assertThat(decision.refusal().rule()).isEqualTo(RuleId.REQUEST_7D);
        assertThat(decision.refusal().detail()).contains("2 of 2");
        assertThat(RefusalCode.REQUEST_LIMIT_7D.platformCode()).isEqualTo(138009);

        assertThat(refused(ledger.at(T0.plus(WEEK).minus(MS)).send("wamid.A3")).refusal().retryAt())
                .isEqualTo(T0.plus(WEEK));
        assertThat(ledger.at(T0.plus(WEEK)).send("wamid.A3")).isInstanceOf(Decision.Recorded.class);
    }

    @Test
    void whenBothWindowsAreFullTheWeekRefusalIsGivenIfItFreesLater() {
        Ledger ledger = Ledger.v1();
        ledger.send("wamid.A1");
        ledger.at(T0.plus(DAY)).send("wamid.A2");

        Decision.Refused decision = refused(ledger.after(HOUR).send("wamid.A3"));

        // the day window frees at T0 + 48 h, the week window at T0 + 7 d
        assertThat(decision.refusal().code()).isEqualTo(RefusalCode.REQUEST_LIMIT_7D);
        assertThat(decision.refusal().retryAt()).isEqualTo(T0.plus(WEEK));
        assertThat(decision.refusal().evidence()).containsExactly(T0, T0.plus(DAY));
    }

    @Test
    void whenBothWindowsAreFullTheDayRefusalIsGivenIfItFreesLater() {
        Ledger ledger = Ledger.v1();
        ledger.send("wamid.A1");
        ledger.at(T0.plus(Duration.ofDays(6)).plus(Duration.ofHours(12))).send("wamid.A2");

        Decision.Refused decision = refused(ledger.after(HOUR).send("wamid.A3"));

        // the week window frees at T0 + 7 d, the day window only at T0 + 7 d 12 h
        assertThat(decision.refusal().code()).isEqualTo(RefusalCode.REQUEST_LIMIT_24H);
        assertThat(decision.refusal().retryAt()).isEqualTo(T0.plus(WEEK).plus(Duration.ofHours(12)));
        assertThat(decision.refusal().evidence()).containsExactly(T0.plus(Duration.ofDays(6)).plus(Duration.ofHours(12)));

        Decision.Refused afterWeekFreed = refused(ledger.at(T0.plus(WEEK)).send("wamid.A3"));
        assertThat(afterWeekFreed.refusal().code()).isEqualTo(RefusalCode.REQUEST_LIMIT_24H);
        assertThat(afterWeekFreed.refusal().retryAt()).isEqualTo(T0.plus(WEEK).plus(Duration.ofHours(12)));

        assertThat(ledger.at(T0.plus(WEEK).plus(Duration.ofHours(12))).send("wamid.A3"))
                .isInstanceOf(Decision.Recorded.class);
    }

    @Test
    void theRetryAtOfARefusalIsExactlyWhenTheNextRequestIsAllowed() {
        Ledger ledger = Ledger.v1();
        ledger.send("wamid.A1");
        ledger.at(T0.plus(Duration.ofDays(2))).send("wamid.A2");
        Decision.Refused refusal = refused(ledger.at(T0.plus(Duration.ofDays(4))).send("wamid.A3"));

        assertThat(ledger.statusAt(refusal.refusal().retryAt().minus(MS)).canRequest()).isFalse();
        assertThat(ledger.statusAt(refusal.refusal().retryAt()).canRequest()).isTrue();
    }

    @Test
    void v2HasTheSameRequestLimits() {
        Ledger ledger = Ledger.v2();
        ledger.send("wamid.A1");
        ledger.at(T0.plus(DAY)).send("wamid.A2");

        Decision.Refused day = refused(ledger.after(HOUR).send("wamid.A3"));

        assertThat(day.refusal().code()).isEqualTo(RefusalCode.REQUEST_LIMIT_7D);
        assertThat(((PermissionRequestRefused) day.events().get(0)).policy()).isEqualTo(V2);
        assertThat(ledger.status().requests24h().max()).isEqualTo(1);
        assertThat(ledger.status().requests7d().max()).isEqualTo(2);
    }

    @Test
    void aRequestTheLedgerOnlyLearnedOfFromItsDeliveryCountsFromThatMoment() {
        Ledger ledger = Ledger.v1();
        ledger.deliver("wamid.X1");

        Decision.Refused decision = refused(ledger.after(HOUR).send("wamid.A1"));

        assertThat(decision.refusal().code()).isEqualTo(RefusalCode.REQUEST_LIMIT_24H);
        assertThat(decision.refusal().evidence()).containsExactly(T0);
    }

    @Test
    void aRequestTheLedgerOnlyLearnedOfFromAReplyCountsFromThatMoment() {
        Ledger ledger = Ledger.v1();
        ledger.send("wamid.A1");
        ledger.at(T0.plus(Duration.ofDays(2))).decline("wamid.X1");

        Decision.Refused decision = refused(ledger.at(T0.plus(Duration.ofDays(4))).send("wamid.A2"));

        assertThat(decision.refusal().code()).isEqualTo(RefusalCode.REQUEST_LIMIT_7D);
        assertThat(decision.refusal().evidence()).containsExactly(T0, T0.plus(Duration.ofDays(2)));
    }

    @Test
    void statusReportsLimitsCurrentUsageAndLimitExpiration() {
        Ledger ledger = Ledger.v1();

        PairStatus fresh = ledger.status();
        assertThat(fresh.requests24h().window()).isEqualTo(DAY);
        assertThat(fresh.requests24h().max()).isEqualTo(1);
        assertThat(fresh.requests24h().used()).isZero();
        assertThat(fresh.requests7d().window()).isEqualTo(WEEK);
        assertThat(fresh.requests7d().max()).isEqualTo(2);
        assertThat(fresh.requests7d().used()).isZero();
        assertThat(fresh.canRequest()).isTrue();

        ledger.send("wamid.A1");
        PairStatus one = ledger.after(HOUR).status();
        assertThat(one.requests24h().used()).isEqualTo(1);
        assertThat(one.requests24h().counted()).containsExactly(T0);
        assertThat(one.requests24h().limitExpiresAt()).isEqualTo(T0.plus(DAY));
        assertThat(one.requests7d().used()).isEqualTo(1);
        assertThat(one.requests7d().limitExpiresAt()).isNull();
        assertThat(one.requestBlockedBy()).map(Refusal::code).contains(RefusalCode.REQUEST_LIMIT_24H);
        assertThat(one.canRequest()).isFalse();

        ledger.at(T0.plus(Duration.ofDays(2))).send("wamid.A2");
        PairStatus two = ledger.at(T0.plus(Duration.ofDays(3))).status();
        assertThat(two.requests24h().used()).isZero();
        assertThat(two.requests24h().limitExpiresAt()).isNull();
        assertThat(two.requests7d().used()).isEqualTo(2);
        assertThat(two.requests7d().counted()).containsExactly(T0, T0.plus(Duration.ofDays(2)));
        assertThat(two.requests7d().limitExpiresAt()).isEqualTo(T0.plus(WEEK));
        assertThat(two.requestBlockedBy()).map(Refusal::retryAt).contains(T0.plus(WEEK));

        PairStatus weekLater = ledger.statusAt(T0.plus(WEEK));
        assertThat(weekLater.requests7d().used()).isEqualTo(1);
        assertThat(weekLater.requests7d().limitExpiresAt()).isNull();
        assertThat(weekLater.canRequest()).isTrue();
    }
}
