package com.callpermissionledger.api.webhook;

import com.callpermissionledger.api.problem.Problems;
import com.callpermissionledger.pair.CommandOrigin;
import com.callpermissionledger.webhook.Envelope;
import com.callpermissionledger.webhook.WebhookIntake;
import com.callpermissionledger.webhook.WebhookJson;
import com.callpermissionledger.webhook.WebhookMeters;
import com.callpermissionledger.webhook.WebhookProperties;
import com.callpermissionledger.webhook.WebhookReport;
import com.callpermissionledger.webhook.WebhookSignature;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.regex.Pattern;

/**
 * The WhatsApp Cloud API webhook (docs/webhooks.md): the GET verification handshake, and deliveries taken
 * exactly as the platform sends them. The body is read raw, since the signature is over its bytes.
 */
@RestController
@RequestMapping(WebhookController.PATH)
public class WebhookController {

    public static final String PATH = "/api/v1/webhooks/whatsapp";
    static final String SIGNATURE_HEADER = "X-Hub-Signature-256";
    static final String PLATFORM_CLIENT = "whatsapp-platform";
    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9_\\-]{1,128}");

    private final WebhookIntake intake;
    private final WebhookProperties properties;
    private final WebhookMeters meters;

    public WebhookController(WebhookIntake intake, WebhookProperties properties, WebhookMeters meters) {
        this.intake = intake;
        this.properties = properties;
        this.meters = meters;
    }

    @GetMapping
    public ResponseEntity<?> verify(@RequestParam(name = "hub.mode", required = false) String mode,
                                    @RequestParam(name = "hub.verify_token", required = false) String token,
                                    @RequestParam(name = "hub.challenge", required = false) String challenge) {
        String expected = properties.getVerifyToken();
        boolean verified = expected != null && !expected.isBlank() && "subscribe".equals(mode) && token != null
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))
                && challenge != null && CHALLENGE.matcher(challenge).matches();
        if (!verified) {
            return Problems.answer(Problems.problem(HttpStatus.FORBIDDEN, "WEBHOOK_NOT_VERIFIED",
                    "Webhook verification failed", "Send hub.mode=subscribe, the hub.verify_token configured as "
                            + "ledger.webhooks.verify-token, and a hub.challenge of letters and digits."));
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(challenge);
    }

    @PostMapping
    public ResponseEntity<?> receive(@RequestBody(required = false) byte[] body,
                                     @RequestHeader(name = SIGNATURE_HEADER, required = false) String signature) {
        byte[] bytes = body == null ? new byte[0] : body;
        if (properties.signed() && !WebhookSignature.matches(properties.getAppSecret(), bytes, signature)) {
            meters.signatureFailed();
            return Problems.answer(Problems.problem(HttpStatus.UNAUTHORIZED, "BAD_SIGNATURE", "Signature mismatch",
                    "X-Hub-Signature-256 must be sha256= and the HMAC-SHA256 of the raw body under the app secret; "
                            + "nothing was recorded."));
        }
        Envelope envelope;
        try {
            envelope = WebhookJson.envelope(bytes);
        } catch (IOException e) {
            envelope = null;
        }
        if (envelope == null || !Envelope.WHATSAPP.equals(envelope.object())) {
            return Problems.answer(Problems.problem(HttpStatus.BAD_REQUEST, "MALFORMED_WEBHOOK", "Not a webhook",
                    "The body must be the platform's JSON envelope with object whatsapp_business_account; "
                            + "nothing was recorded."));
        }
        Envelope delivery = envelope;
        WebhookReport report = properties.signed()
                ? CommandOrigin.with(PLATFORM_CLIENT, CommandOrigin.current().get(CommandOrigin.CORRELATION_ID),
                        () -> intake.receive(delivery))
                : intake.receive(delivery);
        return ResponseEntity.ok(report);
    }
}
