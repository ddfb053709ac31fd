package com.callpermissionledger.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;

import java.util.List;

/**
 * The body of {@code POST /api/v1/webhooks/whatsapp}: the platform's envelope (reference section 4) as far as
 * the ledger reads it. Every object admits further fields, since the platform adds fields without notice.
 */
final class WebhookEnvelopeSchema {

    static final String NAME = "WebhookEnvelope";
    private static final String REF = "#/components/schemas/";

    private WebhookEnvelopeSchema() {
    }

    static RequestBody requestBody(Components components) {
        components.addSchemas(NAME, open("The platform's delivery: entries of changes, each a field and its value.")
                .addProperty("object", new StringSchema()._enum(List.of("whatsapp_business_account")))
                .addProperty("entry", new ArraySchema().items(ref("WebhookEntry"))));
        components.addSchemas("WebhookEntry", open("One WhatsApp Business Account's changes.")
                .addProperty("id", new StringSchema().description("The WhatsApp Business Account id."))
                .addProperty("time", unixSeconds("When the platform sent the entry; dates a settings change "
                        + "without its own timestamp."))
                .addProperty("changes", new ArraySchema().items(ref("WebhookChange"))));
        components.addSchemas("WebhookChange", open("One change; fields other than the three read are ignored.")
                .addProperty("field", new StringSchema().description("messages, calls or account_settings_update."))
                .addProperty("value", ref("WebhookValue")));
        components.addSchemas("WebhookValue", open("What changed; which members appear depends on the field.")
                .addProperty("messaging_product", new StringSchema())
                .addProperty("metadata", open("The business number.")
                        .addProperty("phone_number_id", new StringSchema().description("Names the business."))
                        .addProperty("display_phone_number", new StringSchema()))
                .addProperty("contacts", new ArraySchema().items(open("The user a message came from.")
                        .addProperty("wa_id", new StringSchema()).addProperty("user_id", new StringSchema())))
                .addProperty("messages", new ArraySchema().items(ref("WebhookMessage")))
                .addProperty("statuses", new ArraySchema().items(ref("WebhookStatus")))
                .addProperty("calls", new ArraySchema().items(ref("WebhookCallEvent")))
                .addProperty("errors", new ArraySchema().items(error()))
                .addProperty("timestamp", unixSeconds("When a callback setting changed (account_settings_update)."))
                .addProperty("phone_number_settings", open("account_settings_update: the number's settings.")
                        .addProperty("phone_number_id", new StringSchema().description("Names the business."))
                        .addProperty("calling", open("Calling settings.").addProperty("callback_permission_status",
                                new StringSchema().description("ENABLED, DISABLED or NOT_SET (read as DISABLED).")))));
        components.addSchemas("WebhookMessage", open("An incoming message; only call_permission_reply is read.")
                .addProperty("id", new StringSchema()).addProperty("type", new StringSchema())
                .addProperty("from", new StringSchema()).addProperty("from_user_id", new StringSchema())
                .addProperty("timestamp", unixSeconds("When the user replied: the fact's time."))
                .addProperty("context", open("What the reply answers: a wamid. request or a wacid. user call.")
                        .addProperty("id", new StringSchema()).addProperty("from", new StringSchema()))
                .addProperty("interactive", open("The reply.").addProperty("type", new StringSchema())
                        .addProperty("call_permission_reply", open("The user's answer.")
                                .addProperty("response", new StringSchema().description("accept or reject."))
                                .addProperty("is_permanent", new BooleanSchema())
                                .addProperty("expiration_timestamp",
                                        unixSeconds("Only compared with the rule's expiry."))
                                .addProperty("response_source",
                                        new StringSchema().description("user_action or automatic.")))));
        components.addSchemas("WebhookStatus", open("A message status, or a call status with type call.")
                .addProperty("id", new StringSchema()).addProperty("status", new StringSchema())
                .addProperty("type", new StringSchema())
                .addProperty("timestamp", unixSeconds("When the status happened: the fact's time."))
                .addProperty("recipient_id", new StringSchema()).addProperty("recipient_user_id", new StringSchema())
                .addProperty("errors", new ArraySchema().items(error())));
        components.addSchemas("WebhookCallEvent", open("A call event: connect (signalling only) or terminate.")
                .addProperty("id", new StringSchema()).addProperty("event", new StringSchema())
                .addProperty("status", new StringSchema()).addProperty("direction", new StringSchema())
                .addProperty("from", new StringSchema()).addProperty("to", new StringSchema())
                .addProperty("from_user_id", new StringSchema()).addProperty("to_user_id", new StringSchema())
                .addProperty("timestamp", unixSeconds("When the event happened."))
                .addProperty("start_time", unixSeconds("Present only when the user picked up."))
                .addProperty("end_time", unixSeconds(null))
                .addProperty("duration", new IntegerSchema())
                .addProperty("errors", new ArraySchema().items(error())));
        return new RequestBody().required(true).description("The platform's envelope exactly as sent; signed "
                        + "deliveries are checked over these raw bytes.")
                .content(new Content().addMediaType("application/json", new MediaType().schema(ref(NAME))));
    }

    /** An object that admits fields the document does not name. */
    private static Schema<Object> open(String description) {
        Schema<Object> schema = new ObjectSchema().description(description);
        schema.setAdditionalProperties(true);
        return schema;
    }

    private static Schema<?> ref(String name) {
        return new Schema<>().$ref(REF + name);
    }

    /**
     * Unix seconds as the platform sends them now, a string of digits. Older payloads send a number, which
     * the ledger also takes; the document names the string only, since the contract tests' validator reads a
     * schema without a single type (anyOf string, integer) as an object.
     */
    private static Schema<?> unixSeconds(String description) {
        return new StringSchema().pattern("^[0-9]{1,12}$").description((description == null ? "" : description + " ")
                + "Unix seconds, a string of digits (older payloads: a number, also accepted).");
    }

    private static Schema<?> error() {
        return open("A platform error.").addProperty("code", new IntegerSchema())
                .addProperty("title", new StringSchema()).addProperty("message", new StringSchema());
    }
}
