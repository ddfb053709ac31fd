package com.callpermissionledger.webhook;

import com.callpermissionledger.http.Answer;
import com.callpermissionledger.http.Keys;
import com.callpermissionledger.policy.event.PermissionGranted;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import java.nio.charset.StandardCharsets;

import static com.callpermissionledger.webhook.Payloads.envelope;
import static com.callpermissionledger.webhook.Payloads.reply;
import static com.callpermissionledger.webhook.Payloads.replyChange;
import static org.assertj.core.api.Assertions.assertThat;

/** Without an app secret (a relay in front of the ledger), a delivery is a command: it needs an UPSTREAM key. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "simulation"})
@TestPropertySource(properties = {"ledger.webhooks.app-secret=", "ledger.webhooks.verify-token="})
class WebhookWithoutSecretApiTest extends WebhookApiSupport {

    @Test
    void aDeliveryNeedsAnUpstreamKey() {
        Pair pair = newPair();
        byte[] body = envelope(replyChange(pair.business(), reply(pair.user(), "wamid.K1", alignToWholeSecond(), null,
                "accept", false, "user_action", null))).getBytes(StandardCharsets.UTF_8);

        Answer noKey = send("POST", WEBHOOK, null, null, body);
        Answer dashboard = send("POST", WEBHOOK, Keys.DASHBOARD, null, body);
        assertThat(noKey.status()).isEqualTo(401);
        assertThat(dashboard.status()).isEqualTo(403);
        assertThat(events(pair)).isEmpty();

        Answer upstream = send("POST", WEBHOOK, Keys.UPSTREAM, null, body);
        assertThat(upstream.status()).as(upstream.body()).isEqualTo(200);
        assertThat(events(pair, PermissionGranted.class)).hasSize(1);
    }

    @Test
    void withoutAVerifyTokenTheHandshakeIsRefused() {
        Answer answer = send("GET", WEBHOOK + "?hub.mode=subscribe&hub.verify_token=&hub.challenge=42", null, null,
                null);

        assertThat(answer.status()).isEqualTo(403);
    }
}
