package com.callpermissionledger.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataMaskTest {

    @Test
    void whatsAppIdsKeepOnlyTheirLastFourDigits() {
        assertThat(PersonalDataMask.mask("pair 106540352242922:4915112345678 failed"))
                .isEqualTo("pair ***********2922:*********5678 failed");
    }

    @Test
    void businessScopedIdsAreMasked() {
        assertThat(PersonalDataMask.mask("user US.13491208655302741918")).isEqualTo("user US.****1918");
    }

    @Test
    void instantsAndShortNumbersStay() {
        String line = "expired at 2026-11-24T08:23:41.697Z after 4 misses on port 8080";
        assertThat(PersonalDataMask.mask(line)).isEqualTo(line);
    }
}
