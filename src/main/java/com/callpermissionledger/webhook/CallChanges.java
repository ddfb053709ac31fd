package com.callpermissionledger.webhook;

import com.callpermissionledger.policy.CallOutcome;
import com.callpermissionledger.policy.PairId;
import com.callpermissionledger.policy.UserCallOutcome;
import com.callpermissionledger.policy.command.PairCommand;
import com.callpermissionledger.policy.command.RecordCallOutcome;
import com.callpermissionledger.policy.command.RecordUserCall;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@code calls} change. Connected only when the user picked up ({@code ACCEPTED} seen, or a terminate
 * with {@code start_time}, which wins over an error the call ended with); rejected on {@code REJECTED};
 * a technical failure on a terminate without {@code start_time} carrying a 13801x/13802x error;
 * unanswered on a terminate with neither. A {@code connect} event and {@code RINGING} say nothing.
 */
@Component
class CallChanges {

    private final PlatformUsers users;

    CallChanges(PlatformUsers users) {
        this.users = users;
    }

    /** A call status: only business-initiated calls ring the user, so these are business calls. */
    PairCommand status(String business, MessagesValue.Status s) {
        String status = s.status() == null ? "" : s.status().toUpperCase(Locale.ROOT);
        CallOutcome outcome = switch (status) {
            case "ACCEPTED" -> CallOutcome.CONNECTED;
            case "REJECTED" -> CallOutcome.REJECTED;
            default -> null;
        };
        if (outcome == null) {
            return null;
        }
        PairId pair = users.pair(business, s.recipientId(), s.recipientUserId());
        return new RecordCallOutcome(pair, callId(s.id()), outcome, PlatformTime.required(s.timestamp(), "timestamp"),
                true);
    }

    PairCommand event(String business, CallsValue value, CallsValue.CallEvent c) {
        if (!"terminate".equalsIgnoreCase(c.event())) {
            return null;
        }
        String display = value.metadata() == null ? null : digits(value.metadata().displayPhoneNumber());
        boolean userInitiated = userInitiated(c, display);
        PairId pair = userParty(business, c, userInitiated, display);
        Instant start = PlatformTime.of(c.startTime(), "start_time");
        Instant ended = PlatformTime.of(c.timestamp(), "timestamp");
        if (ended == null) {
            ended = PlatformTime.required(c.endTime(), "timestamp");
        }
        if (userInitiated) {
            return new RecordUserCall(pair, callId(c.id()), start != null ? UserCallOutcome.CONNECTED
                    : UserCallOutcome.MISSED, start != null ? start : ended);
        }
        CallOutcome outcome = start != null ? CallOutcome.CONNECTED
                : technicalFailure(c, value) ? CallOutcome.FAILED : CallOutcome.UNANSWERED;
        return new RecordCallOutcome(pair, callId(c.id()), outcome, start != null ? start : ended, true);
    }

    private static boolean userInitiated(CallsValue.CallEvent c, String display) {
        if (c.direction() != null) {
            return switch (c.direction().toUpperCase(Locale.ROOT)) {
                case "USER_INITIATED" -> true;
                case "BUSINESS_INITIATED" -> false;
                default -> throw new BadChangeException("unknown call direction " + c.direction());
            };
        }
        if (display != null && display.equals(digits(c.to()))) {
            return true;
        }
        if (display != null && display.equals(digits(c.from()))) {
            return false;
        }
        throw new BadChangeException("a terminate without direction whose parties do not include the business number");
    }

    /** The user is the party that is not the business number, whichever way round the payload names them. */
    private PairId userParty(String business, CallsValue.CallEvent c, boolean userInitiated, String display) {
        boolean userIsFrom = userInitiated;
        String expected = userIsFrom ? c.from() : c.to();
        if (display != null && display.equals(digits(expected))) {
            userIsFrom = !userIsFrom;
        }
        return userIsFrom ? users.pair(business, c.from(), c.fromUserId()) : users.pair(business, c.to(), c.toUserId());
    }

    /** 138010 to 138029: the platform's technical failures of a call (setup, relay, media). */
    private static boolean technicalFailure(CallsValue.CallEvent c, CallsValue value) {
        List<CallsValue.PlatformError> errors = new ArrayList<>();
        if (c.errors() != null) {
            errors.addAll(c.errors());
        }
        if (value.errors() != null) {
            errors.addAll(value.errors());
        }
        return errors.stream().map(CallsValue.PlatformError::code)
                .anyMatch(code -> code != null && code.asText().matches("1380[12][0-9]"));
    }

    private static String callId(String id) {
        if (id == null) {
            throw new BadChangeException("a call without an id");
        }
        return id;
    }

    private static String digits(String phone) {
        return phone == null ? null : phone.replaceAll("[^0-9]", "");
    }
}
