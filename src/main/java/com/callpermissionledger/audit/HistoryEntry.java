package com.callpermissionledger.audit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One event as an auditor reads it: {@code occurredAt} is business time, {@code recordedAt} when it was
 * stored; {@code policy} and {@code rule} say under which rules a decision was made.
 */
public record HistoryEntry(long position, String stream, long sequence, String type, String occurredAt,
                           String recordedAt, String policy, String rule, JsonNode payload, JsonNode metadata) {
}
