package com.callpermissionledger.expiry;

import com.callpermissionledger.policy.event.PairEvent;
import com.callpermissionledger.policy.event.PermissionExpired;
import com.callpermissionledger.policy.event.PermissionGranted;
import com.callpermissionledger.policy.event.PermissionReplyRecorded;
import com.callpermissionledger.policy.event.PermissionRequestDelivered;
import com.callpermissionledger.policy.event.PermissionRequestExpired;
import com.callpermissionledger.policy.event.PermissionRequested;
import com.callpermissionledger.policy.event.PermissionRevoked;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Keeps the schedule of due expiries in the same transaction as the events (a subscribing processor),
 * so an acknowledged grant or request can never lose its expiry. It takes the due instants from the
 * events, where the decider put them; it applies no rule of its own.
 */
@Component
@ProcessingGroup("due-expiries")
public class DueExpiryTracker {

    private final DueExpiries schedule;

    public DueExpiryTracker(DueExpiries schedule) {
        this.schedule = schedule;
    }

    @EventHandler
    void on(PairEvent event) {
        String pair = event.pairId().value();
        if (event instanceof PermissionRequested e) {
            due(pair, DueExpiry.request(e.requestId()), e.expiresAt());
        } else if (event instanceof PermissionRequestDelivered e) {
            due(pair, DueExpiry.request(e.requestId()), e.expiresAt());
        } else if (event instanceof PermissionReplyRecorded e) {
            due(pair, DueExpiry.request(e.requestId()), e.expiresAt());
        } else if (event instanceof PermissionRequestExpired e) {
            schedule.deleteById(new DueExpiry.Key(pair, DueExpiry.request(e.requestId())));
        } else if (event instanceof PermissionGranted e) {
            due(pair, DueExpiry.PERMISSION, e.expiresAt());
        } else if (event instanceof PermissionRevoked || event instanceof PermissionExpired) {
            schedule.deleteById(new DueExpiry.Key(pair, DueExpiry.PERMISSION));
        }
    }

    private void due(String pair, String subject, Instant at) {
        if (at == null) {
            schedule.deleteById(new DueExpiry.Key(pair, subject));
        } else {
            schedule.save(new DueExpiry(pair, subject, at));
        }
    }
}
