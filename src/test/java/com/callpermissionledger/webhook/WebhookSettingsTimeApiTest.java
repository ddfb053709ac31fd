package com.callpermissionledger.webhook;

import com.callpermissionledger.http.Answer;

import com.callpermissionledger.policy.CallbackPermission;
import com.callpermissionledger.settings.BusinessSettingsChanged;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.callpermissionledger.webhook.Payloads.envelope;
import static com.callpermissionledger.webhook.Payloads.settings;
import static org.assertj.core.api.Assertions.assertThat;

/** R-FACT-TIME for the callback setting: the platform's timestamp dates it, as every other webhook fact. */
class WebhookSettingsTimeApiTest extends WebhookApiSupport {

    @Test
    void anHourLateSettingsChangeIsRecordedWithThePlatformsTime() {
        String business = "2" + unique();
        Instant changed = alignToWholeSecond();
        advance(Duration.ofHours(1));

        JsonNode report = deliver(envelope(settings(business, "ENABLED", changed)));

        assertThat(report.get("recorded").asInt()).isEqualTo(1);
        assertThat(changes(business)).singleElement().satisfies(c -> {
            assertThat(c.occurredAt()).isEqualTo(changed);
            assertThat(c.callbackPermission()).isEqualTo(CallbackPermission.ENABLED);
        });
        assertThat(callbackSetting(business)).isEqualTo("ENABLED");
    }

    @Test
    void aLateChangeDatedBeforeANewerOneLeavesTheNewerStanding() {
        String business = "2" + unique();
        Instant first = alignToWholeSecond();
        advance(Duration.ofMinutes(30));

        deliver(envelope(settings(business, "DISABLED", first.plusSeconds(600))));
        deliver(envelope(settings(business, "ENABLED", first.plusSeconds(900))));
        JsonNode late = deliver(envelope(settings(business, "DISABLED", first)));
        JsonNode again = deliver(envelope(settings(business, "ENABLED", first.plusSeconds(900))));

        assertThat(late.get("unchanged").asInt()).isEqualTo(1);
        assertThat(again.get("unchanged").asInt()).isEqualTo(1);
        assertThat(changes(business)).extracting(BusinessSettingsChanged::occurredAt)
                .containsExactly(first.plusSeconds(900));
        assertThat(callbackSetting(business)).isEqualTo("ENABLED");
    }

    @Test
    void withoutItsOwnTimestampTheEntrysTimeDatesTheChange() {
        String business = "2" + unique();
        Instant sent = alignToWholeSecond().minus(Duration.ofMinutes(5));
        String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"time\":"
                + sent.getEpochSecond() + ",\"changes\":[{\"field\":\"account_settings_update\",\"value\":"
                + "{\"phone_number_settings\":{\"phone_number_id\":\"" + business
                + "\",\"calling\":{\"callback_permission_status\":\"ENABLED\"}}}}]}]}";

        deliver(body);

        assertThat(changes(business)).extracting(BusinessSettingsChanged::occurredAt).containsExactly(sent);
    }

    @Test
    void aChangeDatedInTheFutureOrUndatedIsRejectedAndChangesNothing() {
        String business = "2" + unique();
        Instant now = alignToWholeSecond();
        String undated = "{\"field\":\"account_settings_update\",\"value\":{\"phone_number_settings\":"
                + "{\"phone_number_id\":\"" + business + "\",\"calling\":{\"callback_permission_status\":\"ENABLED\"}}}}";

        JsonNode report = deliver(envelope(settings(business, "ENABLED", now.plus(Duration.ofHours(1))), undated));

        assertThat(report.get("rejected").asInt()).isEqualTo(2);
        assertThat(changes(business)).isEmpty();
        assertThat(callbackSetting(business)).isEqualTo("DISABLED");
        assertThat(stream("webhooks:" + business)).hasSize(2);
    }

    private List<BusinessSettingsChanged> changes(String business) {
        return stream("settings:" + business).stream().filter(BusinessSettingsChanged.class::isInstance)
                .map(BusinessSettingsChanged.class::cast).toList();
    }

    private String callbackSetting(String business) {
        Answer answer = admin("GET", "/api/v1/businesses/" + business + "/settings", null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().get("callbackPermission").asText();
    }
}
