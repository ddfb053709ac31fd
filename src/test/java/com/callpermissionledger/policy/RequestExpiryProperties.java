package com.callpermissionledger.policy;

import com.callpermissionledger.policy.History.Decided;
import com.callpermissionledger.policy.command.ExpireDue;
import com.callpermissionledger.policy.event.PairEvent;
import com.callpermissionledger.policy.event.PermissionReplyRecorded;
import com.callpermissionledger.policy.event.PermissionReplyRefused;
import com.callpermissionledger.policy.event.PermissionRequestDelivered;
import com.callpermissionledger.policy.event.PermissionRequestExpired;
import com.callpermissionledger.policy.event.PermissionRequested;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** R-REQUEST-EXPIRY read back from the recorded events, over random histories. */
class RequestExpiryProperties {

    @Property(tries = 400)
    void requestsExpireOnceAtTheDocumentedInstantAndExpiredRequestsGrantNothing(@ForAll(supplier = Histories.class) History history) {
        Map<String, Instant> due = new HashMap<>();          // when each request's time runs out, by the rules
        Set<String> replied = new HashSet<>();
        Set<String> expired = new HashSet<>();
        Map<String, Integer> order = new HashMap<>();
        for (Decided d : history.run().decided) {
            Duration expiry = d.terms().policy().requestExpiry();
            Set<String> answeredHere = new HashSet<>();
            Set<String> mustBeSuperseded = new HashSet<>();
            Set<String> supersededHere = new HashSet<>();
            for (PairEvent e : d.decision().events()) {
                if (e instanceof PermissionRequested || e instanceof PermissionRequestDelivered
                        || e instanceof PermissionReplyRecorded) {
                    order.putIfAbsent(EventFacts.requestId(e), order.size());
                }
                if (e instanceof PermissionReplyRecorded r) {
                    int answered = order.get(r.requestId());
                    order.forEach((id, o) -> {
                        if (o < answered && !expired.contains(id)) {
                            mustBeSuperseded.add(id);
                        }
                    });
                }
                if (e instanceof PermissionRequestExpired x && x.reason() == RequestExpiryReason.SUPERSEDED) {
                    supersededHere.add(x.requestId());
                }
                if (e instanceof PermissionRequested r) {
                    due.put(r.requestId(), r.occurredAt().plus(expiry));
                    assertThat(r.expiresAt()).isEqualTo(due.get(r.requestId()));
                } else if (e instanceof PermissionRequestDelivered r) {
                    if (!expired.contains(r.requestId()) && !replied.contains(r.requestId())) {
                        due.put(r.requestId(), r.occurredAt().plus(expiry));
                    }
                    assertThat(r.expiresAt()).as("%s", r).isEqualTo(due.get(r.requestId()));
                } else if (e instanceof PermissionReplyRecorded r) {
                    assertThat(expired).as("a reply is recorded only for an open request: %s", r)
                            .doesNotContain(r.requestId());
                    if (replied.add(r.requestId())) {
                        due.put(r.requestId(), r.occurredAt().plus(expiry));
                    }
                    assertThat(r.expiresAt()).as("changing one's answer does not extend: %s", r)
                            .isEqualTo(due.get(r.requestId()));
                    answeredHere.add(r.requestId());
                } else if (e instanceof PermissionReplyRefused r) {
                    assertThat(expired).as("a reply is refused only for an expired request: %s", r)
                            .contains(r.requestId());
                } else if (e instanceof PermissionRequestExpired x) {
                    assertThat(expired).as("a request expires once: %s", x).doesNotContain(x.requestId());
                    String id = x.requestId();
                    switch (x.reason()) {
                        case AFTER_REPLY -> {
                            assertThat(replied).contains(id);
                            assertThat(x.occurredAt()).as("%s", x).isEqualTo(due.get(id));
                        }
                        case NO_RESPONSE -> {
                            assertThat(replied).doesNotContain(id);
                            assertThat(x.occurredAt()).as("%s", x).isEqualTo(due.get(id));
                        }
                        case SUPERSEDED -> assertThat(answeredHere).as("%s superseded by a reply to another", x)
                                .isNotEmpty().doesNotContain(id);
                    }
                    expired.add(id);
                }
            }
            assertThat(supersededHere).as("answering a request supersedes the older open ones: %s", d)
                    .containsAll(mustBeSuperseded);
            // nothing open is past its time after a decision that recorded events
            if (!d.decision().events().isEmpty() || d.command() instanceof ExpireDue) {
                due.forEach((id, at) -> {
                    if (!expired.contains(id)) {
                        assertThat(at).as("%s open past its time after %s", id, d).isAfter(d.at());
                    }
                });
            }
        }
    }
}
