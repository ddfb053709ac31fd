package com.callpermissionledger.dashboard;

import java.time.Instant;

public record TimelineEntry(long sequence, Instant occurredAt, String kind, String text, String rule) {
}
