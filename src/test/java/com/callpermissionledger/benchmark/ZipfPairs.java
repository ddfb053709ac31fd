package com.callpermissionledger.benchmark;

import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Picks pair numbers 0..n-1 with Zipf-skewed frequency (exponent 1): pair 0 is asked about n times as often
 * as pair n-1, so a few pairs are hot (their commands queue on the pair lock, their histories grow) and most
 * are touched rarely, as with a campaign's contact list.
 */
final class ZipfPairs {

    private final double[] cumulative;

    ZipfPairs(int n) {
        cumulative = new double[n];
        double sum = 0;
        for (int rank = 0; rank < n; rank++) {
            sum += 1.0 / (rank + 1);
            cumulative[rank] = sum;
        }
    }

    int next() {
        double target = ThreadLocalRandom.current().nextDouble() * cumulative[cumulative.length - 1];
        int found = Arrays.binarySearch(cumulative, target);
        return Math.min(found >= 0 ? found : -found - 1, cumulative.length - 1);
    }

    /** The share of all picks that go to the hottest pair. */
    double hottestShare() {
        return 1 / cumulative[cumulative.length - 1];
    }
}
