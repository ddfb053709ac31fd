package com.callpermissionledger.dashboard;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/** Requests and calls as listings, and the per-business summary strip. */
@Service
public class ActivityQueries {

    public static final Set<String> REQUEST_STATUSES = Set.of("EXPIRED", "PENDING", "ACCEPTED", "DECLINED");
    public static final Set<String> CALL_OUTCOMES = Set.of("CONNECTED", "UNANSWERED", "REJECTED", "FAILED", "MISSED",
            "IN_FLIGHT", "REFUSED");

    /** A request is expired once marked, or once its time is up even before the marker event arrives. */
    private static final String EXPIRED = "(expired_at is not null or (expires_at is not null and expires_at <= :now))";
    private static final String REQUEST_STATUS = "case when " + EXPIRED + " then 'EXPIRED'"
            + " when response is null then 'PENDING' when response = 'ACCEPT' then 'ACCEPTED' else 'DECLINED' end";

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    ActivityQueries(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Page<RequestItem> requests(String business, String user, String status, int page, int size) {
        var where = new Where(clock.instant()).equal("business", business).equal("user_id", user);
        if (status != null) {
            where.add("(" + REQUEST_STATUS + ") = :status", "status", status);
        }
        long total = jdbc.queryForObject("select count(*) from dashboard_request" + where.sql(), where.params(), Long.class);
        List<RequestItem> items = jdbc.query("select request_id, business, user_id, " + REQUEST_STATUS + ", channel,"
                + " sent_at, delivered_at, response, permanent, replied_at, expires_at, " + EXPIRED + ","
                + " coalesce(expired_at, case when " + EXPIRED + " then expires_at end),"
                + " coalesce(expiry_reason, case when " + EXPIRED + " then case when replied_at is null"
                + " then 'NO_RESPONSE' else 'AFTER_REPLY' end end)"
                + " from dashboard_request" + where.sql()
                + " order by coalesce(sent_at, first_seen_at) desc, pair_id, request_id" + where.page(page, size),
                where.params(), (rs, n) -> new RequestItem(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), Where.instant(rs, 6), Where.instant(rs, 7), rs.getString(8),
                        rs.getBoolean(9), Where.instant(rs, 10), Where.instant(rs, 11), rs.getBoolean(12),
                        Where.instant(rs, 13), rs.getString(14)));
        return new Page<>(items, page, size, total);
    }

    public Page<CallItem> calls(String business, String user, String outcome, int page, int size) {
        var where = new Where(clock.instant()).equal("business", business).equal("user_id", user);
        if ("REFUSED".equals(outcome)) {
            where.add("refused = :refused", "refused", true);
        } else if ("IN_FLIGHT".equals(outcome)) {
            where.add("refused = :refused and outcome is null", "refused", false);
        } else if (outcome != null) {
            where.add("outcome = :outcome", "outcome", outcome);
        }
        long total = jdbc.queryForObject("select count(*) from dashboard_call" + where.sql(), where.params(), Long.class);
        List<CallItem> items = jdbc.query("select call_id, business, user_id, direction, placed_at, outcome, outcome_at,"
                        + " refused, refusal_code, rule, retry_at from dashboard_call" + where.sql()
                        + " order by placed_at desc, pair_id, sequence_number desc" + where.page(page, size),
                where.params(), (rs, n) -> new CallItem(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), Where.instant(rs, 5), rs.getString(6), Where.instant(rs, 7), rs.getBoolean(8),
                        rs.getString(9), rs.getString(10), Where.instant(rs, 11)));
        return new Page<>(items, page, size, total);
    }

    public List<BusinessSummary> summary(String business) {
        Instant now = clock.instant();
        Instant dayStart = now.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant();
        var where = new Where(now).equal("business", business);
        where.params().addValue("day", Where.timestamp(dayStart)).addValue("soon", Where.timestamp(now.plus(1, ChronoUnit.DAYS)));
        var businesses = jdbc.queryForList("select distinct business from dashboard_pair" + where.sql()
                + " order by business", where.params(), String.class);
        return businesses.stream().map(b -> summaryOf(b, where)).toList();
    }

    private BusinessSummary summaryOf(String business, Where base) {
        var p = base.params();
        p.addValue("b", business);
        var states = new java.util.TreeMap<String, Long>();
        jdbc.query("select s, count(*) from (select " + DashboardQueries.EFFECTIVE_STATE
                + " as s from dashboard_pair where business = :b) states group by s", p, rs -> {
            states.put(rs.getString(1), rs.getLong(2));
        });
        long pairs = states.values().stream().mapToLong(Long::longValue).sum();
        long warnings = count("select count(*) from dashboard_pair where business = :b and warning = true", p);
        long expiring = count("select count(*) from dashboard_pair where business = :b and (" + DashboardQueries.EFFECTIVE_STATE
                + ") = 'GRANTED' and expires_at > :now and expires_at <= :soon", p);
        String calls = "select count(*) from dashboard_call where business = :b and direction = 'BUSINESS_INITIATED'"
                + " and placed_at >= :day and placed_at <= :now";
        return new BusinessSummary(business, pairs, states, warnings, expiring,
                count(calls + " and refused = false", p),
                count(calls + " and outcome = 'CONNECTED'", p),
                count(calls + " and refused = true", p),
                count("select count(*) from dashboard_request where business = :b and sent_at >= :day and sent_at <= :now", p),
                count("select count(*) from dashboard_refused_request where business = :b and refused_at >= :day"
                        + " and refused_at <= :now", p));
    }

    private long count(String sql, org.springframework.jdbc.core.namedparam.MapSqlParameterSource params) {
        Long n = jdbc.queryForObject(sql, params, Long.class);
        return n == null ? 0 : n;
    }
}
