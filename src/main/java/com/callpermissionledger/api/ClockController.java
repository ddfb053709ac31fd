package com.callpermissionledger.api;

import com.callpermissionledger.time.SimulatedClock;
import jakarta.validation.Valid;
import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Moves the simulated clock forward; exists only under the {@code simulation} profile. */
@RestController
@Profile("simulation")
@RequestMapping("/api/v1/admin/clock")
public class ClockController {

    private final SimulatedClock clock;

    public ClockController(SimulatedClock clock) {
        this.clock = clock;
    }

    public record Now(Instant now) {
    }

    @PostMapping
    public ResponseEntity<?> advance(@Valid @RequestBody Bodies.ClockBody body) {
        Duration advance;
        try {
            advance = Duration.parse(body.advance());
        } catch (DateTimeParseException e) {
            return ProblemAdvice.invalid("advance must be an ISO-8601 duration such as PT24H or P7D.");
        }
        if (advance.isNegative()) {
            return ProblemAdvice.invalid("advance must not be negative: the simulated clock only moves forward.");
        }
        return ResponseEntity.ok(new Now(clock.advance(advance)));
    }
}
