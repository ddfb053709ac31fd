package com.callpermissionledger.demo;

import com.callpermissionledger.dashboard.DashboardQueries;
import com.callpermissionledger.dashboard.PairFilter;
import com.callpermissionledger.dashboard.PairItem;
import com.callpermissionledger.pair.CommandOrigin;
import com.callpermissionledger.pair.PairLedger;
import com.callpermissionledger.policy.CallbackPermission;
import com.callpermissionledger.settings.BusinessSettings;
import com.callpermissionledger.time.SimulatedClock;
import com.callpermissionledger.webhook.WebhookIntake;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The demo (profile {@code demo}, always with {@code simulation}): when the application is ready and the
 * ledger holds no pair yet, it plays {@link DemoScenario} through the real command path over nine simulated
 * days, moving the simulated clock as it goes; then it keeps the ledger alive, moving the clock
 * {@code demo.live-step} every {@code demo.live-interval} and letting the stories go on (new pairs arrive,
 * calls are placed, permissions and requests expire). Seeded, so every run tells the same stories.
 */
@Component
@Profile("demo")
public class DemoMode {

    private static final Logger log = LoggerFactory.getLogger(DemoMode.class);

    static final long SEED = 20_251_119L;
    static final Duration PERIOD = Duration.ofDays(9);
    /** New pairs per simulated minute in the live part: about one every 20 simulated minutes. */
    private static final double NEWCOMERS_PER_MINUTE = 0.05;

    private final SimulatedClock clock;
    private final PairLedger ledger;
    private final WebhookIntake webhooks;
    private final BusinessSettings settings;
    private final DashboardQueries dashboard;
    private final Environment environment;
    private final Duration liveStep;
    private final Duration liveInterval;
    private final CountDownLatch stop = new CountDownLatch(1);
    private volatile boolean running = true;
    private Thread worker;

    DemoMode(Clock clock, PairLedger ledger, WebhookIntake webhooks, BusinessSettings settings, DashboardQueries dashboard,
             Environment environment, @Value("${demo.live-step:PT1M}") Duration liveStep,
             @Value("${demo.live-interval:PT2S}") Duration liveInterval) {
        if (!(clock instanceof SimulatedClock simulated)) {
            throw new IllegalStateException("The demo profile plays days of traffic on the simulated clock: "
                    + "start it together with the simulation profile (--spring.profiles.active=demo,simulation).");
        }
        this.clock = simulated;
        this.ledger = ledger;
        this.webhooks = webhooks;
        this.settings = settings;
        this.dashboard = dashboard;
        this.environment = environment;
        this.liveStep = liveStep;
        this.liveInterval = liveInterval;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        worker = new Thread(this::run, "demo");
        worker.setDaemon(true);
        worker.start();
    }

    @PreDestroy
    void shutdown() throws InterruptedException {
        running = false;
        stop.countDown();
        if (worker != null) {
            worker.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    private void run() {
        try {
            DemoScenario scenario = new DemoScenario(SEED);
            DemoDriver driver = new DemoDriver(ledger, webhooks, clock);
            if (ledgerHasPairs(driver)) {
                log.info("Demo: the ledger already holds pairs, so nothing is seeded; the simulated clock now moves {} every {}."
                        + " Open http://localhost:{}/dashboard (API key: demo-key)", liveStep, liveInterval, port());
            } else {
                seed(scenario, driver);
            }
            live(scenario, driver);
        } catch (RuntimeException | InterruptedException e) {
            if (running) {
                log.warn("The demo stopped: {}", e.toString());
            }
        }
    }

    private void seed(DemoScenario scenario, DemoDriver driver) {
        long started = System.nanoTime();
        Instant begin = clock.instant();
        for (DemoScenario.Business business : DemoScenario.BUSINESSES) {
            if (business.callback() || business.policy() != null) {
                CommandOrigin.with(DemoDriver.CLIENT, null, () -> settings.change(business.number(),
                        business.callback() ? CallbackPermission.ENABLED : null, business.policy()));
            }
        }
        List<DemoScenario.Planned> planned = scenario.plan(PERIOD);
        planned.forEach(p -> driver.start(p.script(), begin.plus(p.offset())));
        driver.runUntil(begin.plus(PERIOD), () -> running);
        if (running) {
            log.info("Demo: {} pairs on {} business numbers, {} commands over {} simulated days, played in {} s;"
                            + " the simulated clock now moves {} every {}. Open http://localhost:{}/dashboard (API key: demo-key)",
                    planned.size(), DemoScenario.BUSINESSES.size(), driver.commands(), PERIOD.toDays(),
                    String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9), liveStep,
                    liveInterval, port());
        }
    }

    /** The ledger keeps living: the clock moves on, the stories go on, and now and then a new pair arrives. */
    private void live(DemoScenario scenario, DemoDriver driver) throws InterruptedException {
        Random arrivals = new Random(SEED + 1);
        double newcomers = NEWCOMERS_PER_MINUTE * Math.max(1, liveStep.toMinutes());
        while (running && !liveStep.isZero() && !stop.await(liveInterval.toMillis(), TimeUnit.MILLISECONDS)) {
            Instant now = clock.instant();
            if (arrivals.nextDouble() < newcomers) {
                driver.start(scenario.newcomer(), now);
            }
            driver.runUntil(now.plus(liveStep), () -> running);
        }
    }

    /** Whether there is something already; if so the clock is moved past its latest activity, never back. */
    private boolean ledgerHasPairs(DemoDriver driver) {
        var first = dashboard.pairs(new PairFilter(null, null, null, null, null), 0, 1);
        if (first.total() == 0) {
            return false;
        }
        first.items().stream().map(PairItem::lastActivityAt).filter(Objects::nonNull).findFirst()
                .ifPresent(driver::moveTo);
        return true;
    }

    private String port() {
        return environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    }
}
