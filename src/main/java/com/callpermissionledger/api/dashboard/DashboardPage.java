package com.callpermissionledger.api.dashboard;

import com.callpermissionledger.time.SimulatedClock;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import java.time.Clock;
import java.time.Instant;

/**
 * The team lead's dashboard: a static page ({@code static/dashboard/}) that polls the dashboard query API.
 * {@code /dashboard} and {@code /dashboard/} serve the page; {@code /dashboard/clock} tells the page the
 * ledger's "now", so countdowns are computed by the ledger clock (simulated or not), never the browser's.
 */
@Controller
public class DashboardPage {

    private final Clock clock;

    public DashboardPage(Clock clock) {
        this.clock = clock;
    }

    /** The ledger's current instant, and whether it is the simulated clock of the {@code simulation} profile. */
    public record LedgerNow(Instant now, boolean simulated) {
    }

    @GetMapping({"/dashboard", "/dashboard/"})
    public String page() {
        return "forward:/dashboard/index.html";
    }

    @GetMapping(path = "/dashboard/clock", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    public LedgerNow now() {
        return new LedgerNow(clock.instant(), clock instanceof SimulatedClock);
    }
}
