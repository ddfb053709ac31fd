package com.callpermissionledger.dashboard;

import java.util.List;

/** A page of a pair's timeline, oldest first, and how many of the pair's events come before it. */
public record TimelinePage(List<TimelineEntry> entries, long earlierEvents) {
    public TimelinePage {
        entries = List.copyOf(entries);
    }
}
