package com.callpermissionledger.api.pair;

import com.callpermissionledger.api.problem.Problems;
import com.callpermissionledger.pair.PairHistory;
import com.callpermissionledger.pair.PairLedger;
import com.callpermissionledger.policy.MessageIds;
import com.callpermissionledger.policy.PairId;
import com.callpermissionledger.policy.command.GrantPermission;
import com.callpermissionledger.policy.command.MarkRequestDelivered;
import com.callpermissionledger.policy.command.RecordReply;
import com.callpermissionledger.policy.command.RevokePermission;
import com.callpermissionledger.policy.command.SendPermissionRequest;
import com.callpermissionledger.policy.state.PairState;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Permission requests, replies, and grants or revocations from the business profile. */
@RestController
@RequestMapping("/api/v1/businesses/{business}/users/{user}")
public class PairController {

    private final PairLedger ledger;
    private final PairHistory history;
    private final PairAnswers answers;

    public PairController(PairLedger ledger, PairHistory history, PairAnswers answers) {
        this.ledger = ledger;
        this.history = history;
        this.answers = answers;
    }

    @PostMapping("/permission-requests")
    public ResponseEntity<?> sendRequest(@PathVariable String business, @PathVariable String user,
                                         @Valid @RequestBody Bodies.PermissionRequestBody body) {
        PairId pair = new PairId(business, user);
        var outcome = ledger.handle(new SendPermissionRequest(pair, body.requestId(), body.channel()));
        return answers.answer(pair, outcome, HttpStatus.CREATED, (s, l) -> request(s, body.requestId(), l));
    }

    @GetMapping("/permission-requests/{requestId}")
    public ResponseEntity<?> getRequest(@PathVariable String business, @PathVariable String user,
                                        @PathVariable String requestId) {
        PairId pair = new PairId(business, user);
        MessageIds.require("requestId", requestId);
        PairState state = answers.current(pair, history.state(pair));
        if (!state.requests().containsKey(requestId)) {
            return Problems.answer(Problems.problem(HttpStatus.NOT_FOUND, "UNKNOWN_REQUEST", "Unknown request",
                    "The ledger has no permission request " + requestId + " for this pair."));
        }
        return ResponseEntity.ok(request(state, requestId, answers.ledger(pair, state)));
    }

    @PostMapping("/permission-requests/{requestId}/delivered")
    public ResponseEntity<?> delivered(@PathVariable String business, @PathVariable String user,
                                       @PathVariable String requestId,
                                       @RequestBody(required = false) Bodies.EmptyBody body) {
        PairId pair = new PairId(business, user);
        var outcome = ledger.handle(new MarkRequestDelivered(pair, requestId, body == null ? null : body.when()));
        return answers.answer(pair, outcome, HttpStatus.OK, (s, l) -> request(s, requestId, l));
    }

    @PostMapping("/permission-requests/{requestId}/reply")
    public ResponseEntity<?> reply(@PathVariable String business, @PathVariable String user,
                                   @PathVariable String requestId, @Valid @RequestBody Bodies.ReplyBody body) {
        PairId pair = new PairId(business, user);
        var outcome = ledger.handle(new RecordReply(pair, requestId, body.response(), body.isPermanent(), body.when(),
                null));
        return answers.answer(pair, outcome, HttpStatus.OK, (s, l) -> request(s, requestId, l));
    }

    @PostMapping("/permission/grant")
    public ResponseEntity<?> grant(@PathVariable String business, @PathVariable String user,
                                   @Valid @RequestBody Bodies.GrantBody body) {
        PairId pair = new PairId(business, user);
        var outcome = ledger.handle(new GrantPermission(pair, body.isPermanent()));
        return answers.answer(pair, outcome, HttpStatus.OK, (s, l) -> l);
    }

    @PostMapping("/permission/revoke")
    public ResponseEntity<?> revoke(@PathVariable String business, @PathVariable String user,
                                    @Valid @RequestBody Bodies.RevokeBody body) {
        PairId pair = new PairId(business, user);
        var outcome = ledger.handle(new RevokePermission(pair));
        return answers.answer(pair, outcome, HttpStatus.OK, (s, l) -> l);
    }

    private RequestView request(PairState state, String requestId, LedgerView ledgerView) {
        return RequestView.of(state.requests().get(requestId), answers.clock().instant(), ledgerView);
    }
}
