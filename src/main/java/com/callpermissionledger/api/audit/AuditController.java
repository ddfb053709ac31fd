package com.callpermissionledger.api.audit;

import com.callpermissionledger.api.AuditParameters;
import com.callpermissionledger.api.QueryFilters;
import com.callpermissionledger.audit.AuditTrail;
import com.callpermissionledger.audit.ChainVerdict;
import com.callpermissionledger.audit.EventExport;
import com.callpermissionledger.audit.HistoryEntry;
import com.callpermissionledger.policy.PairId;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.time.Instant;
import java.util.List;

/** What auditors read: a pair's history, the global stream, export, and verification of the hash chains. */
@RestController
public class AuditController {

    static final int MAX_LIMIT = 1000;

    private final AuditTrail trail;
    private final EventExport export;

    public AuditController(AuditTrail trail, EventExport export) {
        this.trail = trail;
        this.export = export;
    }

    public record History(List<HistoryEntry> events) {
    }

    public record StreamPage(List<HistoryEntry> events, long next) {
    }

    @GetMapping("/api/v1/businesses/{business}/users/{user}/events")
    public History history(@PathVariable String business, @PathVariable String user) {
        return new History(trail.history(new PairId(business, user).value()));
    }

    @GetMapping("/api/v1/businesses/{business}/users/{user}/events/verify")
    public ChainVerdict verify(@PathVariable String business, @PathVariable String user) {
        return trail.verify(new PairId(business, user).value());
    }

    @GetMapping("/api/v1/events/verify")
    public ChainVerdict verifyAll() {
        return trail.verifyAll();
    }

    @GetMapping("/api/v1/events")
    public StreamPage stream(@RequestParam(defaultValue = "0") String after, @RequestParam(required = false) String from,
                             @RequestParam(defaultValue = "100") String limit) {
        long position = AuditParameters.position(after);
        Instant start = AuditParameters.instant("from", from);
        List<HistoryEntry> events = trail.stream(position, start, AuditParameters.limit(limit, MAX_LIMIT));
        return new StreamPage(events, events.isEmpty() ? position : events.get(events.size() - 1).position());
    }

    @GetMapping("/api/v1/events/export")
    public ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String business,
                                                        @RequestParam(required = false) String from,
                                                        @RequestParam(required = false) String to) {
        String scope = QueryFilters.business(business);
        Instant start = AuditParameters.instant("from", from);
        Instant end = AuditParameters.instant("to", to);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-ndjson"))
                .body(out -> export.export(scope, start, end, out));
    }
}
