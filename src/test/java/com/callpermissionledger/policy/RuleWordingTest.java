package com.callpermissionledger.policy;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RuleId} is the one place the rules' one-line wording is kept (the API sends it, the dashboard shows it):
 * every rule id docs/rules.md names has its wording there and no other id is there. The wording names no number,
 * because the numbers belong to the policy in force and are sent beside it.
 */
class RuleWordingTest {

    private static final Pattern RULE = Pattern.compile("`(R-[A-Z0-9-]+)`");

    @Test
    void everyRuleOfRulesMdHasItsWordingAndNoOtherIsThere() throws Exception {
        Set<String> documented = new TreeSet<>();
        Matcher m = RULE.matcher(Files.readString(Path.of("docs/rules.md")));
        while (m.find()) {
            documented.add(m.group(1));
        }
        assertThat(documented).as("rule ids found in docs/rules.md").hasSizeGreaterThanOrEqualTo(16);
        Set<String> worded = new TreeSet<>();
        for (RuleId rule : RuleId.values()) {
            assertThat(rule.words()).as("wording of %s", rule.id()).isNotBlank().doesNotContainPattern("[0-9]");
            worded.add(rule.id());
        }
        assertThat(worded).isEqualTo(documented);
    }

    @Test
    void everyExpiryReasonHasItsWordsAndMeaningWithoutANumber() {
        Arrays.stream(RequestExpiryReason.values()).forEach(reason -> {
            assertThat(reason.words()).as("words of %s", reason).isNotBlank().doesNotContainPattern("[0-9]");
            assertThat(reason.meaning()).as("meaning of %s", reason).isNotBlank().doesNotContainPattern("[0-9]");
        });
        assertThat(RequestExpiryReason.NO_RESPONSE.words()).as("the dashboard's marker").isEqualTo("no response");
    }
}
