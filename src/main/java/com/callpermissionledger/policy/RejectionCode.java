package com.callpermissionledger.policy;

/** A command that contradicts what the ledger already holds: an error, never an event. */
public enum RejectionCode { IDEMPOTENCY_CONFLICT, UNKNOWN_CALL, OUTCOME_ALREADY_RECORDED, FACT_IN_FUTURE }
