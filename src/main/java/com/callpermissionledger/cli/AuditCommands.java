package com.callpermissionledger.cli;

import com.callpermissionledger.api.pair.CallPermissionAnswer;
import com.callpermissionledger.audit.AuditTrail;
import com.callpermissionledger.audit.ChainVerdict;
import com.callpermissionledger.audit.EventExport;
import com.callpermissionledger.audit.PointInTime;
import com.callpermissionledger.policy.InvalidIdentifierException;
import com.callpermissionledger.policy.PairId;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;

/** The audit commands themselves, run inside a context of the {@code audit} profile. */
@Component
@Profile("audit")
class AuditCommands {

    static final Set<String> NAMES = Set.of("history", "export", "verify", "state");

    private final AuditTrail trail;
    private final EventExport export;
    private final PointInTime pointInTime;
    private final ObjectMapper json;
    private final Clock clock;

    AuditCommands(AuditTrail trail, EventExport export, PointInTime pointInTime, ObjectMapper json, Clock clock) {
        this.trail = trail;
        this.export = export;
        this.pointInTime = pointInTime;
        this.json = json;
        this.clock = clock;
    }

    int execute(String command, AuditOptions options, PrintStream out) {
        try {
            return switch (command) {
                case "history" -> {
                    for (var entry : trail.history(pair(options).value())) {
                        out.println(json.writeValueAsString(entry));
                    }
                    yield 0;
                }
                case "export" -> {
                    String business = options.get("business");
                    if (business != null) {
                        PairId.requireValidBusiness(business);
                    }
                    export.export(business, options.instant("from"), options.instant("to"), out);
                    out.flush();
                    yield 0;
                }
                case "verify" -> {
                    ChainVerdict verdict = options.get("business") == null && options.get("user") == null
                            ? trail.verifyAll() : trail.verify(pair(options).value());
                    out.println(json.writeValueAsString(verdict));
                    yield verdict.valid() ? 0 : 1;
                }
                default -> {
                    Instant at = options.instant("at");
                    Instant now = clock.instant();
                    if (at != null && at.isAfter(now)) {
                        throw new AuditOptions.UsageException("--at must not be in the future");
                    }
                    out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(
                            CallPermissionAnswer.of(pointInTime.statusAt(pair(options), at != null ? at : now))));
                    yield 0;
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidIdentifierException e) {
            throw new AuditOptions.UsageException(e.field() + ": " + e.getMessage());
        }
    }

    private static PairId pair(AuditOptions options) {
        return new PairId(options.require("business"), options.require("user"));
    }
}
