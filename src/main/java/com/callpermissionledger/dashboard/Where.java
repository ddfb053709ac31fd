package com.callpermissionledger.dashboard;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A where clause built from optional filters, always with bound parameters, never with pasted values. */
final class Where {

    private final List<String> conditions = new ArrayList<>();
    private final MapSqlParameterSource params = new MapSqlParameterSource();

    Where(Instant now) {
        params.addValue("now", timestamp(now));
    }

    Where equal(String column, Object value) {
        if (value != null) {
            add(column + " = :" + column, column, value);
        }
        return this;
    }

    Where add(String condition, String name, Object value) {
        conditions.add(condition);
        params.addValue(name, value);
        return this;
    }

    String sql() {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    String page(int page, int size) {
        params.addValue("limit", size);
        params.addValue("offset", (long) page * size);
        return " limit :limit offset :offset";
    }

    MapSqlParameterSource params() {
        return params;
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
