package com.callpermissionledger.policy;

/** How a user-initiated call to the business ended. */
public enum UserCallOutcome { CONNECTED, MISSED }
