package com.callpermissionledger.webhook;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.callpermissionledger.openapi.ApiContract;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static com.callpermissionledger.webhook.Payloads.envelope;
import static org.assertj.core.api.Assertions.assertThat;

/** The served document describes the webhook's body: the platform's deliveries validate against it. */
class WebhookDocumentApiTest extends WebhookApiSupport {

    @Test
    void thePlatformsDeliveriesValidateAgainstTheServedDocument() {
        Pair pair = phonePair();
        Instant at = Instant.parse("2026-01-05T10:00:00Z");
        String body = envelope(
                Payloads.replyChange(pair.business(), Payloads.reply(pair.user(), "wamid.D1", at, "wamid.R1", "accept",
                        false, "user_action", "\"1768550400\"")),
                Payloads.statusChange(pair.business(), Payloads.status(pair.user(), "wamid.R1", "delivered", at)),
                Payloads.callStatus(pair.business(), pair.user(), "wacid.D2", "ACCEPTED", at),
                Payloads.terminate(pair.business(), pair.user(), "wacid.D2", "BUSINESS_INITIATED", at.plusSeconds(60),
                        at, 138021),
                Payloads.settings(pair.business(), "ENABLED", at));

        assertThat(errors(body)).isEmpty();
        assertThat(errors(body.replace("\"messaging_product\"", "\"added_by_the_platform\":{\"x\":1},"
                + "\"messaging_product\""))).as("fields the platform adds").isEmpty();
    }

    @Test
    void aBodyOfAnotherShapeDoesNotValidate() {
        assertThat(errors("{\"object\":\"whatsapp_business_account\",\"entry\":{\"id\":\"1\"}}")).isNotEmpty();
        assertThat(errors(envelope(Payloads.statusChange("21", "{\"id\":\"wamid.X\",\"status\":7}"))))
                .isNotEmpty();
        assertThat(errors(envelope(Payloads.statusChange("21", "{\"id\":\"wamid.X\",\"status\":\"sent\","
                + "\"timestamp\":\"soon\"}")))).isNotEmpty();
    }

    private List<ValidationReport.Message> errors(String body) {
        OpenApiInteractionValidator validator = OpenApiInteractionValidator
                .createForInlineApiSpecification(ApiContract.document(port))
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request.security.missing", ValidationReport.Level.IGNORE).build())
                .build();
        ValidationReport report = validator.validateRequest(SimpleRequest.Builder.post(WEBHOOK)
                .withContentType("application/json").withBody(body).build());
        return report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR).toList();
    }
}
