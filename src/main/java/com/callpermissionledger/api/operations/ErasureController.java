package com.callpermissionledger.api.operations;

import com.callpermissionledger.api.problem.BusinessNotAllowedException;
import com.callpermissionledger.api.problem.Problems;
import com.callpermissionledger.audit.PairErasure;
import com.callpermissionledger.pair.CommandOrigin;
import com.callpermissionledger.policy.PairId;
import com.callpermissionledger.security.ApiKey;
import com.callpermissionledger.security.CurrentKey;
import com.callpermissionledger.security.Scope;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * An erasure request for one user of one business number (ADMIN only); a key limited to some business
 * numbers may only erase in those (the body names the business, so the check is here). See docs/security.md.
 */
@RestController
public class ErasureController {

    private final PairErasure erasure;

    public ErasureController(PairErasure erasure) {
        this.erasure = erasure;
    }

    public record ErasureBody(@NotNull String business, @NotNull String user) {
    }

    @PostMapping("/api/v1/admin/erasures")
    public ResponseEntity<?> erase(@Valid @RequestBody ErasureBody body) {
        PairId pair = new PairId(body.business(), body.user());
        ApiKey key = CurrentKey.get().orElseThrow(() -> new IllegalStateException("the role table lets no anonymous erasure through"));
        if (!key.allowsBusiness(pair.business())) {
            throw new BusinessNotAllowedException(key, Scope.BODY);
        }
        return erasure.erase(pair, CommandOrigin.current().get(CommandOrigin.CLIENT))
                .<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> Problems.answer(Problems.problem(HttpStatus.NOT_FOUND, "UNKNOWN_PAIR", "Unknown pair",
                        "The ledger holds no history for this pair; there is nothing to erase.")));
    }
}
