package com.callpermissionledger.policy;

/** Why a permission request stopped being answerable (rule R-REQUEST-EXPIRY), or why it never could be (FAILED). */
public enum RequestExpiryReason { NO_RESPONSE, AFTER_REPLY, SUPERSEDED, FAILED }
