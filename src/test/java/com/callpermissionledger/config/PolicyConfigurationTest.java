package com.callpermissionledger.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ledger.policies.<name>.*} and {@code ledger.policy.default} are validated when the ledger starts. */
class PolicyConfigurationTest {

    @Configuration
    @EnableConfigurationProperties(LedgerProperties.class)
    static class Properties {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Properties.class);

    private static String[] sandbox(String name, String... overrides) {
        String p = "ledger.policies." + name + ".";
        String[] base = {p + "permanent-permissions=true", p + "temporary-validity=PT168H", p + "call-cap=100",
                p + "call-window=PT24H", p + "request-cap-short=25", p + "request-window-short=PT24H",
                p + "request-cap-long=100", p + "request-window-long=P7D", p + "warn-after-misses=5",
                p + "revoke-after-misses=10", p + "request-expiry=P7D"};
        String[] all = new String[base.length + overrides.length];
        System.arraycopy(base, 0, all, 0, base.length);
        for (int i = 0; i < overrides.length; i++) {
            all[base.length + i] = p + overrides[i];
        }
        return all;
    }

    @Test
    void aCompletePolicyCanBeDefinedAndMadeTheDefault() {
        runner.withPropertyValues(sandbox("sandbox-2026"))
                .withPropertyValues("ledger.policy.default=sandbox-2026")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    var policy = context.getBean(LedgerProperties.class).getPolicies().get("sandbox-2026")
                            .toPolicy("sandbox-2026");
                    assertThat(policy.requestCapShort()).isEqualTo(25);
                    assertThat(policy.requestCapLong()).isEqualTo(100);
                    assertThat(policy.warnAfterMisses()).isEqualTo(5);
                    assertThat(policy.revokeAfterMisses()).isEqualTo(10);
                    assertThat(policy.temporaryValidity()).isEqualTo(Duration.ofSeconds(604_800));
                });
    }

    @Test
    void aDefaultThatNamesNoKnownPolicyFailsTheStart() {
        runner.withPropertyValues("ledger.policy.default=sandbox-2026")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("ledger.policy.default must name a built-in policy"));
    }

    @Test
    void aMissingNumberFailsTheStart() {
        String[] all = sandbox("sandbox-2026");
        String[] withoutCap = java.util.Arrays.stream(all).filter(p -> !p.contains("call-cap")).toArray(String[]::new);
        runner.withPropertyValues(withoutCap)
                .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("callCap"));
    }

    @Test
    void revocationBeforeTheWarningFailsTheStart() {
        runner.withPropertyValues(sandbox("sandbox-2026", "revoke-after-misses=4"))
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("revoke-after-misses must not be below warn-after-misses"));
    }

    @Test
    void aZeroDurationFailsTheStart() {
        runner.withPropertyValues(sandbox("sandbox-2026", "call-window=PT0S"))
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("every duration of a policy must be positive"));
    }

    @Test
    void aBuiltInPolicyCannotBeRedefined() {
        runner.withPropertyValues(sandbox("whatsapp-v2", "call-cap=10"))
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("a built-in policy (whatsapp-v1, whatsapp-v2) cannot be redefined"));
    }
}
