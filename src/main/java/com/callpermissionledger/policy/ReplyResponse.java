package com.callpermissionledger.policy;

/** The user's answer to a permission request. */
public enum ReplyResponse { ACCEPT, REJECT }
