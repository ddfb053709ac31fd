package com.callpermissionledger.policy;

import com.callpermissionledger.policy.command.GrantPermission;
import com.callpermissionledger.policy.command.RecordCallOutcome;
import com.callpermissionledger.policy.command.RecordReply;
import com.callpermissionledger.policy.command.RecordUserCall;
import com.callpermissionledger.policy.event.PermissionExpired;
import com.callpermissionledger.policy.event.PermissionGranted;
import com.callpermissionledger.policy.event.PermissionReplyRecorded;
import com.callpermissionledger.policy.event.PermissionRevoked;
import com.callpermissionledger.policy.event.RequestLimitsReset;
import com.callpermissionledger.policy.event.UserCallRecorded;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static com.callpermissionledger.policy.Ledger.DAY;
import static com.callpermissionledger.policy.Ledger.HOUR;
import static com.callpermissionledger.policy.Ledger.PAIR;
import static com.callpermissionledger.policy.Ledger.WEEK;
import static com.callpermissionledger.policy.Ledger.recorded;
import static com.callpermissionledger.policy.Ledger.refused;
import static com.callpermissionledger.policy.Ledger.rejected;
import static org.assertj.core.api.Assertions.assertThat;

/** R-FACT-TIME: a reported fact is dated when it happened; late facts never rewrite later decisions. */
class FactTimeTest {

    @Test
    void aFactDatedBeyondTheClockSkewIsRejectedAndWithinItIsDatedNow() {
        Ledger ledger = Ledger.v1();
        Instant now = ledger.now;

        Decision.Rejected future = rejected(ledger.decide(new RecordUserCall(PAIR, "wacid.F1", UserCallOutcome.MISSED,
                now.plus(FactTime.CLOCK_SKEW).plusSeconds(1))));
        ledger.decide(new RecordUserCall(PAIR, "wacid.F2", UserCallOutcome.MISSED, now.plusSeconds(30)));

        assertThat(future.code()).isEqualTo(RejectionCode.FACT_IN_FUTURE);
        assertThat(future.detail()).startsWith("Rule R-FACT-TIME: ");
        assertThat(ledger.eventsOf(UserCallRecorded.class)).singleElement()
                .satisfies(c -> assertThat(c.occurredAt()).isEqualTo(now));
    }

    @Test
    void aLateReplyGrantsFromTheInstantTheUserAnswered() {
        Ledger ledger = Ledger.v1();
        ledger.send("wamid.A");
        Instant replied = ledger.now.plus(Duration.ofMinutes(5));
        ledger.after(HOUR);

        recorded(ledger.decide(new RecordReply(PAIR, "wamid.A", ReplyResponse.ACCEPT, false, replied, null)));

        assertThat(ledger.eventsOf(PermissionGranted.class)).singleElement().satisfies(g -> {
            assertThat(g.occurredAt()).isEqualTo(replied);
            assertThat(g.expiresAt()).isEqualTo(replied.plus(WEEK));
        });
    }

    @Test
    void aLateGrantOutlastedByALaterOneChangesNothing() {
        Ledger ledger = Ledger.v1();
        Instant earlier = ledger.now;
        ledger.after(HOUR).grant();

        Decision late = ledger.decide(new GrantPermission(PAIR, false, earlier));

        assertThat(late).isInstanceOf(Decision.Unchanged.class);
        assertThat(ledger.current().permission().grantedAt()).isEqualTo(earlier.plus(HOUR));
    }

    @Test
    void aLateDeclineDatedBeforeALaterGrantDoesNotEndIt() {
        Ledger ledger = Ledger.v1();
        ledger.send("wamid.B");
        Instant declined = ledger.now.plusSeconds(10);
        ledger.after(HOUR).grant();

        recorded(ledger.decide(new RecordReply(PAIR, "wamid.B", ReplyResponse.REJECT, false, declined, null)));

        assertThat(ledger.eventsOf(PermissionReplyRecorded.class)).hasSize(1);
        assertThat(ledger.eventsOf(PermissionRevoked.class)).isEmpty();
        assertThat(ledger.current().permissionAt(ledger.now)).isPresent();
    }

    @Test
    void aLateConnectedCallFreesOnlyTheRequestsCountedBeforeItConnected() {
        Ledger ledger = Ledger.v1();
        ledger.send("wamid.C1");
        Instant connected = ledger.now.plus(HOUR);
        ledger.after(DAY.plus(HOUR)).send("wamid.C2");
        ledger.after(HOUR);

        recorded(ledger.decide(new RecordCallOutcome(PAIR, "wacid.C", CallOutcome.CONNECTED, connected, true)));

        assertThat(ledger.eventsOf(RequestLimitsReset.class)).singleElement()
                .satisfies(r -> assertThat(r.occurredAt()).isEqualTo(connected));
        assertThat(refused(ledger.send("wamid.C3")).refusal().code())
                .as("the request sent after the call still fills the 24 h window").isEqualTo(RefusalCode.REQUEST_LIMIT_24H);
    }

    @Test
    void aLateGrantThatHasRunOutIsFollowedByItsExpiry() {
        Ledger ledger = Ledger.v1();
        Instant granted = ledger.now;
        ledger.after(WEEK.plus(HOUR));

        Decision.Recorded late = recorded(ledger.decide(new GrantPermission(PAIR, false, granted)));

        assertThat(late.events()).hasSize(2);
        assertThat(late.events().get(1)).isInstanceOfSatisfying(PermissionExpired.class,
                e -> assertThat(e.occurredAt()).isEqualTo(granted.plus(WEEK)));
        assertThat(ledger.status().permission()).isNull();
    }
}
