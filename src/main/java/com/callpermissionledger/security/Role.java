package com.callpermissionledger.security;

/** What a key may do; see the role table in docs/security.md. */
public enum Role {
    /** Commands on pairs, and the reads needed before each one. */
    UPSTREAM,
    /** The dashboard and the call-permission answer. */
    DASHBOARD,
    /** Everything readable: history, events, point in time, export, verify, the dashboard. */
    AUDITOR,
    /** Settings, projection rebuilds, the clock, actuator, and everything else. */
    ADMIN
}
