package com.callpermissionledger.dashboard;

import com.callpermissionledger.policy.BusinessTerms;
import com.callpermissionledger.policy.BusinessTermsSource;
import com.callpermissionledger.policy.PairDecider;
import com.callpermissionledger.policy.PairId;
import com.callpermissionledger.policy.PairStatus;
import com.callpermissionledger.policy.Refusal;
import com.callpermissionledger.policy.state.RequestRecord;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the dashboard's tables. Whatever depends on time is judged at the moment of the query, by the
 * ledger clock: a permission whose 168 h are over shows as EXPIRED even before its expiry event arrives.
 */
@Service
public class DashboardQueries {

    /** The ledger state at {@code :now}, from the row's state just after its latest event. */
    static final String EFFECTIVE_STATE = "case"
            + " when base_state = 'GRANTED' and expires_at is not null and expires_at <= :now then 'EXPIRED'"
            + " when base_state = 'REQUESTED' and open_requests_until is not null and open_requests_until <= :now"
            + " then 'EXPIRED' else base_state end";

    private final NamedParameterJdbcTemplate jdbc;
    private final PairStateCodec codec;
    private final BusinessTermsSource terms;
    private final Clock clock;

    DashboardQueries(NamedParameterJdbcTemplate jdbc, PairStateCodec codec, BusinessTermsSource terms, Clock clock) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.terms = terms;
        this.clock = clock;
    }

    public Page<PairItem> pairs(PairFilter filter, int page, int size) {
        Instant now = clock.instant();
        var where = new Where(now);
        where.equal("business", filter.business()).equal("user_id", filter.user());
        if (filter.state() != null) {
            where.add("(" + EFFECTIVE_STATE + ") = :state", "state", filter.state().name());
        }
        if (filter.expiringWithin() != null) {
            where.add("(" + EFFECTIVE_STATE + ") = 'GRANTED' and expires_at > :now and expires_at <= :horizon",
                    "horizon", Where.timestamp(now.plus(filter.expiringWithin())));
        }
        if (filter.warning() != null) {
            where.add("warning = :warning", "warning", filter.warning());
        }
        long total = jdbc.queryForObject("select count(*) from dashboard_pair" + where.sql(), where.params(), Long.class);
        Map<String, BusinessTerms> termsByBusiness = new HashMap<>();
        List<PairItem> items = jdbc.query("select pair_id, expired_requests, pair_state from dashboard_pair"
                        + where.sql() + " order by last_activity_at desc, pair_id" + where.page(page, size),
                where.params(), (rs, n) -> item(rs.getString(1), rs.getString(3), now, termsByBusiness));
        return new Page<>(items, page, size, total);
    }

    public Optional<PairItem> pair(PairId pair) {
        Instant now = clock.instant();
        return jdbc.query("select pair_id, expired_requests, pair_state from dashboard_pair where pair_id = :id",
                        new MapSqlParameterSource("id", pair.value()),
                        (rs, n) -> item(rs.getString(1), rs.getString(3), now, new HashMap<>()))
                .stream().findFirst();
    }

    /** {@code termsByBusiness}: one settings lookup per business number and query, not one per row. */
    private PairItem item(String pairId, String stored, Instant now,
                          Map<String, BusinessTerms> termsByBusiness) {
        PairId pair = PairId.parse(pairId);
        // the row's state with the expiries due by now applied: the answer must not wait for the sweeper
        var state = PairDecider.stateAt(pair, codec.read(stored), now);
        int expired = (int) state.requests().values().stream().filter(RequestRecord::expired).count();
        PairStatus s = PairStatus.of(pair, state, termsByBusiness.computeIfAbsent(pair.business(), terms::termsFor), now);
        var p = s.permission();
        return new PairItem(pair.business(), pair.user(), s.state(), s.grantSource(), p == null ? null : p.kind(),
                p == null ? null : p.grantedAt(), p == null ? null : p.expiresAt(), s.calls24h().used(),
                s.calls24h().max(), s.requests24h().used(), s.requests7d().used(), s.consecutiveUnanswered(),
                s.warning(), state.lastActivityAt(), expired, s.canCall(), rule(s.callBlockedBy()),
                retryAt(s.callBlockedBy()), s.canRequest(), rule(s.requestBlockedBy()), retryAt(s.requestBlockedBy()),
                s.policy());
    }

    private static String rule(Optional<Refusal> refusal) {
        return refusal.map(r -> r.rule().id()).orElse(null);
    }

    private static Instant retryAt(Optional<Refusal> refusal) {
        return refusal.map(Refusal::retryAt).orElse(null);
    }
}
