package com.callpermissionledger.policy;

import com.callpermissionledger.policy.History.Advance;
import com.callpermissionledger.policy.History.Burst;
import com.callpermissionledger.policy.History.BurstEnd;
import com.callpermissionledger.policy.History.Command;
import com.callpermissionledger.policy.History.Step;
import com.callpermissionledger.policy.History.Switch;
import com.callpermissionledger.policy.command.ExpireDue;
import com.callpermissionledger.policy.command.GrantPermission;
import com.callpermissionledger.policy.command.MarkRequestDelivered;
import com.callpermissionledger.policy.command.PairCommand;
import com.callpermissionledger.policy.command.PlaceCall;
import com.callpermissionledger.policy.command.RecordCallOutcome;
import com.callpermissionledger.policy.command.RecordReply;
import com.callpermissionledger.policy.command.RecordUserCall;
import com.callpermissionledger.policy.command.RevokePermission;
import com.callpermissionledger.policy.command.SendPermissionRequest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ArbitrarySupplier;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static com.callpermissionledger.policy.History.PAIR;

/**
 * Random histories of all nine commands, with a small pool of ids so that duplicates and conflicts occur,
 * interleaved with time advances from a millisecond to days, under the two built-in policies and one with
 * other numbers (as an operator might configure), both callback settings, and now and then a move of the
 * business to other terms.
 */
public class Histories implements ArbitrarySupplier<History> {

    private static final Duration DAY = Duration.ofHours(24);
    private static final Duration WEEK = Duration.ofDays(7);

    /** Other numbers throughout, so that nothing can pass by assuming 168 h, 24 h, 7 d, 1 / 2 or 2 / 4. */
    static final Policy TRIAL = new Policy("trial", true, Duration.ofHours(50), 3, Duration.ofHours(20), 2,
            Duration.ofHours(30), 3, Duration.ofDays(4), 3, 5, Duration.ofDays(3));

    static final List<Policy> POLICIES = List.of(PolicyCatalog.WHATSAPP_V1, PolicyCatalog.WHATSAPP_V2, TRIAL);

    private final int switchWeight;

    public Histories() {
        this(1);
    }

    Histories(int switchWeight) {
        this.switchWeight = switchWeight;
    }

    @Override
    public Arbitrary<History> get() {
        Arbitrary<Step> step = Arbitraries.frequencyOf(
                Tuple.of(50, commands().map(Command::new)),
                Tuple.of(40, advances().map(Advance::new)),
                Tuple.of(6, bursts()),
                Tuple.of(switchWeight, terms().map(Switch::new)));
        return Combinators.combine(terms(), step.list().ofMinSize(1).ofMaxSize(120)
                .withSizeDistribution(RandomDistribution.uniform())).as(History::new);
    }

    static Arbitrary<BusinessTerms> terms() {
        return Combinators.combine(Arbitraries.of(POLICIES), Arbitraries.of(CallbackPermission.class))
                .as(BusinessTerms::new);
    }

    private static Arbitrary<PairCommand> commands() {
        Arbitrary<String> sentIds = Arbitraries.of("wamid.A1", "wamid.A2", "wamid.A3", "wamid.A4", "wamid.A5",
                "wamid.A6");
        Arbitrary<String> requestIds = Arbitraries.of("wamid.A1", "wamid.A2", "wamid.A3", "wamid.A4", "wamid.A5",
                "wamid.A6", "wamid.X1", "wamid.X2");
        Arbitrary<String> callIds = Arbitraries.of("wacid.1", "wacid.2", "wacid.3", "wacid.4", "wacid.5", "wacid.6",
                "wacid.7", "wacid.8", "wacid.9", "wacid.10");
        Arbitrary<String> userCallIds = Arbitraries.of("wacid.U1", "wacid.U2", "wacid.U3", "wacid.U4");
        return Arbitraries.frequencyOf(
                Tuple.of(10, Combinators.combine(sentIds, Arbitraries.of(Channel.class))
                        .as((id, channel) -> new SendPermissionRequest(PAIR, id, channel))),
                Tuple.of(7, requestIds.map(id -> new MarkRequestDelivered(PAIR, id))),
                Tuple.of(10, Combinators.combine(requestIds, Arbitraries.of(ReplyResponse.class), Arbitraries.of(true, false))
                        .as((id, response, permanent) -> new RecordReply(PAIR, id, response, permanent))),
                Tuple.of(8, Arbitraries.of(true, false).map(permanent -> new GrantPermission(PAIR, permanent))),
                Tuple.of(3, Arbitraries.just(new RevokePermission(PAIR))),
                Tuple.of(20, callIds.map(id -> new PlaceCall(PAIR, id))),
                Tuple.of(18, Combinators.combine(callIds, Arbitraries.of(CallOutcome.class))
                        .as((id, outcome) -> new RecordCallOutcome(PAIR, id, outcome))),
                Tuple.of(6, Combinators.combine(userCallIds, Arbitraries.of(UserCallOutcome.class))
                        .as((id, outcome) -> new RecordUserCall(PAIR, id, outcome))),
                Tuple.of(3, Arbitraries.just(new ExpireDue(PAIR))));
    }

    private static Arbitrary<Duration> advances() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(Duration.ZERO)),
                Tuple.of(3, Arbitraries.just(Duration.ofMillis(1))),
                Tuple.of(10, Arbitraries.longs().between(1, 3_600).map(Duration::ofSeconds)),
                Tuple.of(10, Arbitraries.longs().between(1, 600).map(Duration::ofMinutes)),
                Tuple.of(8, Arbitraries.longs().between(1, 48).map(Duration::ofHours)),
                Tuple.of(3, Arbitraries.longs().between(1, 8).map(Duration::ofDays)),
                Tuple.of(5, Arbitraries.of(DAY, WEEK, DAY.minusMillis(1), WEEK.minusMillis(1), DAY.multipliedBy(2))));
    }

    /** Short bursts, mostly connecting, mostly missed, or mixed; and long bursts that can fill the v2 cap. */
    private static Arbitrary<Step> bursts() {
        Arbitrary<BurstEnd> mixed = Arbitraries.of(BurstEnd.class);
        Arbitrary<BurstEnd> missed = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(BurstEnd.UNANSWERED, BurstEnd.REJECTED)),
                Tuple.of(1, Arbitraries.just(BurstEnd.FAILED)));
        Arbitrary<BurstEnd> occupying = Arbitraries.frequencyOf(
                Tuple.of(30, Arbitraries.of(BurstEnd.CONNECTED, BurstEnd.IN_FLIGHT)),
                Tuple.of(1, Arbitraries.of(BurstEnd.UNANSWERED, BurstEnd.FAILED)));
        Arbitrary<Optional<GrantPermission>> grant = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(Optional.<GrantPermission>empty())),
                Tuple.of(1, Arbitraries.of(true, false).map(p -> Optional.of(new GrantPermission(PAIR, p)))));
        Arbitrary<Duration> spacing = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(Duration.ZERO)),
                Tuple.of(3, Arbitraries.longs().between(1, 900).map(Duration::ofSeconds)));
        return Arbitraries.frequencyOf(
                Tuple.of(6, Combinators.combine(grant, mixed.list().ofMinSize(1).ofMaxSize(8), spacing).as(Burst::new)),
                Tuple.of(4, Combinators.combine(grant, missed.list().ofMinSize(1).ofMaxSize(6), spacing).as(Burst::new)),
                Tuple.of(2, Combinators.combine(grant, occupying.list().ofMinSize(95).ofMaxSize(115), spacing)
                        .as(Burst::new)));
    }
}
