package com.callpermissionledger.settings;

import com.callpermissionledger.policy.Policy;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What the {@link PolicyRegister} stream says: the numbers of every policy used, and the default over time. */
@Component
public class RecordedPolicies {

    private final EventStore eventStore;

    public RecordedPolicies(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public Map<String, Policy> definitions() {
        Map<String, Policy> definitions = new LinkedHashMap<>();
        eventStore.readEvents(PolicyRegister.ID, 0).asStream().map(m -> m.getPayload())
                .filter(PolicyDefined.class::isInstance).map(PolicyDefined.class::cast)
                .forEach(d -> definitions.put(d.name(), d.policy()));
        return definitions;
    }

    /**
     * The configured default in force at {@code at}. Before the first one recorded (history older than the
     * register) the first one recorded is the best knowledge there is, and it stays the same across restarts.
     */
    public Optional<String> defaultAt(Instant at) {
        String first = null;
        String inForce = null;
        var stream = eventStore.readEvents(PolicyRegister.ID, 0);
        while (stream.hasNext()) {
            if (stream.next().getPayload() instanceof DefaultPolicyChanged change) {
                first = first == null ? change.policy() : first;
                if (!change.occurredAt().isAfter(at)) {
                    inForce = change.policy();
                }
            }
        }
        return Optional.ofNullable(inForce != null ? inForce : first);
    }
}
