package com.callpermissionledger.dashboard;

import java.io.Serializable;

/** The key of a row started by one event: the pair and the event's sequence number in its stream. */
public record EventRowKey(String pairId, long sequence) implements Serializable {

    /** For JPA, which makes the key empty before it sets its fields. */
    public EventRowKey() {
        this(null, 0);
    }
}
