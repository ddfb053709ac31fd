package com.callpermissionledger.api.pair;

import com.callpermissionledger.api.AuditParameters;
import com.callpermissionledger.policy.CallOutcome;
import com.callpermissionledger.policy.Channel;
import com.callpermissionledger.policy.ReplyResponse;
import com.callpermissionledger.policy.UserCallOutcome;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;

/** The JSON bodies of the pair commands; unknown fields, duplicate keys and coerced scalars are refused. */
final class Bodies {

    private Bodies() {
    }

    /** Only the business profile grants and revokes through these endpoints. */
    enum ProfileSource { BUSINESS_PROFILE }

    record PermissionRequestBody(@NotNull String requestId, @NotNull Channel channel) {
    }

    /** A delivery report; {@code occurredAt} (ISO-8601, optional) is when the platform delivered it. */
    record EmptyBody(String occurredAt) {
        Instant when() {
            return AuditParameters.instant("occurredAt", occurredAt);
        }
    }

    record ReplyBody(@NotNull ReplyResponse response, Boolean permanent, String occurredAt) {
        boolean isPermanent() {
            return Boolean.TRUE.equals(permanent);
        }

        Instant when() {
            return AuditParameters.instant("occurredAt", occurredAt);
        }
    }

    record GrantBody(@NotNull ProfileSource source, Boolean permanent) {
        boolean isPermanent() {
            return Boolean.TRUE.equals(permanent);
        }
    }

    record RevokeBody(@NotNull ProfileSource source) {
    }

    record CallBody(@NotNull String callId) {
    }

    /** {@code occurredAt}: when the call connected (CONNECTED), else when it ended. */
    record OutcomeBody(@NotNull CallOutcome outcome, String occurredAt) {
        Instant when() {
            return AuditParameters.instant("occurredAt", occurredAt);
        }
    }

    record UserCallBody(@NotNull String callId, @NotNull UserCallOutcome outcome, String occurredAt) {
        Instant when() {
            return AuditParameters.instant("occurredAt", occurredAt);
        }
    }
}
