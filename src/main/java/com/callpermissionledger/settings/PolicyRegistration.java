package com.callpermissionledger.settings;

import com.callpermissionledger.pair.CommandOrigin;
import com.callpermissionledger.policy.Policy;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * At start-up: refuses to start when a configured policy has other numbers than the ones it was used with,
 * and records the configured default (and its numbers) when it differs from the last one recorded.
 * Not in the read-only audit profile, which must not write.
 */
@Component
@Profile("!audit")
public class PolicyRegistration implements ApplicationRunner {

    /** The client name recorded on the register's events. */
    public static final String CONFIGURATION = "ledger-configuration";

    private final PolicyBook book;
    private final RecordedPolicies recorded;

    public PolicyRegistration(PolicyBook book, RecordedPolicies recorded) {
        this.book = book;
        this.recorded = recorded;
    }

    @Override
    public void run(ApplicationArguments args) {
        Map<String, Policy> used = recorded.definitions();
        for (Policy configured : book.configured()) {
            Policy before = used.get(configured.name());
            if (before != null && !before.equals(configured)) {
                throw PolicyRegister.redefined(before, configured);
            }
        }
        CommandOrigin.with(CONFIGURATION, null, () -> {
            book.use(book.defaultPolicy(), true);
            return null;
        });
    }
}
