package com.callpermissionledger.demo;

import com.callpermissionledger.policy.CallOutcome;
import com.callpermissionledger.policy.PairId;
import com.callpermissionledger.policy.ReplyResponse;
import com.callpermissionledger.policy.UserCallOutcome;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The demo's made-up but realistic traffic: three business numbers, a few hundred users, and for each pair
 * one of a dozen stories (asked and accepted, granted from the profile, never answered, declined, calls
 * going unanswered until the warning or the automatic revocation, calls refused for want of a permission or
 * over the cap, requests over the limits, callbacks after a user's call). Everything comes from one seeded
 * {@link Random}, so the same stories are told every time; only the starting instant differs.
 */
final class DemoScenario {

    /** A business number of the demo. */
    record Business(String number, String label, int pairs, boolean callback, String policy) {
        boolean permanentPermissions() {
            return "whatsapp-v2".equals(policy);
        }
    }

    /** A script and when, from the beginning of the simulated period, it starts. */
    record Planned(Script script, Duration offset) {
    }

    static final List<Business> BUSINESSES = List.of(
            new Business("106540352242922", "support line, callback permission enabled", 130, true, null),
            new Business("113265841956327", "sales", 110, false, null),
            new Business("120893476512004", "bookings, policy whatsapp-v2", 60, false, "whatsapp-v2"));

    /** Mobile prefixes of a few countries, so the user ids look like the WhatsApp ids a team sees. */
    private static final String[] PREFIXES = {"49151", "49160", "49176", "447700", "447911", "5511", "5521", "9198",
            "9170", "1415", "1646", "3361", "3465", "3932", "3162"};

    private final Random random;
    private final Set<String> usedUsers = new HashSet<>();
    private int requests;
    private int calls;

    DemoScenario(long seed) {
        this.random = new Random(seed);
    }

    /** Every pair's script over {@code period}, in a fixed order. */
    List<Planned> plan(Duration period) {
        List<Planned> planned = new ArrayList<>();
        long latestStart = period.minusHours(1).toMillis();
        for (Business business : BUSINESSES) {
            for (int i = 0; i < business.pairs(); i++) {
                PairId pair = new PairId(business.number(), newUser());
                planned.add(new Planned(story(business, pair), Duration.ofMillis((long) (random.nextDouble() * latestStart))));
            }
        }
        return planned;
    }

    /** One new pair for the live part of the demo, starting now. */
    Script newcomer() {
        Business business = BUSINESSES.get(random.nextInt(BUSINESSES.size()));
        return story(business, new PairId(business.number(), newUser()));
    }

    /** One story, and how many of every hundred pairs are told it. */
    private record Story(int weight, BiFunction<Business, PairId, Script> tell) {
    }

    /** The stories and their weights; one draw of {@code random} picks one (the weights add up to 100). */
    private final List<Story> stories = List.of(
            new Story(30, (business, pair) -> askedAndAccepted(business, pair, minutes(5, 180))),
            new Story(12, (business, pair) -> grantedFromProfile(pair)),
            new Story(14, (business, pair) -> neverAnswered(pair)),
            new Story(9, (business, pair) -> declined(pair)),
            new Story(8, this::warned),
            new Story(4, this::revokedAutomatically),
            new Story(4, (business, pair) -> new Script(pair).callAndStop(Duration.ZERO, callId())),
            new Story(3, (business, pair) -> business.permanentPermissions()
                    ? askedAndAccepted(business, pair, minutes(5, 60)) : overTheCap(pair)),
            new Story(3, (business, pair) -> revokedFromProfile(pair)),
            new Story(3, (business, pair) -> askedTooOften(pair)),
            new Story(10, this::asItsSettingsAllow));

    private Script story(Business business, PairId pair) {
        int dice = random.nextInt(stories.stream().mapToInt(Story::weight).sum());
        for (Story story : stories) {
            if (dice < story.weight()) {
                return story.tell().apply(business, pair);
            }
            dice -= story.weight();
        }
        throw new IllegalStateException("a draw below the weights' sum picks a story");
    }

    /** A callback where the number allows one, else a permanent permission asked for again, else a late yes. */
    private Script asItsSettingsAllow(Business business, PairId pair) {
        if (business.callback()) {
            return calledBack(pair);
        }
        if (business.permanentPermissions()) {
            return permanentThenAskedAgain(pair);
        }
        return askedAndAccepted(business, pair, hours(20, 70));
    }

    private Script askedAndAccepted(Business business, PairId pair, Duration replyAfter) {
        String request = requestId();
        Script script = new Script(pair).request(Duration.ZERO, request).delivered(minutes(1, 10), request)
                .reply(replyAfter, request, ReplyResponse.ACCEPT, business.permanentPermissions() && random.nextBoolean());
        return calls(script, random.nextInt(6), 0.18);
    }

    private Script grantedFromProfile(PairId pair) {
        return calls(new Script(pair).grantFromProfile(Duration.ZERO), random.nextInt(6), 0.15);
    }

    private Script neverAnswered(PairId pair) {
        String request = requestId();
        Script script = new Script(pair).request(Duration.ZERO, request);
        if (random.nextInt(4) > 0) {
            script.delivered(minutes(1, 30), request);
        }
        return script;
    }

    private Script declined(PairId pair) {
        String request = requestId();
        Script script = new Script(pair).request(Duration.ZERO, request).delivered(minutes(1, 10), request)
                .reply(minutes(10, 600), request, ReplyResponse.REJECT, false);
        if (random.nextInt(100) < 35) {
            script.requestAndStop(hours(1, 10), requestId());
        }
        return script;
    }

    private Script warned(Business business, PairId pair) {
        String request = requestId();
        Script script = new Script(pair).request(Duration.ZERO, request).delivered(minutes(1, 10), request)
                .reply(minutes(5, 120), request, ReplyResponse.ACCEPT, false)
                .call(hours(2, 20), callId(), CallOutcome.CONNECTED)
                .call(hours(4, 24), callId(), CallOutcome.UNANSWERED)
                .call(hours(3, 20), callId(), random.nextBoolean() ? CallOutcome.REJECTED : CallOutcome.UNANSWERED);
        if (random.nextInt(100) < 40) {
            script.call(hours(3, 20), callId(), CallOutcome.UNANSWERED);
        }
        return script;
    }

    private Script revokedAutomatically(Business business, PairId pair) {
        String request = requestId();
        Script script = new Script(pair).request(Duration.ZERO, request).delivered(minutes(1, 10), request)
                .reply(minutes(5, 120), request, ReplyResponse.ACCEPT, false);
        for (int i = 0; i < 4; i++) {
            script.call(hours(3, 18), callId(), i % 2 == 0 ? CallOutcome.UNANSWERED : CallOutcome.REJECTED);
        }
        if (random.nextBoolean()) {
            script.callAndStop(hours(2, 12), callId());
        }
        return script;
    }

    private Script overTheCap(PairId pair) {
        Script script = new Script(pair).grantFromProfile(Duration.ZERO);
        for (int i = 0; i < 6; i++) {
            script.call(minutes(20, 90), callId(), CallOutcome.CONNECTED);
        }
        return script;
    }

    private Script revokedFromProfile(PairId pair) {
        Script script = calls(new Script(pair).grantFromProfile(Duration.ZERO), 1 + random.nextInt(3), 0.1);
        return script.revokeFromProfile(hours(5, 48));
    }

    private Script askedTooOften(PairId pair) {
        String first = requestId();
        String second = requestId();
        return new Script(pair).request(Duration.ZERO, first).delivered(minutes(1, 10), first)
                .request(hours(25, 40), second).delivered(minutes(1, 10), second)
                .requestAndStop(hours(25, 40), requestId());
    }

    private Script calledBack(PairId pair) {
        UserCallOutcome outcome = random.nextInt(100) < 60 ? UserCallOutcome.CONNECTED : UserCallOutcome.MISSED;
        return calls(new Script(pair).userCall(Duration.ZERO, callId(), outcome), random.nextInt(5), 0.15);
    }

    private Script permanentThenAskedAgain(PairId pair) {
        String request = requestId();
        Script script = new Script(pair).request(Duration.ZERO, request).delivered(minutes(1, 10), request)
                .reply(minutes(5, 90), request, ReplyResponse.ACCEPT, true);
        return calls(script, 1 + random.nextInt(3), 0.1).requestAndStop(hours(30, 60), requestId());
    }

    /** {@code count} business calls a few hours apart; {@code missRate} of them unanswered or rejected. */
    private Script calls(Script script, int count, double missRate) {
        for (int i = 0; i < count; i++) {
            double dice = random.nextDouble();
            CallOutcome outcome = dice < missRate * 0.65 ? CallOutcome.UNANSWERED
                    : dice < missRate ? CallOutcome.REJECTED
                    : dice < missRate + 0.05 ? CallOutcome.FAILED
                    : CallOutcome.CONNECTED;
            script.call(hours(3, 36), callId(), outcome);
        }
        return script;
    }

    private String newUser() {
        while (true) {
            String user;
            if (random.nextInt(100) < 5) {
                user = "US." + (1_000_000_000L + (long) (random.nextDouble() * 8_999_999_999L))
                        + String.format(Locale.ROOT, "%09d", random.nextInt(1_000_000_000));
            } else {
                String prefix = PREFIXES[random.nextInt(PREFIXES.length)];
                StringBuilder digits = new StringBuilder(prefix);
                int length = prefix.startsWith("1") ? 11 : 12 + random.nextInt(2);
                while (digits.length() < length) {
                    digits.append(random.nextInt(10));
                }
                user = digits.toString();
            }
            if (usedUsers.add(user)) {
                return user;
            }
        }
    }

    private String requestId() {
        return String.format(Locale.ROOT, "wamid.demo-%06d", ++requests);
    }

    private String callId() {
        return String.format(Locale.ROOT, "wacid.demo-%06d", ++calls);
    }

    private Duration minutes(int from, int to) {
        return Duration.ofSeconds(from * 60L + random.nextInt((to - from) * 60 + 1));
    }

    private Duration hours(int from, int to) {
        return minutes(from * 60, to * 60);
    }
}
