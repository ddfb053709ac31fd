package com.callpermissionledger.audit;

import com.callpermissionledger.settings.BusinessSettingsAggregate;
import org.axonframework.common.DateTimeUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes events as NDJSON, one stored event per line with its payload and metadata copied byte for byte,
 * row by row from a forward-only cursor, so memory stays flat whatever the number of events.
 */
@Service
public class EventExport {

    private static final int FETCH_SIZE = 500;

    private final JdbcTemplate jdbc;

    public EventExport(JdbcTemplate jdbc) {
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setFetchSize(FETCH_SIZE);
    }

    /** {@code business}, {@code from} and {@code to} (recording time, inclusive, exclusive) are optional. */
    @Transactional(readOnly = true)
    public long export(String business, Instant from, Instant to, OutputStream out) {
        StringBuilder sql = new StringBuilder("select " + StoredEvent.COLUMNS + " from domain_event_entry where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (business != null) {
            sql.append(" and (aggregate_identifier like ? or aggregate_identifier = ?)");
            args.add(business + ":%");
            args.add(BusinessSettingsAggregate.idOf(business));
        }
        if (from != null) {
            sql.append(" and time_stamp >= ?");
            args.add(DateTimeUtils.formatInstant(from));
        }
        if (to != null) {
            sql.append(" and time_stamp < ?");
            args.add(DateTimeUtils.formatInstant(to));
        }
        sql.append(" order by global_index");
        long[] lines = {0};
        jdbc.query(sql.toString(), rs -> {
            write(StoredEvent.read(rs), out);
            lines[0]++;
        }, args.toArray());
        return lines[0];
    }

    private static void write(StoredEvent e, OutputStream out) {
        try {
            out.write(("{\"position\":" + e.position() + ",\"stream\":\"" + e.stream() + "\",\"sequence\":" + e.sequence()
                    + ",\"type\":\"" + e.simpleType() + "\",\"revision\":" + quoted(e.payloadRevision())
                    + ",\"recordedAt\":\"" + e.recordedAt() + "\",\"payload\":").getBytes(StandardCharsets.UTF_8));
            out.write(e.payload());
            out.write(",\"metadata\":".getBytes(StandardCharsets.UTF_8));
            out.write(e.metadata() == null ? "null".getBytes(StandardCharsets.UTF_8) : e.metadata());
            out.write("}\n".getBytes(StandardCharsets.UTF_8));
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
