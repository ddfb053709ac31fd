package com.callpermissionledger.pair;

import org.hamcrest.Description;
import org.hamcrest.TypeSafeMatcher;

import java.util.function.Consumer;

/**
 * Lets a fixture check the returned {@link PairOutcome} with ordinary assertions:
 * {@code expectResultMessagePayloadMatching(outcome(o -> assertThat(...)))}. Axon's fixture describes a
 * matcher before matching and never prints a mismatch description, so a failed assertion is not turned
 * into {@code false}: it propagates, and the test fails with the assertion's own message and the outcome.
 */
public final class OutcomeMatcher extends TypeSafeMatcher<PairOutcome> {

    private final Consumer<PairOutcome> checks;

    private OutcomeMatcher(Consumer<PairOutcome> checks) {
        this.checks = checks;
    }

    public static OutcomeMatcher outcome(Consumer<PairOutcome> checks) {
        return new OutcomeMatcher(checks);
    }

    @Override
    protected boolean matchesSafely(PairOutcome item) {
        try {
            checks.accept(item);
            return true;
        } catch (AssertionError failed) {
            throw new AssertionError("The returned PairOutcome is not as expected: " + failed.getMessage()
                    + "\n  outcome: " + item, failed);
        }
    }

    @Override
    public void describeTo(Description description) {
        description.appendText("a PairOutcome passing the test's assertions");
    }
}
