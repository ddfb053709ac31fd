package com.callpermissionledger.webhook;

import com.callpermissionledger.policy.CallOutcome;
import com.callpermissionledger.policy.GrantSource;
import com.callpermissionledger.policy.PairId;
import com.callpermissionledger.policy.PermissionKind;
import com.callpermissionledger.policy.ReplyResponse;
import com.callpermissionledger.policy.RevocationSource;
import com.callpermissionledger.policy.UserCallOutcome;
import com.callpermissionledger.policy.command.GrantPermission;
import com.callpermissionledger.policy.command.RecordCallOutcome;
import com.callpermissionledger.policy.command.RecordCallbackGrant;
import com.callpermissionledger.policy.command.RecordPlatformRevocation;
import com.callpermissionledger.policy.command.RecordReply;
import com.callpermissionledger.policy.command.RecordUserCall;
import com.callpermissionledger.policy.event.CallOutcomeRecorded;
import com.callpermissionledger.policy.event.CallPlaced;
import com.callpermissionledger.policy.event.PermissionGranted;
import com.callpermissionledger.policy.event.PermissionReplyRecorded;
import com.callpermissionledger.policy.event.PermissionRevoked;
import com.callpermissionledger.policy.event.RequestLimitsReset;
import com.callpermissionledger.policy.event.UnansweredCallsWarningRaised;
import com.callpermissionledger.policy.event.UserCallRecorded;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The facts a tied former pair hands on: reported facts, dated when they happened; never its own decisions. */
class TiedFactsTest {

    private static final PairId FORMER = new PairId("15550001111", "US.13491208655302741918");
    private static final PairId PHONE = new PairId("15550001111", "491701234567");
    private static final Instant T = Instant.parse("2026-03-02T12:00:00Z");

    @Test
    void reportedFactsAreCarriedWithTheirOwnInstantsAndDecisionsStayBehind() {
        var carried = TiedFacts.carried(PHONE, List.of(
                new PermissionGranted(FORMER, T, GrantSource.BUSINESS_PROFILE, PermissionKind.TEMPORARY,
                        T.plusSeconds(604_800), null, "whatsapp-v1", "R-PROFILE-GRANT"),
                new PermissionReplyRecorded(FORMER, T.plusSeconds(1), "wamid.R1", ReplyResponse.ACCEPT, false,
                        T.plusSeconds(604_801), true),
                new PermissionGranted(FORMER, T.plusSeconds(1), GrantSource.REQUEST, PermissionKind.TEMPORARY,
                        T.plusSeconds(604_801), "wamid.R1", "whatsapp-v1", "R-REPLY-ACCEPT"),
                new CallPlaced(FORMER, T.plusSeconds(2), "wacid.B1", "whatsapp-v1"),
                new CallOutcomeRecorded(FORMER, T.plusSeconds(3), "wacid.B1", CallOutcome.REJECTED, 1),
                new UserCallRecorded(FORMER, T.plusSeconds(4), "wacid.U1", UserCallOutcome.CONNECTED, 0),
                new RequestLimitsReset(FORMER, T.plusSeconds(4), "wacid.U1", "R-REQUEST-RESET"),
                new PermissionGranted(FORMER, T.plusSeconds(4), GrantSource.CALLBACK, PermissionKind.TEMPORARY,
                        T.plusSeconds(604_804), "wacid.U1", "whatsapp-v1", "R-CALLBACK-GRANT"),
                new UnansweredCallsWarningRaised(FORMER, T.plusSeconds(5), 2, "whatsapp-v1", "R-MISS-WARNING"),
                new PermissionRevoked(FORMER, T.plusSeconds(6), RevocationSource.AUTOMATIC, "whatsapp-v1",
                        "R-MISS-REVOKE"),
                new PermissionRevoked(FORMER, T.plusSeconds(7), RevocationSource.PLATFORM, "whatsapp-v1",
                        "R-PLATFORM-REVOKE")));

        assertThat(carried).containsExactly(
                new GrantPermission(PHONE, false, T),
                new RecordReply(PHONE, "wamid.R1", ReplyResponse.ACCEPT, false, T.plusSeconds(1), null),
                new RecordCallOutcome(PHONE, "wacid.B1", CallOutcome.REJECTED, T.plusSeconds(3), true),
                new RecordUserCall(PHONE, "wacid.U1", UserCallOutcome.CONNECTED, T.plusSeconds(4)),
                new RecordCallbackGrant(PHONE, "wacid.U1", T.plusSeconds(4), null),
                new RecordPlatformRevocation(PHONE, T.plusSeconds(7)));
    }
}
