package com.callpermissionledger.policy;

/** Where a permission came from: a reply to a request, the business profile, or a user's call with callback enabled. */
public enum GrantSource { REQUEST, BUSINESS_PROFILE, CALLBACK }
