package com.callpermissionledger.api.dashboard;

import com.callpermissionledger.policy.PairId;
import com.callpermissionledger.policy.Policy;
import com.callpermissionledger.policy.RequestExpiryReason;
import com.callpermissionledger.policy.RuleId;
import com.callpermissionledger.settings.BusinessSettings;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.List;

/**
 * The rules as they stand for one business number: the numbers of the policy in force for it, each rule's
 * wording ({@link RuleId}) and each request expiry reason's ({@link RequestExpiryReason}). The dashboard reads
 * its tooltips and markers from here, so it holds no copy of either. Read under the business, so a key
 * limited to some business numbers may read it for those.
 */
@RestController
public class RuleController {

    private final BusinessSettings settings;

    public RuleController(BusinessSettings settings) {
        this.settings = settings;
    }

    public record RulesInForce(String business, PolicyNumbers policy, List<RuleWords> rules,
                               List<ExpiryWords> requestExpiryReasons) {
    }

    /** {@link Policy} as sent: durations as ISO-8601 text (PT24H, P7D), as everywhere else in the API. */
    public record PolicyNumbers(String name, boolean permanentPermissions, String temporaryValidity, int callCap,
                                String callWindow, int requestCapShort, String requestWindowShort,
                                int requestCapLong, String requestWindowLong, int warnAfterMisses,
                                int revokeAfterMisses, String requestExpiry) {
        static PolicyNumbers of(Policy p) {
            return new PolicyNumbers(p.name(), p.permanentPermissions(), p.temporaryValidity().toString(),
                    p.callCap(), p.callWindow().toString(), p.requestCapShort(), p.requestWindowShort().toString(),
                    p.requestCapLong(), p.requestWindowLong().toString(), p.warnAfterMisses(),
                    p.revokeAfterMisses(), p.requestExpiry().toString());
        }
    }

    public record RuleWords(String id, String words) {
    }

    public record ExpiryWords(String reason, String words, String meaning) {
    }

    private static final List<RuleWords> RULES = Arrays.stream(RuleId.values())
            .map(r -> new RuleWords(r.id(), r.words())).toList();
    private static final List<ExpiryWords> EXPIRY_REASONS = Arrays.stream(RequestExpiryReason.values())
            .map(r -> new ExpiryWords(r.name(), r.words(), r.meaning())).toList();

    @GetMapping("/api/v1/businesses/{business}/rules")
    public RulesInForce rules(@PathVariable String business) {
        PairId.requireValidBusiness(business);
        return new RulesInForce(business, PolicyNumbers.of(settings.termsFor(business).policy()), RULES,
                EXPIRY_REASONS);
    }
}
