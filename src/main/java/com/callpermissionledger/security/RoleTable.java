package com.callpermissionledger.security;

import java.util.List;
import java.util.Set;

import static com.callpermissionledger.security.Role.ADMIN;
import static com.callpermissionledger.security.Role.AUDITOR;
import static com.callpermissionledger.security.Role.DASHBOARD;
import static com.callpermissionledger.security.Role.UPSTREAM;

/**
 * The role table of docs/security.md, the one place it is written in code: the web security chain is built
 * from it, row by row, and a request no row matches reaches no handler. Rows are tried in order; the first
 * match decides.
 */
public final class RoleTable {

    private static final String PAIR = "/api/v1/businesses/{business}/users/{user}";
    /** The platform's webhook: its GET handshake is checked by the verify token, its deliveries by signature or key. */
    public static final String WEBHOOK = "/api/v1/webhooks/whatsapp";
    private static final Set<Role> READERS = Set.of(UPSTREAM, DASHBOARD, AUDITOR, ADMIN);
    private static final Set<Role> WRITERS = Set.of(UPSTREAM, ADMIN);
    private static final Set<Role> VIEWERS = Set.of(DASHBOARD, AUDITOR, ADMIN);
    private static final Set<Role> AUDIT = Set.of(AUDITOR, ADMIN);
    private static final Set<Role> ADMINS = Set.of(ADMIN);

    public static final List<AccessRule> ROWS = List.of(
            open("/actuator/health"),
            open("/actuator/health/**"),
            open("/dashboard/**"),
            open("/v3/api-docs/**"),
            open("/v3/api-docs.yaml"),
            open("/swagger-ui.html"),
            open("/swagger-ui/**"),
            open("/favicon.ico"),
            open(WEBHOOK),

            row("POST", PAIR + "/permission-requests", WRITERS, Scope.PATH),
            row("GET", PAIR + "/permission-requests/{requestId}", READERS, Scope.PATH),
            row("POST", PAIR + "/permission-requests/{requestId}/delivered", WRITERS, Scope.PATH),
            row("POST", PAIR + "/permission-requests/{requestId}/reply", WRITERS, Scope.PATH),
            row("POST", PAIR + "/permission/grant", WRITERS, Scope.PATH),
            row("POST", PAIR + "/permission/revoke", WRITERS, Scope.PATH),
            row("POST", PAIR + "/calls", WRITERS, Scope.PATH),
            row("GET", PAIR + "/calls/{callId}", READERS, Scope.PATH),
            row("POST", PAIR + "/calls/{callId}/outcome", WRITERS, Scope.PATH),
            row("POST", PAIR + "/user-calls", WRITERS, Scope.PATH),
            new AccessRule("GET", PAIR + "/call-permission", "at", AUDIT, Scope.PATH),
            row("GET", PAIR + "/call-permission", READERS, Scope.PATH),
            row("GET", PAIR + "/events", AUDIT, Scope.PATH),
            row("GET", PAIR + "/events/verify", AUDIT, Scope.PATH),
            row("GET", "/api/v1/businesses/{business}/settings", READERS, Scope.PATH),
            row("PUT", "/api/v1/businesses/{business}/settings", ADMINS, Scope.PATH),
            row("GET", "/api/v1/businesses/{business}/rules", READERS, Scope.PATH),

            row("GET", "/api/v1/dashboard/pairs", VIEWERS, Scope.QUERY),
            row("GET", "/api/v1/dashboard/requests", VIEWERS, Scope.QUERY),
            row("GET", "/api/v1/dashboard/calls", VIEWERS, Scope.QUERY),
            row("GET", "/api/v1/dashboard/summary", VIEWERS, Scope.QUERY),
            row("GET", "/api/v1/dashboard/pairs/{business}/{user}", VIEWERS, Scope.PATH),
            row("GET", "/api/v1/dashboard/pairs/{business}/{user}/timeline", VIEWERS, Scope.PATH),

            row("GET", "/api/v1/events", AUDIT, Scope.LEDGER),
            row("GET", "/api/v1/events/export", AUDIT, Scope.LEDGER),
            row("GET", "/api/v1/events/verify", AUDIT, Scope.LEDGER),

            row("POST", WEBHOOK, WRITERS, Scope.SIGNATURE),

            row("GET", "/api/v1/admin/projections", ADMINS, Scope.LEDGER),
            row("POST", "/api/v1/admin/projections/{name}/rebuild", ADMINS, Scope.LEDGER),
            row("POST", "/api/v1/admin/clock", ADMINS, Scope.LEDGER),
            row("POST", "/api/v1/admin/erasures", ADMINS, Scope.BODY),
            row("GET", "/actuator/**", ADMINS, Scope.LEDGER));

    private RoleTable() {
    }

    private static AccessRule open(String path) {
        return new AccessRule("GET", path, null, Set.of(), Scope.OPEN);
    }

    private static AccessRule row(String method, String path, Set<Role> roles, Scope scope) {
        return new AccessRule(method, path, null, roles, scope);
    }
}
