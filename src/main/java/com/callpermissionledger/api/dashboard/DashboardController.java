package com.callpermissionledger.api.dashboard;

import com.callpermissionledger.api.QueryFilters;
import com.callpermissionledger.api.problem.Problems;
import com.callpermissionledger.dashboard.ActivityQueries;
import com.callpermissionledger.dashboard.BusinessSummary;
import com.callpermissionledger.dashboard.CallItem;
import com.callpermissionledger.dashboard.DashboardQueries;
import com.callpermissionledger.dashboard.Page;
import com.callpermissionledger.dashboard.PairFilter;
import com.callpermissionledger.dashboard.PairItem;
import com.callpermissionledger.dashboard.PairTimeline;
import com.callpermissionledger.dashboard.RequestItem;
import com.callpermissionledger.dashboard.TimelineEntry;
import com.callpermissionledger.dashboard.TimelinePage;
import com.callpermissionledger.policy.LedgerState;
import com.callpermissionledger.policy.PairId;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The dashboard's query API: paged, filtered reads of the projections; bad filters are 400 problems. */
@RestController
@RequestMapping("/api/v1/dashboard")
public class DashboardController {

    private final DashboardQueries pairs;
    private final ActivityQueries activity;
    private final PairTimeline timelines;

    public DashboardController(DashboardQueries pairs, ActivityQueries activity, PairTimeline timelines) {
        this.pairs = pairs;
        this.activity = activity;
        this.timelines = timelines;
    }

    /** One pair, the latest page of its timeline, and how many older events that page leaves out. */
    public record PairDetail(PairItem pair, List<TimelineEntry> timeline, long earlierEvents) {
        PairDetail(PairItem pair, TimelinePage latest) {
            this(pair, latest.entries(), latest.earlierEvents());
        }
    }

    public record Summary(List<BusinessSummary> businesses) {
    }

    @GetMapping("/pairs")
    public Page<PairItem> pairs(@RequestParam(required = false) String business,
                                @RequestParam(required = false) String user,
                                @RequestParam(required = false) String state,
                                @RequestParam(required = false) String expiringWithin,
                                @RequestParam(required = false) String warning,
                                @RequestParam(defaultValue = "0") String page,
                                @RequestParam(defaultValue = "50") String size) {
        var filter = new PairFilter(QueryFilters.business(business), QueryFilters.user(user),
                QueryFilters.oneOf("state", state, LedgerState.class), QueryFilters.duration("expiringWithin", expiringWithin),
                QueryFilters.bool("warning", warning));
        return pairs.pairs(filter, QueryFilters.page(page), QueryFilters.size(size));
    }

    @GetMapping("/pairs/{business}/{user}")
    public ResponseEntity<?> pair(@PathVariable String business, @PathVariable String user) {
        PairId pair = new PairId(business, user);
        return pairs.pair(pair).<ResponseEntity<?>>map(item -> ResponseEntity.ok(new PairDetail(item,
                        timelines.page(pair, null, PairTimeline.LATEST))))
                .orElseGet(() -> Problems.answer(Problems.problem(HttpStatus.NOT_FOUND, "UNKNOWN_PAIR", "Unknown pair",
                        "The dashboard has no pair " + business + " / " + user + " (yet: projections follow the events "
                                + "within moments).")));
    }

    /** A page of the timeline, oldest first; the next older page is the one before its first sequence. */
    @GetMapping("/pairs/{business}/{user}/timeline")
    public List<TimelineEntry> timeline(@PathVariable String business, @PathVariable String user,
                                        @RequestParam(required = false) String before,
                                        @RequestParam(defaultValue = "" + PairTimeline.LATEST) String limit) {
        return timelines.page(new PairId(business, user), QueryFilters.sequence("before", before),
                QueryFilters.limit(limit, PairTimeline.MAX_PAGE)).entries();
    }

    @GetMapping("/requests")
    public Page<RequestItem> requests(@RequestParam(required = false) String business,
                                      @RequestParam(required = false) String user,
                                      @RequestParam(required = false) String status,
                                      @RequestParam(defaultValue = "0") String page,
                                      @RequestParam(defaultValue = "50") String size) {
        return activity.requests(QueryFilters.business(business), QueryFilters.user(user),
                QueryFilters.oneOf("status", status, ActivityQueries.REQUEST_STATUSES), QueryFilters.page(page),
                QueryFilters.size(size));
    }

    @GetMapping("/calls")
    public Page<CallItem> calls(@RequestParam(required = false) String business,
                                @RequestParam(required = false) String user,
                                @RequestParam(required = false) String outcome,
                                @RequestParam(defaultValue = "0") String page,
                                @RequestParam(defaultValue = "50") String size) {
        return activity.calls(QueryFilters.business(business), QueryFilters.user(user),
                QueryFilters.oneOf("outcome", outcome, ActivityQueries.CALL_OUTCOMES), QueryFilters.page(page),
                QueryFilters.size(size));
    }

    @GetMapping("/summary")
    public Summary summary(@RequestParam(required = false) String business) {
        return new Summary(activity.summary(QueryFilters.business(business)));
    }
}
