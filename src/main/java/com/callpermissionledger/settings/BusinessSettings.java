package com.callpermissionledger.settings;

import com.callpermissionledger.policy.BusinessTerms;
import com.callpermissionledger.policy.BusinessTermsSource;
import com.callpermissionledger.policy.CallbackPermission;
import com.callpermissionledger.policy.PairId;
import com.callpermissionledger.pair.PairLedger;
import org.springframework.stereotype.Service;

import java.time.Instant;

/** Reads and changes business settings; the source of the terms every decision is made under. */
@Service
public class BusinessSettings implements BusinessTermsSource {

    private final BusinessSettingsRows rows;
    private final PolicyBook policies;
    private final PairLedger ledger;

    public BusinessSettings(BusinessSettingsRows rows, PolicyBook policies, PairLedger ledger) {
        this.rows = rows;
        this.policies = policies;
        this.ledger = ledger;
    }

    @Override
    public BusinessTerms termsFor(String business) {
        var row = rows.findById(business);
        String policy = row.map(BusinessSettingsRow::policy).orElse(null);
        return new BusinessTerms(policy != null ? policies.byName(policy) : policies.defaultPolicy(),
                row.map(BusinessSettingsRow::callbackPermission).orElse(CallbackPermission.DISABLED));
    }

    public BusinessTerms change(String business, CallbackPermission callback, String policy) {
        PairId.requireValidBusiness(business);
        if (policy != null) {
            policies.use(policies.choosable(policy), false);
        }
        ChangeBusinessSettings change = new ChangeBusinessSettings(business, callback, policy);
        ledger.send(change.settingsId(), change);
        return termsFor(business);
    }

    /**
     * The platform's callback setting as of {@code occurredAt} (R-FACT-TIME); true when it changed the
     * settings, false when they already said so or a newer callback change stands.
     */
    public boolean reportCallback(String business, CallbackPermission callback, Instant occurredAt) {
        PairId.requireValidBusiness(business);
        ChangeBusinessSettings change = new ChangeBusinessSettings(business, callback, null, occurredAt);
        Object changed = ledger.send(change.settingsId(), change);
        return Boolean.TRUE.equals(changed);
    }
}
