package com.callpermissionledger.settings;

import com.callpermissionledger.config.LedgerProperties;
import com.callpermissionledger.policy.BusinessTerms;
import com.callpermissionledger.policy.BusinessTermsSource;
import com.callpermissionledger.policy.CallbackPermission;
import com.callpermissionledger.policy.PairId;
import com.callpermissionledger.policy.PolicyCatalog;
import com.callpermissionledger.pair.CommandOrigin;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

/** Reads and changes business settings; the source of the terms every decision is made under. */
@Service
public class BusinessSettings implements BusinessTermsSource {

    private final BusinessSettingsRows rows;
    private final LedgerProperties properties;
    private final CommandGateway commandGateway;

    public BusinessSettings(BusinessSettingsRows rows, LedgerProperties properties, CommandGateway commandGateway) {
        this.rows = rows;
        this.properties = properties;
        this.commandGateway = commandGateway;
    }

    @Override
    public BusinessTerms termsFor(String business) {
        var row = rows.findById(business);
        String policy = row.map(BusinessSettingsRow::policy).orElse(null);
        return new BusinessTerms(PolicyCatalog.require(policy != null ? policy : properties.getPolicy().getDefault()),
                row.map(BusinessSettingsRow::callbackPermission).orElse(CallbackPermission.DISABLED));
    }

    public BusinessTerms change(String business, CallbackPermission callback, String policy) {
        PairId.requireValidBusiness(business);
        if (policy != null) {
            PolicyCatalog.require(policy);
        }
        commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(
                new ChangeBusinessSettings(business, callback, policy)).andMetaData(CommandOrigin.current()));
        return termsFor(business);
    }
}
