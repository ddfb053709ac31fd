package com.callpermissionledger.api.operations;

import com.callpermissionledger.api.problem.ProblemAdvice;
import com.callpermissionledger.time.SimulatedClock;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Moves the simulated clock forward; exists only under the {@code simulation} profile. An advance is
 * 0 to 100 years in whole milliseconds, so every instant the ledger records stays a whole millisecond.
 */
@RestController
@Profile("simulation")
@RequestMapping("/api/v1/admin/clock")
public class ClockController {

    /** More than any scenario needs, and far below what the clock and the databases can hold. */
    static final Duration MAX_ADVANCE = Duration.ofDays(36_500);

    private final SimulatedClock clock;

    public ClockController(SimulatedClock clock) {
        this.clock = clock;
    }

    /** An ISO-8601 duration as text; a bare number is refused rather than read as seconds. */
    record ClockBody(@NotNull String advance) {
    }

    public record Now(Instant now) {
    }

    @PostMapping
    public ResponseEntity<?> advance(@Valid @RequestBody ClockBody body) {
        Duration advance;
        try {
            advance = Duration.parse(body.advance());
        } catch (DateTimeParseException e) {
            return ProblemAdvice.invalid("advance must be an ISO-8601 duration such as PT24H or P7D.");
        }
        if (advance.isNegative()) {
            return ProblemAdvice.invalid("advance must not be negative: the simulated clock only moves forward.");
        }
        if (advance.compareTo(MAX_ADVANCE) > 0) {
            return ProblemAdvice.invalid("advance must be at most " + MAX_ADVANCE + " (100 years) at a time.");
        }
        if (advance.getNano() % 1_000_000 != 0) {
            return ProblemAdvice.invalid("advance must be whole milliseconds (such as PT0.001S): the ledger's "
                    + "instants are whole milliseconds.");
        }
        try {
            return ResponseEntity.ok(new Now(clock.advance(advance)));
        } catch (DateTimeException | ArithmeticException beyondTheClock) {
            return ProblemAdvice.invalid("advance would move the clock beyond the instants it can hold.");
        }
    }
}
