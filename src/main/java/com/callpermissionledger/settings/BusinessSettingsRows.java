package com.callpermissionledger.settings;

import org.springframework.data.jpa.repository.JpaRepository;

public interface BusinessSettingsRows extends JpaRepository<BusinessSettingsRow, String> {
}
