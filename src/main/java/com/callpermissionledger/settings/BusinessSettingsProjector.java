package com.callpermissionledger.settings;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Runs in the command's own transaction (a subscribing processor, see application.yml), so the next
 * decision already sees a changed policy or callback setting.
 */
@Component
@ProcessingGroup("business-settings")
public class BusinessSettingsProjector {

    private final BusinessSettingsRows rows;

    public BusinessSettingsProjector(BusinessSettingsRows rows) {
        this.rows = rows;
    }

    @EventHandler
    void on(BusinessSettingsChanged event) {
        rows.save(new BusinessSettingsRow(event));
    }
}
