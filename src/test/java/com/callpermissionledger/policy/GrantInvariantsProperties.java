package com.callpermissionledger.policy;

import com.callpermissionledger.policy.History.Decided;
import com.callpermissionledger.policy.History.Run;
import com.callpermissionledger.policy.command.GrantPermission;
import com.callpermissionledger.policy.command.RecordReply;
import com.callpermissionledger.policy.command.RecordUserCall;
import com.callpermissionledger.policy.command.RevokePermission;
import com.callpermissionledger.policy.event.CallOutcomeRecorded;
import com.callpermissionledger.policy.event.PairEvent;
import com.callpermissionledger.policy.event.PermissionExpired;
import com.callpermissionledger.policy.event.PermissionGranted;
import com.callpermissionledger.policy.event.PermissionRequestExpired;
import com.callpermissionledger.policy.event.PermissionRevoked;
import com.callpermissionledger.policy.event.UnansweredCallsWarningRaised;
import com.callpermissionledger.policy.event.UserCallRecorded;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Grants, revocations and the run of misses read back from the recorded events, over random histories. */
class GrantInvariantsProperties {

    @Property(tries = 400)
    void grantsFollowThePolicyTheCallbackSettingAndTheirSource(@ForAll(supplier = Histories.class) History history) {
        Run run = history.run();
        Set<String> expiredRequests = new HashSet<>();
        PermissionGranted held = null;
        for (Decided d : run.decided) {
            PermissionGranted heldAtCommand = null;   // what was held once the due expiries were applied
            boolean reachedCommand = false;
            for (PairEvent e : d.decision().events()) {
                if (!reachedCommand && !EventFacts.isExpiry(e)) {
                    heldAtCommand = held;
                    reachedCommand = true;
                }
                if (e instanceof PermissionGranted g) {
                    if (g.kind() == PermissionKind.PERMANENT) {
                        assertThat(d.terms().policy().permanentPermissions()).as("%s", g).isTrue();
                        assertThat(g.expiresAt()).isNull();
                    } else {
                        assertThat(g.expiresAt()).isEqualTo(g.occurredAt().plus(d.terms().policy().temporaryValidity()));
                    }
                    switch (g.source()) {
                        case CALLBACK -> {
                            assertThat(d.terms().callbackPermission()).isEqualTo(CallbackPermission.ENABLED);
                            assertThat(g.kind()).isEqualTo(PermissionKind.TEMPORARY);
                            assertThat(d.command()).isInstanceOfSatisfying(RecordUserCall.class,
                                    c -> assertThat(c.callId()).isEqualTo(g.reference()));
                            assertThat(held == null || held.kind() == PermissionKind.TEMPORARY)
                                    .as("a callback never replaces a permanent permission").isTrue();
                        }
                        case REQUEST -> {
                            assertThat(d.command()).isInstanceOfSatisfying(RecordReply.class, c -> {
                                assertThat(c.requestId()).isEqualTo(g.reference());
                                assertThat(c.response()).isEqualTo(ReplyResponse.ACCEPT);
                            });
                            assertThat(expiredRequests).as("no grant from an expired request").doesNotContain(g.reference());
                        }
                        case BUSINESS_PROFILE -> {
                            assertThat(d.command()).isInstanceOf(GrantPermission.class);
                            assertThat(g.reference()).isNull();
                        }
                    }
                    held = g;
                } else if (e instanceof PermissionExpired x) {
                    assertThat(held).isNotNull();
                    assertThat(held.expiresAt()).as("a temporary permission expires at its own expiry").isNotNull();
                    assertThat(x.occurredAt()).isEqualTo(held.expiresAt());
                    assertThat(x.grantedAt()).isEqualTo(held.occurredAt());
                    held = null;
                } else if (e instanceof PermissionRevoked r) {
                    held = null;
                    if (r.source() == RevocationSource.DECLINE) {
                        assertThat(d.command()).isInstanceOfSatisfying(RecordReply.class,
                                c -> assertThat(c.response()).isEqualTo(ReplyResponse.REJECT));
                    }
                } else if (e instanceof PermissionRequestExpired x) {
                    expiredRequests.add(x.requestId());
                }
            }
            boolean permanentHeld = heldAtCommand != null && heldAtCommand.kind() == PermissionKind.PERMANENT;
            boolean granted = d.decision().events().stream().anyMatch(PermissionGranted.class::isInstance);
            if (d.decision() instanceof Decision.Recorded && d.command() instanceof RecordUserCall) {
                assertThat(granted).as("a user call grants exactly when callback is enabled and nothing permanent is held: %s", d)
                        .isEqualTo(d.terms().callbackEnabled() && !permanentHeld);
            }
            if (d.decision() instanceof Decision.Recorded && d.command() instanceof RecordReply c) {
                assertThat(granted).as("an acceptance always grants: the user's latest word wins: %s", d)
                        .isEqualTo(c.response() == ReplyResponse.ACCEPT);
                if (c.response() == ReplyResponse.REJECT) {
                    assertThat(held).as("a decline ends any permission: %s", d).isNull();
                }
            }
            if (d.command() instanceof RevokePermission) {
                // an unchanged revocation leaves only a permission whose time is up, its expiry not yet recorded
                assertThat(held == null || !d.at().isBefore(held.expiresAt())).as("after %s", d).isTrue();
            }
        }
    }


    @Property(tries = 400)
    void theRunOfMissesIsCountedAndActedOnAsDocumented(@ForAll(supplier = Histories.class) History history) {
        int misses = 0;
        boolean warning = false;
        for (Decided d : history.run().decided) {
            Policy policy = d.terms().policy();
            for (PairEvent e : d.decision().events()) {
                if (e instanceof CallOutcomeRecorded o) {
                    misses = switch (o.outcome()) {
                        case CONNECTED -> 0;
                        case UNANSWERED, REJECTED -> misses + 1;
                        case FAILED -> misses;
                    };
                    assertThat(o.consecutiveMisses()).as("%s", o).isEqualTo(misses);
                    if (misses == 0) {
                        warning = false;
                    }
                } else if (e instanceof UserCallRecorded u) {
                    if (u.outcome() == UserCallOutcome.CONNECTED) {
                        misses = 0;
                        warning = false;
                    }
                    assertThat(u.consecutiveMisses()).as("%s", u).isEqualTo(misses);
                } else if (e instanceof PermissionGranted) {
                    misses = 0;
                    warning = false;
                } else if (e instanceof UnansweredCallsWarningRaised w) {
                    assertThat(warning).as("one warning per run: %s", w).isFalse();
                    assertThat(misses).isGreaterThanOrEqualTo(policy.warnAfterMisses());
                    assertThat(w.consecutiveMisses()).isEqualTo(misses);
                    warning = true;
                } else if (e instanceof PermissionRevoked r && r.source() == RevocationSource.AUTOMATIC) {
                    assertThat(misses).as("%s", r).isGreaterThanOrEqualTo(policy.revokeAfterMisses());
                }
            }
            assertThat(d.after().consecutiveMisses()).isEqualTo(misses);
            assertThat(d.after().warning()).as("warning after %s", d).isEqualTo(warning);
            if (history.switches()) {
                continue;   // a run counted under one policy may be judged under another's numbers
            }
            assertThat(warning).as("warning after %s", d).isEqualTo(misses >= policy.warnAfterMisses());
            if (misses >= policy.revokeAfterMisses()) {
                assertThat(d.after().permissionAt(d.at())).as("no permission survives %d misses", misses).isEmpty();
            }
        }
    }
}
