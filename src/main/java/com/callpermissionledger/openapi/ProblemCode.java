package com.callpermissionledger.openapi;

/**
 * Every stable {@code code} a problem+json answer can carry, with its HTTP status and title: the enum of the
 * {@code Problem} schema. The refusals (recorded decisions) and rejections of the policy must all be here;
 * {@code ProblemCodeTest} holds this list to {@code RefusalCode} and {@code RejectionCode}.
 */
public enum ProblemCode {
    INVALID_REQUEST(400, "Invalid request", "The body is not valid JSON for this request. Nothing was recorded."),
    INVALID_IDENTIFIER(400, "Invalid identifier", "The callId is not valid: 1-128 characters of A-Z a-z 0-9 . _ - : = +. Nothing was recorded."),
    REQUEST_REJECTED(400, "Request refused", "The request's path or headers are not allowed (encoded slashes, dot segments, semicolons or control characters). Nothing was recorded."),
    MALFORMED_WEBHOOK(400, "Not a webhook", "The body must be the platform's JSON envelope with object whatsapp_business_account; nothing was recorded."),
    BAD_SIGNATURE(401, "Signature mismatch", "X-Hub-Signature-256 must be sha256= and the HMAC-SHA256 of the raw body under the app secret; nothing was recorded."),
    UNAUTHENTICATED(401, "API key required", "Send a valid API key in the X-Api-Key header."),
    FORBIDDEN(403, "Not allowed for this key", "The key 'team-leads' has role DASHBOARD, which may not POST this resource."),
    BUSINESS_NOT_ALLOWED(403, "Not allowed for this business", "The key 'acme' is limited to its own business numbers; name one of them (in the path or the business parameter)."),
    WEBHOOK_NOT_VERIFIED(403, "Webhook verification failed", "Send hub.mode=subscribe, the hub.verify_token configured as ledger.webhooks.verify-token, and a hub.challenge of letters and digits."),
    NO_PERMISSION(403, "No call permission", "Rule R-PERMISSION-REQUIRED: the user has not granted call permission. Send a permission request first."),
    UNKNOWN_REQUEST(404, "Unknown request", "The ledger has no permission request wamid.1 for this pair."),
    UNKNOWN_CALL(404, "Unknown call", "No call wacid.1 was placed through the ledger for this pair."),
    UNKNOWN_PAIR(404, "Unknown pair", "The ledger holds no history for this pair; there is nothing to erase."),
    UNKNOWN_PROJECTION(404, "Unknown projection", "There is no projection 'x'; GET /api/v1/admin/projections lists them."),
    NOT_FOUND(404, "Not found", "There is no such resource; see /v3/api-docs for the API."),
    METHOD_NOT_ALLOWED(405, "Method not allowed", "This resource does not accept DELETE."),
    IDEMPOTENCY_CONFLICT(409, "Id already used with other content", "The call id wacid.1 was already used with other content."),
    OUTCOME_ALREADY_RECORDED(409, "Outcome already recorded", "The call wacid.1 already has the outcome CONNECTED."),
    PERMANENT_PERMISSION_EXISTS(409, "Permanent permission already exists", "Rule R-REQUEST-WHILE-PERMANENT: the user already granted permanent permission; no request is needed."),
    REQUEST_EXPIRED(409, "Permission request expired", "Rule R-REQUEST-EXPIRY: the request expired; send a new one."),
    PAYLOAD_TOO_LARGE(413, "Body too large", "The body is larger than 16 KiB. Nothing was recorded."),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type", "Send the body as application/json."),
    FACT_IN_FUTURE(422, "Fact dated in the future", "Rule R-FACT-TIME: occurredAt is more than 60 s after the ledger's clock; nothing was recorded."),
    RATE_LIMITED(429, "Too many requests", "The key 'crm-backend' is over its rate limit; retry after 1 s."),
    REQUEST_LIMIT_24H(429, "Permission request limit (24 h) reached", "Rule R-REQUEST-24H: 1 of 1 permission requests allowed per rolling 24 h was already sent. Send again at retryAt."),
    REQUEST_LIMIT_7D(429, "Permission request limit (7 days) reached", "Rule R-REQUEST-7D: 2 of 2 permission requests allowed per rolling 7 days were already sent. Send again at retryAt."),
    CALL_LIMIT_24H(429, "Call limit (24 h) reached", "Rule R-CALL-CAP: 5 of 5 connected or in-flight calls allowed per rolling 24 h were already placed to this user. Call again at retryAt."),
    INTERNAL_ERROR(500, "Internal error", "The ledger could not answer; nothing may have been recorded. Retry the same command: commands are idempotent."),
    LEDGER_BUSY(503, "Ledger busy", "The ledger is busy; nothing was recorded. Send the same command again at retryAt.");

    private final int status;
    private final String title;
    private final String exampleDetail;

    ProblemCode(int status, String title, String exampleDetail) {
        this.status = status;
        this.title = title;
        this.exampleDetail = exampleDetail;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String exampleDetail() {
        return exampleDetail;
    }

    public String type() {
        return "urn:call-permission-ledger:problem:" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
