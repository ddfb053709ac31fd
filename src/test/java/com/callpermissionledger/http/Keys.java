package com.callpermissionledger.http;

/**
 * The API keys of the test profile (src/test/resources/application-test.yml) and the role each holds. A limited
 * key holds only the business numbers named here; the names in comments are the clients events record.
 */
public final class Keys {

    /** ADMIN, every business; client {@code test-admin}. The key {@link LedgerHttp} sends unless told otherwise. */
    public static final String ADMIN = "test-admin-key";
    /** UPSTREAM, every business; client {@code test-upstream}. */
    public static final String UPSTREAM = "test-upstream-key";
    /** UPSTREAM, configured only as its SHA-256; client {@code hashed-upstream}. */
    public static final String HASHED_UPSTREAM = "test-hashed-upstream-key";
    /** DASHBOARD, every business; client {@code test-dashboard}. */
    public static final String DASHBOARD = "test-dashboard-key";
    /** AUDITOR, every business; client {@code test-auditor}. */
    public static final String AUDITOR = "test-auditor-key";
    /** UPSTREAM limited to 7700001 and 7700002. */
    public static final String SCOPED_UPSTREAM = "test-scoped-upstream-key";
    /** DASHBOARD limited to 7700001. */
    public static final String SCOPED_DASHBOARD = "test-scoped-dashboard-key";
    /** AUDITOR limited to 7700001. */
    public static final String SCOPED_AUDITOR = "test-scoped-auditor-key";
    /** ADMIN limited to 7700001 and 7700002; client {@code scoped-admin}. */
    public static final String SCOPED_ADMIN = "test-scoped-admin-key";
    /** ADMIN; client {@code fuzz}, so whatever the fuzz test caused can be found. */
    public static final String FUZZ = "test-fuzz-key";

    private Keys() {
    }
}
