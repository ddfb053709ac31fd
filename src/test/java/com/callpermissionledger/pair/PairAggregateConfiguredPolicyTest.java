package com.callpermissionledger.pair;

import com.callpermissionledger.policy.Channel;
import com.callpermissionledger.policy.GrantSource;
import com.callpermissionledger.policy.PermissionKind;
import com.callpermissionledger.policy.Policy;
import com.callpermissionledger.policy.RefusalCode;
import com.callpermissionledger.policy.RuleId;
import com.callpermissionledger.policy.command.PlaceCall;
import com.callpermissionledger.policy.command.RecordReply;
import com.callpermissionledger.policy.ReplyResponse;
import com.callpermissionledger.policy.event.CallPlaced;
import com.callpermissionledger.policy.event.CallRefused;
import com.callpermissionledger.policy.event.PermissionGranted;
import com.callpermissionledger.policy.event.PermissionReplyRecorded;
import com.callpermissionledger.policy.event.PermissionRequested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

/** A policy an operator configured is decided by with its own numbers and named on every decision event. */
class PairAggregateConfiguredPolicyTest extends PairAggregateTestSupport {

    /** 3 calls per 12 h, a 48 h temporary permission, requests expiring after 3 days. */
    private static final Policy TRIAL = new Policy("trial-3", true, Duration.ofHours(48), 3, Duration.ofHours(12),
            2, Duration.ofHours(24), 4, Duration.ofDays(7), 3, 5, Duration.ofDays(3));

    @Test
    void rCallCap_theConfiguredCapAndWindowDecide() {
        terms.policy(TRIAL);
        var first = ago(Duration.ofHours(11));
        CallRefused refusal = new CallRefused(PAIR, NOW, "wacid.c4", RefusalCode.CALL_LIMIT_24H, "R-CALL-CAP",
                first.plus(Duration.ofHours(12)), List.of(first, ago(Duration.ofHours(2)), ago(Duration.ofHours(1))),
                "trial-3");

        fixture.given(profileGrant(ago(Duration.ofHours(20))), new CallPlaced(PAIR, first, "wacid.c1", "trial-3"),
                        new CallPlaced(PAIR, ago(Duration.ofHours(2)), "wacid.c2", "trial-3"),
                        new CallPlaced(PAIR, ago(Duration.ofHours(1)), "wacid.c3", "trial-3"))
                .when(new PlaceCall(PAIR, "wacid.c4"))
                .expectEvents(refusal)
                .expectResultMessagePayloadMatching(refused(RefusalCode.CALL_LIMIT_24H, RuleId.CALL_CAP,
                        first.plus(Duration.ofHours(12)), refusal.evidence(), refusal));
    }

    @Test
    void rReplyAccept_theConfiguredValidityAndRequestExpiryDecide() {
        terms.policy(TRIAL);
        var sentAt = ago(Duration.ofHours(1));
        PermissionReplyRecorded reply = new PermissionReplyRecorded(PAIR, NOW, "wamid.r1", ReplyResponse.ACCEPT,
                false, NOW.plus(Duration.ofDays(3)), false);
        PermissionGranted granted = new PermissionGranted(PAIR, NOW, GrantSource.REQUEST, PermissionKind.TEMPORARY,
                NOW.plus(Duration.ofHours(48)), "wamid.r1", "trial-3", "R-REPLY-ACCEPT");

        fixture.given(new PermissionRequested(PAIR, sentAt, "wamid.r1", Channel.TEMPLATE, sentAt.plus(Duration.ofDays(3)),
                        "trial-3"))
                .when(new RecordReply(PAIR, "wamid.r1", ReplyResponse.ACCEPT, false))
                .expectEvents(reply, granted)
                .expectResultMessagePayloadMatching(recorded(reply, granted));
    }
}
