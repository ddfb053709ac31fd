package com.callpermissionledger.api;

import com.callpermissionledger.expiry.ExpirySweeper;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A context of its own for the rule-fidelity tests: the sweeper is held off (it runs once at start, then
 * hourly by the wall clock, never within a test), so a test decides when it has "run" by calling
 * {@link ExpirySweeper#sweep()} itself; and one operator-defined policy, {@code trial-3}, is configured.
 * The subclasses carry the same annotations, so Spring builds this context once.
 */
@TestPropertySource(properties = {
        "ledger.expiry.sweep-interval=PT1H",
        "ledger.policies.trial-3.permanent-permissions=true",
        "ledger.policies.trial-3.temporary-validity=PT168H",
        "ledger.policies.trial-3.call-cap=3",
        "ledger.policies.trial-3.call-window=PT24H",
        "ledger.policies.trial-3.request-cap-short=2",
        "ledger.policies.trial-3.request-window-short=PT24H",
        "ledger.policies.trial-3.request-cap-long=4",
        "ledger.policies.trial-3.request-window-long=P7D",
        "ledger.policies.trial-3.warn-after-misses=3",
        "ledger.policies.trial-3.revoke-after-misses=5",
        "ledger.policies.trial-3.request-expiry=P7D"})
abstract class HeldSweeperApiSupport extends HttpApiSupport {

    @Autowired
    ExpirySweeper sweeper;
}
