package com.callpermissionledger.settings;

import com.callpermissionledger.policy.CallbackPermission;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The current settings of a business number, kept in step with its events in the same transaction. */
@Entity
@Table(name = "business_settings")
public class BusinessSettingsRow {

    @Id
    @Column(length = 32)
    private String business;
    @Column(name = "callback_permission", nullable = false, length = 16)
    private String callbackPermission;
    @Column(length = 64)
    private String policy;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected BusinessSettingsRow() {
    }

    BusinessSettingsRow(BusinessSettingsChanged event) {
        this.business = event.business();
        this.callbackPermission = event.callbackPermission().name();
        this.policy = event.policy();
        this.updatedAt = event.occurredAt();
    }

    public String business() {
        return business;
    }

    public CallbackPermission callbackPermission() {
        return CallbackPermission.valueOf(callbackPermission);
    }

    public String policy() {
        return policy;
    }
}
