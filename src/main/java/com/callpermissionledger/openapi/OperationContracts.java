package com.callpermissionledger.openapi;

import com.callpermissionledger.api.dashboard.DashboardController;
import com.callpermissionledger.api.operations.ClockController;
import com.callpermissionledger.api.pair.CallView;
import com.callpermissionledger.api.pair.LedgerView;
import com.callpermissionledger.api.pair.RequestView;
import com.callpermissionledger.audit.PairErasure;
import com.callpermissionledger.audit.Projections;
import com.callpermissionledger.openapi.OperationContract.Kind;
import com.callpermissionledger.security.RoleTable;
import com.callpermissionledger.webhook.WebhookReport;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static com.callpermissionledger.openapi.ProblemCode.*;

/** The table of every operation: one line each, read by {@link ContractCustomizer}. */
final class OperationContracts {

    static final String UPSTREAM = "upstream";
    static final String DASHBOARD = "dashboard";
    static final String AUDITOR = "auditor";
    static final String ADMIN = "admin";

    private static final String PAIR = "/api/v1/businesses/{business}/users/{user}";
    private static final String SETTINGS = "/api/v1/businesses/{business}/settings";

    static final List<OperationContract> ALL = List.of(
            op("POST", PAIR + "/permission-requests", "sendPermissionRequest", UPSTREAM,
                    "Record a call permission request sent to the user", 201, RequestView.class, Kind.COMMAND,
                    REQUEST_LIMIT_24H, REQUEST_LIMIT_7D, PERMANENT_PERMISSION_EXISTS, IDEMPOTENCY_CONFLICT),
            op("GET", PAIR + "/permission-requests/{requestId}", "getPermissionRequest", UPSTREAM,
                    "Read a permission request", 200, RequestView.class, Kind.NO_BODY, UNKNOWN_REQUEST),
            op("POST", PAIR + "/permission-requests/{requestId}/delivered", "markRequestDelivered", UPSTREAM,
                    "Record that a permission request was delivered", 200, RequestView.class, Kind.COMMAND,
                    UNKNOWN_REQUEST, FACT_IN_FUTURE),
            op("POST", PAIR + "/permission-requests/{requestId}/reply", "recordReply", UPSTREAM,
                    "Record the user's reply to a permission request", 200, RequestView.class, Kind.COMMAND,
                    REQUEST_EXPIRED, UNKNOWN_REQUEST, IDEMPOTENCY_CONFLICT, FACT_IN_FUTURE),
            op("POST", PAIR + "/permission/grant", "grantPermission", UPSTREAM,
                    "Record a permission granted from the business profile", 200, LedgerView.class, Kind.COMMAND),
            op("POST", PAIR + "/permission/revoke", "revokePermission", UPSTREAM,
                    "Record a permission revoked from the business profile", 200, LedgerView.class, Kind.COMMAND),
            op("POST", PAIR + "/calls", "placeCall", UPSTREAM,
                    "Ask to place a call: allowed (201) or refused by a rule", 201, CallView.class, Kind.COMMAND,
                    NO_PERMISSION, CALL_LIMIT_24H, IDEMPOTENCY_CONFLICT),
            op("GET", PAIR + "/calls/{callId}", "getCall", UPSTREAM, "Read a call", 200, CallView.class, Kind.NO_BODY,
                    UNKNOWN_CALL),
            op("POST", PAIR + "/calls/{callId}/outcome", "recordCallOutcome", UPSTREAM,
                    "Record how a placed call ended", 200, CallView.class, Kind.COMMAND,
                    UNKNOWN_CALL, OUTCOME_ALREADY_RECORDED, FACT_IN_FUTURE),
            op("POST", PAIR + "/user-calls", "recordUserCall", UPSTREAM,
                    "Record a call from the user to the business", 200, LedgerView.class, Kind.COMMAND,
                    IDEMPOTENCY_CONFLICT, FACT_IN_FUTURE),
            op("POST", RoleTable.WEBHOOK, "receiveWebhook", UPSTREAM,
                    "Take a WhatsApp Cloud API webhook delivery as sent", 200, WebhookReport.class, Kind.COMMAND,
                    MALFORMED_WEBHOOK, BAD_SIGNATURE),
            op("GET", RoleTable.WEBHOOK, "verifyWebhook", UPSTREAM,
                    "Answer the platform's webhook verification handshake", 200, String.class, Kind.NO_BODY,
                    WEBHOOK_NOT_VERIFIED),
            op("GET", PAIR + "/call-permission", "getCallPermission", UPSTREAM,
                    "May I call? The platform's answer shape, now or (with at) at a past instant", 200, null, Kind.NO_BODY),
            op("GET", SETTINGS, "getSettings", UPSTREAM, "Read a business number's callback setting and policy",
                    200, null, Kind.NO_BODY),
            op("PUT", SETTINGS, "changeSettings", ADMIN, "Change a business number's callback setting or policy",
                    200, null, Kind.COMMAND),
            op("GET", "/api/v1/businesses/{business}/rules", "getRules", DASHBOARD,
                    "The rules in force for a business number: its policy's numbers, each rule's wording", 200, null,
                    Kind.NO_BODY),
            op("GET", PAIR + "/events", "getPairHistory", AUDITOR, "Read a pair's full history", 200, null, Kind.NO_BODY),
            op("GET", PAIR + "/events/verify", "verifyPairChain", AUDITOR, "Verify a pair's hash chain", 200, null,
                    Kind.NO_BODY),
            op("GET", "/api/v1/events", "streamEvents", AUDITOR, "Page through every stored event in order", 200,
                    null, Kind.NO_BODY),
            op("GET", "/api/v1/events/export", "exportEvents", AUDITOR, "Export events as NDJSON", 200, null,
                    Kind.NO_BODY),
            op("GET", "/api/v1/events/verify", "verifyAllChains", AUDITOR, "Verify every stream's hash chain", 200,
                    null, Kind.NO_BODY),
            op("GET", "/api/v1/dashboard/pairs", "listPairs", DASHBOARD, "List pairs, filtered and paged", 200, null,
                    Kind.NO_BODY),
            op("GET", "/api/v1/dashboard/pairs/{business}/{user}", "getPair", DASHBOARD,
                    "Read one pair and the latest page of its timeline", 200, DashboardController.PairDetail.class,
                    Kind.NO_BODY, UNKNOWN_PAIR),
            op("GET", "/api/v1/dashboard/pairs/{business}/{user}/timeline", "getPairTimeline", DASHBOARD,
                    "Read a page of a pair's timeline", 200, null, Kind.NO_BODY),
            op("GET", "/api/v1/dashboard/requests", "listRequests", DASHBOARD,
                    "List permission requests, filtered and paged", 200, null, Kind.NO_BODY),
            op("GET", "/api/v1/dashboard/calls", "listCalls", DASHBOARD, "List calls, filtered and paged", 200, null,
                    Kind.NO_BODY),
            op("GET", "/api/v1/dashboard/summary", "getSummary", DASHBOARD, "Counts per business number", 200, null,
                    Kind.NO_BODY),
            op("GET", "/api/v1/admin/projections", "listProjections", ADMIN, "Where each projection is", 200, null,
                    Kind.NO_BODY),
            op("POST", "/api/v1/admin/projections/{name}/rebuild", "rebuildProjection", ADMIN,
                    "Rebuild a projection by replaying every event", 202, Projections.Status.class, Kind.NO_BODY,
                    UNKNOWN_PROJECTION),
            op("POST", "/api/v1/admin/erasures", "erasePair", ADMIN, "Erase one user's data from one business number",
                    200, PairErasure.Result.class, Kind.BODY, UNKNOWN_PAIR),
            op("POST", "/api/v1/admin/clock", "advanceClock", ADMIN,
                    "Move the simulated clock forward (profile simulation only)", 200, ClockController.Now.class,
                    Kind.BODY));

    static final Map<String, OperationContract> BY_KEY = ALL.stream()
            .collect(Collectors.toMap(OperationContract::key, Function.identity()));

    private OperationContracts() {
    }

    private static OperationContract op(String method, String path, String id, String tag, String summary,
                                        int success, Class<?> body, Kind kind, ProblemCode... problems) {
        return new OperationContract(method, path, id, tag, summary, success, body, kind, List.of(problems));
    }
}
