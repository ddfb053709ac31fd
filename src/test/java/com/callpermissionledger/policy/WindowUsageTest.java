package com.callpermissionledger.policy;

import com.callpermissionledger.policy.rule.WindowUsage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.callpermissionledger.policy.Ledger.DAY;
import static com.callpermissionledger.policy.Ledger.HOUR;
import static com.callpermissionledger.policy.Ledger.MS;
import static com.callpermissionledger.policy.Ledger.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A use at t counts while now - window &lt; t; limitExpiresAt is when enough uses have left the window. */
class WindowUsageTest {

    @Test
    void aUseCountsUntilExactlyOneWindowAfterIt() {
        assertThat(WindowUsage.of(List.of(T0), 1, DAY, T0).used()).isEqualTo(1);
        assertThat(WindowUsage.of(List.of(T0), 1, DAY, T0.plus(DAY).minus(MS)).used()).isEqualTo(1);
        assertThat(WindowUsage.of(List.of(T0), 1, DAY, T0.plus(DAY)).used()).isZero();
    }

    @Test
    void countedUsesAreSortedAndOnlyThoseInsideTheWindow() {
        Instant now = T0.plus(Duration.ofHours(30));
        List<Instant> uses = List.of(T0.plus(Duration.ofHours(20)), T0, T0.plus(Duration.ofHours(6)),
                T0.plus(Duration.ofHours(10)));

        WindowUsage usage = WindowUsage.of(uses, 5, DAY, now);

        assertThat(usage.counted()).containsExactly(T0.plus(Duration.ofHours(10)), T0.plus(Duration.ofHours(20)));
        assertThat(usage.used()).isEqualTo(2);
        assertThat(usage.max()).isEqualTo(5);
        assertThat(usage.window()).isEqualTo(DAY);
        assertThat(usage.full()).isFalse();
        assertThat(usage.limitExpiresAt()).isNull();
    }

    @Test
    void aFullWindowExpiresWhenTheOldestCountedUseLeavesIt() {
        List<Instant> uses = List.of(T0, T0.plus(HOUR), T0.plus(HOUR.multipliedBy(2)));

        WindowUsage usage = WindowUsage.of(uses, 3, DAY, T0.plus(HOUR.multipliedBy(3)));

        assertThat(usage.full()).isTrue();
        assertThat(usage.limitExpiresAt()).isEqualTo(T0.plus(DAY));
        assertThat(WindowUsage.of(uses, 3, DAY, usage.limitExpiresAt()).full()).isFalse();
    }

    @Test
    void anOverfullWindowExpiresWhenEnoughUsesHaveLeftIt() {
        List<Instant> uses = List.of(T0, T0.plus(HOUR), T0.plus(HOUR.multipliedBy(2)));

        WindowUsage usage = WindowUsage.of(uses, 2, DAY, T0.plus(HOUR.multipliedBy(3)));

        assertThat(usage.used()).isEqualTo(3);
        assertThat(usage.limitExpiresAt()).isEqualTo(T0.plus(HOUR).plus(DAY));
        assertThat(WindowUsage.of(uses, 2, DAY, T0.plus(DAY)).full()).isTrue();
        assertThat(WindowUsage.of(uses, 2, DAY, T0.plus(HOUR).plus(DAY)).full()).isFalse();
    }

    @Test
    void anEmptyHistoryUsesNothing() {
        WindowUsage usage = WindowUsage.of(List.of(), 1, DAY, T0);

        assertThat(usage.used()).isZero();
        assertThat(usage.full()).isFalse();
        assertThat(usage.limitExpiresAt()).isNull();
    }

    @Test
    void countedUsesCannotBeChangedFromOutside() {
        WindowUsage usage = WindowUsage.of(List.of(T0), 2, DAY, T0);

        assertThatThrownBy(() -> usage.counted().add(T0)).isInstanceOf(UnsupportedOperationException.class);
    }
}
