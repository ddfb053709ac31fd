package com.callpermissionledger.api.pair;

import com.callpermissionledger.policy.PairStatus;
import com.callpermissionledger.policy.rule.WindowUsage;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The platform's own {@code call_permissions} answer (Unix seconds, snake_case), so an integrator can
 * switch to the ledger without rewriting, plus the {@code ledger} object the platform cannot give.
 */
public record CallPermissionAnswer(@JsonProperty("messaging_product") String messagingProduct,
                                   Permission permission, List<Action> actions, LedgerView ledger) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Permission(String status, @JsonProperty("expiration_time") Long expirationTime) {
    }

    public record Action(@JsonProperty("action_name") String actionName,
                         @JsonProperty("can_perform_action") boolean canPerformAction, List<Limit> limits) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Limit(@JsonProperty("time_period") String timePeriod, @JsonProperty("max_allowed") int maxAllowed,
                        @JsonProperty("current_usage") int currentUsage,
                        @JsonProperty("limit_expiration_time") Long limitExpirationTime) {
        static Limit of(WindowUsage usage) {
            return new Limit(period(usage.window()), usage.max(), usage.used(), secondsUp(usage.limitExpiresAt()));
        }
    }

    public static CallPermissionAnswer of(PairStatus s) {
        var p = s.permission();
        Permission permission = p == null ? new Permission("no_permission", null)
                : p.isPermanent() ? new Permission("permanent", null)
                : new Permission("temporary", seconds(p.expiresAt()));
        return new CallPermissionAnswer("whatsapp", permission, List.of(
                new Action("send_call_permission_request", s.canRequest(),
                        List.of(Limit.of(s.requests24h()), Limit.of(s.requests7d()))),
                new Action("start_call", s.canCall(), List.of(Limit.of(s.calls24h())))),
                LedgerView.of(s));
    }

    /** The platform writes one day as PT24H and a week as P7D. */
    static String period(Duration d) {
        long days = d.toDays();
        return days > 1 && d.equals(Duration.ofDays(days)) ? "P" + days + "D" : d.toString();
    }

    /** An expiry rounds down: it errs toward "expired sooner". */
    private static Long seconds(Instant instant) {
        return instant == null ? null : instant.getEpochSecond();
    }

    /** A limit's end rounds up: acting at the second given must be allowed. */
    private static Long secondsUp(Instant instant) {
        if (instant == null) {
            return null;
        }
        return instant.getNano() == 0 ? instant.getEpochSecond() : instant.getEpochSecond() + 1;
    }
}
