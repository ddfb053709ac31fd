package com.callpermissionledger.openapi;

import com.callpermissionledger.policy.RefusalCode;
import com.callpermissionledger.policy.RejectionCode;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemCodeTest {

    @Test
    void everyRefusalAndRejectionOfThePolicyIsInTheDocumentedEnum() {
        Stream<String> policyCodes = Stream.concat(Arrays.stream(RefusalCode.values()).map(Enum::name),
                Arrays.stream(RejectionCode.values()).map(Enum::name));

        assertThat(policyCodes).allSatisfy(code -> assertThat(ProblemCode.valueOf(code)).isNotNull());
    }

    @Test
    void everyExampleCarriesItsOwnCodeStatusAndPlatformCode() {
        assertThat(ProblemSchema.example(ProblemCode.CALL_LIMIT_24H)).containsEntry("status", 429)
                .containsEntry("platformCode", 138012).containsEntry("rule", "R-CALL-CAP")
                .containsEntry("retryAt", "2026-11-25T09:00:00Z");
        assertThat(ProblemSchema.example(ProblemCode.NO_PERMISSION)).containsEntry("platformCode", 138006)
                .doesNotContainKey("retryAt");
        assertThat(ProblemSchema.example(ProblemCode.UNAUTHENTICATED)).doesNotContainKeys("rule", "platformCode");
    }
}
