package com.callpermissionledger.policy.rule;

import com.callpermissionledger.policy.LedgerState;
import com.callpermissionledger.policy.RefusalCode;
import com.callpermissionledger.policy.Refusal;
import com.callpermissionledger.policy.RuleId;
import com.callpermissionledger.policy.state.PairState;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** R-PERMISSION-REQUIRED: a business-initiated call needs a permission valid at the instant of the call. */
public final class PermissionRequired {

    private PermissionRequired() {
    }

    public static Optional<Refusal> check(PairState state, Instant now) {
        if (state.permissionAt(now).isPresent()) {
            return Optional.empty();
        }
        LedgerState why = state.ledgerStateAt(now);
        return Optional.of(new Refusal(RefusalCode.NO_PERMISSION, RuleId.PERMISSION_REQUIRED,
                "Rule R-PERMISSION-REQUIRED: this user has not given call permission (ledger state " + why
                        + "). Send a call permission request and wait for the user to accept it.",
                null, List.of()));
    }
}
