package com.callpermissionledger.pair;

import com.callpermissionledger.policy.GrantSource;
import com.callpermissionledger.policy.PairId;
import com.callpermissionledger.policy.PermissionKind;
import com.callpermissionledger.policy.command.GrantPermission;
import com.callpermissionledger.policy.command.PlaceCall;
import com.callpermissionledger.policy.event.CallPlaced;
import com.callpermissionledger.policy.event.PermissionGranted;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Commands carry no Axon annotation: {@link PairCommandTargetResolver} routes them by "business:user". */
class PairAggregateRoutingTest extends PairAggregateTestSupport {

    @Test
    void theFirstCommandOfAPairCreatesItsStreamUnderBusinessColonUser() {
        fixture.givenNoPriorActivity()
                .when(new GrantPermission(PAIR, false))
                .expectEvents(profileGrant(NOW));

        List<DomainEventMessage<?>> stored = new ArrayList<>();
        fixture.getEventStore().readEvents("15550001111:491701234567").forEachRemaining(stored::add);
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).getAggregateIdentifier()).isEqualTo("15550001111:491701234567");
        assertThat(stored.get(0).getSequenceNumber()).isZero();
        assertThat(stored.get(0).getType()).isEqualTo("PairAggregate");
    }

    @Test
    void aBusinessScopedUserIdRoutesToItsOwnPair() {
        PairId scoped = new PairId(BUSINESS, "US.13491208655302741918");
        CallPlaced placed = new CallPlaced(scoped, NOW, "wacid.c1", V1);

        fixture.given(new PermissionGranted(scoped, NOW.minusSeconds(60), GrantSource.BUSINESS_PROFILE,
                        PermissionKind.TEMPORARY, NOW.minusSeconds(60).plus(HOURS_168),
                        null, V1, "R-PROFILE-GRANT"))
                .when(new PlaceCall(scoped, "wacid.c1"))
                .expectEvents(placed);

        List<DomainEventMessage<?>> stored = new ArrayList<>();
        fixture.getEventStore().readEvents("15550001111:US.13491208655302741918").forEachRemaining(stored::add);
        assertThat(stored).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L);
        assertThat(stored.get(1).getPayload()).isEqualTo(placed);
    }

    @Test
    void theResolverRefusesACommandThatIsNotAPairCommand() {
        var resolver = new PairCommandTargetResolver();
        var message = GenericCommandMessage.asCommandMessage("not a pair command");

        assertThatThrownBy(() -> resolver.resolveTarget(message))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a pair command: String");
    }
}
