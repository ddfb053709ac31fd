package com.callpermissionledger.policy;

/** Why a permission request stopped being answerable (rule R-REQUEST-EXPIRY). */
public enum RequestExpiryReason { NO_RESPONSE, AFTER_REPLY, SUPERSEDED }
