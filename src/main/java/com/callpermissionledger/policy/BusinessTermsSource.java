package com.callpermissionledger.policy;

/** Where the decider's caller finds a business number's current terms. */
@FunctionalInterface
public interface BusinessTermsSource {
    BusinessTerms termsFor(String business);
}
