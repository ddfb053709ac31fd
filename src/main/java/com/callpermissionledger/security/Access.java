package com.callpermissionledger.security;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which requests need a key, which roles may make them, and which business number they touch. ADMIN may
 * do everything; a key limited to some business numbers may only touch those, and may not read
 * ledger-wide streams.
 */
public final class Access {

    public enum Verdict { OPEN, ALLOWED, WRONG_ROLE, WRONG_BUSINESS }

    private static final Pattern BUSINESS_PATH = Pattern.compile("^/api/v1/businesses/([^/]+)(/.*)?$");
    private static final Pattern DASHBOARD_PAIR = Pattern.compile("^/api/v1/dashboard/pairs/([^/]+)/.*$");
    private static final Set<Role> READERS = EnumSet.of(Role.UPSTREAM, Role.DASHBOARD, Role.AUDITOR, Role.ADMIN);
    private static final Set<Role> AUDIT = EnumSet.of(Role.AUDITOR, Role.ADMIN);

    private Access() {
    }

    /** The platform's webhook; its GET handshake is authenticated by the verify token, not a key. */
    public static final String WEBHOOK = "/api/v1/webhooks/whatsapp";

    public static boolean isWebhook(String path) {
        return path.equals(WEBHOOK);
    }

    public static boolean open(String method, String path) {
        return (isWebhook(path) && method.equals("GET")) || path.equals("/actuator/health") || path.startsWith("/actuator/health/")
                || path.equals("/dashboard") || path.startsWith("/dashboard/")
                || path.startsWith("/v3/api-docs") || path.startsWith("/swagger-ui") || path.equals("/favicon.ico");
    }

    /** {@code businessParameter} is the {@code business} query parameter, or null. */
    public static Verdict check(ApiKey key, String method, String path, String businessParameter, boolean hasAt) {
        Set<Role> roles = rolesFor(method, path, hasAt);
        if (!roles.contains(key.role()) && key.role() != Role.ADMIN) {
            return Verdict.WRONG_ROLE;
        }
        if (!key.scoped()) {
            return Verdict.ALLOWED;
        }
        String business = businessOf(path, businessParameter);
        return business != null && key.allowsBusiness(business) ? Verdict.ALLOWED : Verdict.WRONG_BUSINESS;
    }

    static Set<Role> rolesFor(String method, String path, boolean hasAt) {
        boolean read = method.equals("GET") || method.equals("HEAD");
        Matcher business = BUSINESS_PATH.matcher(path);
        if (business.matches()) {
            String rest = business.group(2) == null ? "" : business.group(2);
            if (rest.startsWith("/settings")) {
                return read ? READERS : EnumSet.of(Role.ADMIN);
            }
            if (rest.endsWith("/events") || rest.endsWith("/events/verify")) {
                return AUDIT;
            }
            if (rest.endsWith("/call-permission")) {
                return hasAt ? AUDIT : READERS;
            }
            return read ? READERS : EnumSet.of(Role.UPSTREAM);
        }
        if (path.startsWith("/api/v1/events")) {
            return AUDIT;
        }
        if (isWebhook(path) && method.equals("POST")) {
            return EnumSet.of(Role.UPSTREAM);
        }
        if (path.startsWith("/api/v1/dashboard")) {
            return EnumSet.of(Role.DASHBOARD, Role.AUDITOR);
        }
        return EnumSet.of(Role.ADMIN);
    }

    private static String businessOf(String path, String businessParameter) {
        Matcher business = BUSINESS_PATH.matcher(path);
        if (business.matches()) {
            return business.group(1);
        }
        Matcher pair = DASHBOARD_PAIR.matcher(path);
        if (pair.matches()) {
            return pair.group(1);
        }
        return businessParameter;
    }
}
