package com.callpermissionledger.api.pair;

import com.callpermissionledger.api.AuditParameters;
import com.callpermissionledger.api.problem.InvalidFilterException;
import com.callpermissionledger.api.problem.Problems;
import com.callpermissionledger.audit.PointInTime;
import com.callpermissionledger.pair.PairHistory;
import com.callpermissionledger.pair.PairLedger;
import com.callpermissionledger.policy.MessageIds;
import com.callpermissionledger.policy.PairId;
import com.callpermissionledger.policy.command.PlaceCall;
import com.callpermissionledger.policy.command.RecordCallOutcome;
import com.callpermissionledger.policy.command.RecordUserCall;
import com.callpermissionledger.policy.state.PairState;
import jakarta.validation.Valid;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Calls: asking to place one, its outcome, calls from the user, and the "may I?" status query. */
@RestController
@RequestMapping("/api/v1/businesses/{business}/users/{user}")
public class CallController {

    private final PairLedger ledger;
    private final PairHistory history;
    private final PairAnswers answers;
    private final PointInTime pointInTime;

    public CallController(PairLedger ledger, PairHistory history, PairAnswers answers, PointInTime pointInTime) {
        this.ledger = ledger;
        this.history = history;
        this.answers = answers;
        this.pointInTime = pointInTime;
    }

    @PostMapping("/calls")
    public ResponseEntity<?> placeCall(@PathVariable String business, @PathVariable String user,
                                       @Valid @RequestBody Bodies.CallBody body) {
        PairId pair = new PairId(business, user);
        var outcome = ledger.handle(new PlaceCall(pair, body.callId()));
        return answers.answer(pair, outcome, HttpStatus.CREATED, (s, l) -> call(s, body.callId(), l));
    }

    @GetMapping("/calls/{callId}")
    public ResponseEntity<?> getCall(@PathVariable String business, @PathVariable String user,
                                     @PathVariable String callId) {
        PairId pair = new PairId(business, user);
        MessageIds.require("callId", callId);
        PairState state = answers.current(pair, history.state(pair));
        if (!state.calls().containsKey(callId)) {
            return Problems.answer(Problems.problem(HttpStatus.NOT_FOUND, "UNKNOWN_CALL", "Unknown call",
                    "No call " + callId + " was placed through the ledger for this pair."));
        }
        return ResponseEntity.ok(call(state, callId, answers.ledger(pair, state)));
    }

    @PostMapping("/calls/{callId}/outcome")
    public ResponseEntity<?> outcome(@PathVariable String business, @PathVariable String user,
                                     @PathVariable String callId, @Valid @RequestBody Bodies.OutcomeBody body) {
        PairId pair = new PairId(business, user);
        var outcome = ledger.handle(new RecordCallOutcome(pair, callId, body.outcome(), body.when(), false));
        return answers.answer(pair, outcome, HttpStatus.OK, (s, l) -> call(s, callId, l));
    }

    @PostMapping("/user-calls")
    public ResponseEntity<?> userCall(@PathVariable String business, @PathVariable String user,
                                      @Valid @RequestBody Bodies.UserCallBody body) {
        PairId pair = new PairId(business, user);
        var outcome = ledger.handle(new RecordUserCall(pair, body.callId(), body.outcome(), body.when()));
        return answers.answer(pair, outcome, HttpStatus.OK, (s, l) -> l);
    }

    /** With {@code at}, the answer the ledger would have given at that past instant (see docs/audit.md). */
    @GetMapping("/call-permission")
    public CallPermissionAnswer callPermission(@PathVariable String business, @PathVariable String user,
                                               @RequestParam(required = false) String at) {
        PairId pair = new PairId(business, user);
        Instant instant = AuditParameters.instant("at", at);
        if (instant == null) {
            return CallPermissionAnswer.of(answers.status(pair, history.state(pair)));
        }
        if (instant.isAfter(answers.clock().instant())) {
            throw new InvalidFilterException("at must not be in the future: the ledger answers for the past");
        }
        return CallPermissionAnswer.of(pointInTime.statusAt(pair, instant));
    }

    private static CallView call(PairState state, String callId, LedgerView ledgerView) {
        return CallView.of(state.calls().get(callId), ledgerView);
    }
}
