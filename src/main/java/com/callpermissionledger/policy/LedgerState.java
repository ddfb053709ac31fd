package com.callpermissionledger.policy;

/** The pair's state as the ledger explains it; richer than the platform's no_permission / temporary / permanent. */
public enum LedgerState { NONE, REQUESTED, GRANTED, DECLINED, EXPIRED, REVOKED }
