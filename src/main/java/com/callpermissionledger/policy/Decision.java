package com.callpermissionledger.policy;

import com.callpermissionledger.policy.event.PairEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * The three outcomes a command can have, never confused, in four records: a business decision, which is
 * events ({@link Recorded} when accepted, {@link Refused} when a rule said no: the refusal is an event too);
 * a duplicate, which changes nothing ({@link Unchanged}); a contradiction, which is a precise error and
 * records nothing ({@link Rejected}). A malformed request is that same error, but never becomes a command.
 */
public sealed interface Decision {

    List<PairEvent> events();

    /** The command was accepted; {@code events} are to be appended. */
    record Recorded(List<PairEvent> events) implements Decision {
        public Recorded {
            events = List.copyOf(events);
        }
    }

    /** The rules said no; the refusal is itself recorded, so {@code events} holds it. */
    record Refused(List<PairEvent> events, Refusal refusal) implements Decision {
        public Refused {
            events = List.copyOf(events);
        }
    }

    /** The command repeats one already recorded: nothing changes. */
    record Unchanged() implements Decision {
        @Override
        public List<PairEvent> events() {
            return List.of();
        }
    }

    /** The command contradicts what the ledger holds; nothing is recorded. */
    record Rejected(RejectionCode code, String detail) implements Decision {
        @Override
        public List<PairEvent> events() {
            return List.of();
        }
    }

    /** The same decision followed by {@code later} events (expiries a late fact's consequences already reached). */
    default Decision followedBy(List<PairEvent> later) {
        if (later.isEmpty() || !(this instanceof Recorded)) {
            return this;
        }
        List<PairEvent> all = new ArrayList<>(events());
        all.addAll(later);
        return new Recorded(all);
    }

    /** The same decision with {@code earlier} events (expiries that fell due) in front of its own. */
    default Decision after(List<PairEvent> earlier) {
        if (earlier.isEmpty()) {
            return this;
        }
        List<PairEvent> all = new ArrayList<>(earlier);
        all.addAll(events());
        if (this instanceof Refused refused) {
            return new Refused(all, refused.refusal());
        }
        if (this instanceof Recorded) {
            return new Recorded(all);
        }
        return this;
    }
}
