package com.callpermissionledger.demo;

import com.callpermissionledger.pair.PairLedger;
import com.callpermissionledger.policy.CallOutcome;
import com.callpermissionledger.policy.PairId;
import com.callpermissionledger.policy.ReplyResponse;
import com.callpermissionledger.policy.UserCallOutcome;
import com.callpermissionledger.policy.event.CallOutcomeRecorded;
import com.callpermissionledger.policy.event.CallPlaced;
import com.callpermissionledger.policy.event.PermissionGranted;
import com.callpermissionledger.policy.event.PermissionReplyRecorded;
import com.callpermissionledger.policy.event.PermissionRequestDelivered;
import com.callpermissionledger.policy.event.PermissionRequested;
import com.callpermissionledger.policy.event.RequestLimitsReset;
import com.callpermissionledger.policy.event.UserCallRecorded;
import com.callpermissionledger.time.SimulatedClock;
import com.callpermissionledger.webhook.WebhookIntake;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's stories reach the ledger as the platform's webhooks, through the same intake as production. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "simulation"})
@TestPropertySource(properties = {"ledger.webhooks.app-secret=test-app-secret",
        "ledger.webhooks.verify-token=test-verify-token"})
class DemoThroughWebhooksTest {

    @Autowired
    PairLedger ledger;
    @Autowired
    WebhookIntake intake;
    @Autowired
    Clock clock;
    @Autowired
    EventStore eventStore;

    @Test
    void aStoryPlaysThroughWebhooks() {
        long n = System.nanoTime() % 1_000_000_000L;
        PairId pair = new PairId("3" + n, "US.D" + n);
        DemoDriver driver = new DemoDriver(ledger, intake, (SimulatedClock) clock);
        Script story = new Script(pair).request(Duration.ofMinutes(1), "wamid.demo-req")
                .delivered(Duration.ofSeconds(5), "wamid.demo-req")
                .reply(Duration.ofMinutes(2), "wamid.demo-req", ReplyResponse.ACCEPT, false)
                .call(Duration.ofHours(1), "wacid.demo-call", CallOutcome.CONNECTED)
                .call(Duration.ofHours(1), "wacid.demo-miss", CallOutcome.UNANSWERED)
                .userCall(Duration.ofHours(1), "wacid.demo-user", UserCallOutcome.MISSED);
        Instant start = clock.instant();

        driver.start(story, start);
        driver.runUntil(start.plus(Duration.ofHours(5)), () -> true);

        assertThat(driver.failures()).isZero();
        assertThat(eventStore.readEvents(pair.value(), 0).asStream().map(DomainEventMessage::getPayload)
                .<Class<?>>map(Object::getClass).toList()).containsExactly(PermissionRequested.class,
                PermissionRequestDelivered.class, PermissionReplyRecorded.class, PermissionGranted.class,
                CallPlaced.class, CallOutcomeRecorded.class, RequestLimitsReset.class, CallPlaced.class,
                CallOutcomeRecorded.class, UserCallRecorded.class);
        assertThat(eventStore.readEvents(pair.value(), 0).asStream()
                .filter(m -> m.getPayload() instanceof PermissionGranted)
                .map(m -> m.getMetaData().get("client"))).containsExactly(DemoDriver.CLIENT);
    }
}
