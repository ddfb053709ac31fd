package com.callpermissionledger.security;

/** How a row of the role table checks the business numbers of a key limited to some of them. */
public enum Scope {
    /** No key needed at all. */
    OPEN,
    /** The routed {@code {business}} path variable must be one of the key's. */
    PATH,
    /**
     * The handler filters by the {@code business} query parameter: a limited key must give it exactly once,
     * naming one of its own business numbers.
     */
    QUERY,
    /** The body names the business; the handler checks it against the key before acting (erasure). */
    BODY,
    /** Reads or changes the whole ledger: a limited key is refused. */
    LEDGER,
    /**
     * A platform delivery, which may span businesses: with an app secret configured its signature (checked
     * by the handler) is its authentication and no key is needed; without one it needs an unlimited key.
     */
    SIGNATURE
}
