package com.callpermissionledger.cli;

import com.callpermissionledger.LedgerApplication;
import com.callpermissionledger.pair.PairLedger;
import com.callpermissionledger.policy.Channel;
import com.callpermissionledger.policy.PairId;
import com.callpermissionledger.policy.ReplyResponse;
import com.callpermissionledger.policy.command.PlaceCall;
import com.callpermissionledger.policy.command.RecordReply;
import com.callpermissionledger.policy.command.SendPermissionRequest;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The auditor's command line against a real ledger database, without a web server. */
class AuditCommandLineTest {

    private static final PairId PAIR = new PairId("6060", "4916000000001");
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void historyVerifyStateAndTamperDetection(@TempDir Path dir) throws Exception {
        String url = "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("ledger") + ";WRITE_DELAY=0";
        try (ConfigurableApplicationContext ledger = new SpringApplicationBuilder(LedgerApplication.class)
                .run(url, "--server.port=0", "--logging.level.root=WARN",
                        "--ledger.security.generated-key-file=" + dir.resolve("admin-key.sha256"))) {
            PairLedger pairs = ledger.getBean(PairLedger.class);
            pairs.handle(new SendPermissionRequest(PAIR, "wamid.cli", Channel.TEMPLATE));
            pairs.handle(new RecordReply(PAIR, "wamid.cli", ReplyResponse.ACCEPT, false));
            pairs.handle(new PlaceCall(PAIR, "wacid.cli"));
        }

        Run history = run("history", "--business=6060", "--user=4916000000001", url);
        assertThat(history.code()).isZero();
        List<String> lines = history.out().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(json.readTree(lines.get(0)).get("type").asText()).isEqualTo("PermissionRequested");
        assertThat(json.readTree(lines.get(3)).get("type").asText()).isEqualTo("CallPlaced");

        Run state = run("state", "--business=6060", "--user=4916000000001", url);
        assertThat(state.code()).isZero();
        assertThat(json.readTree(state.out()).at("/permission/status").asText()).isEqualTo("temporary");

        Run verify = run("verify", url);
        assertThat(verify.code()).isZero();
        assertThat(json.readTree(verify.out()).get("valid").asBoolean()).isTrue();
        // the pair's 4 events and the policy register's 2 from start-up (whatsapp-v1 defined, made the default)
        assertThat(json.readTree(verify.out()).get("checked").asInt()).isEqualTo(6);

        tamper(url.substring("--spring.datasource.url=".length()));
        Run broken = run("verify", "--business=6060", "--user=4916000000001", url);
        assertThat(broken.code()).as("a broken chain exits 1").isEqualTo(1);
        assertThat(json.readTree(broken.out()).get("firstBrokenSequence").asInt()).isEqualTo(3);

        assertThat(run("verify", "--business=6060", url).code()).as("half a pair is a usage error").isEqualTo(2);
        assertThat(run("launch", url).code()).isEqualTo(2);
    }

    private static void tamper(String jdbcUrl) {
        var dataSource = new org.springframework.jdbc.datasource.DriverManagerDataSource(jdbcUrl, "sa", "");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        byte[] payload = jdbc.queryForObject("select payload from domain_event_entry where aggregate_identifier = ?"
                + " and sequence_number = 3", byte[].class, PAIR.value());
        String edited = new String(payload, StandardCharsets.UTF_8).replace("wacid.cli", "wacid.cl1");
        assertThat(edited).isNotEqualTo(new String(payload, StandardCharsets.UTF_8));
        jdbc.update("update domain_event_entry set payload = ? where aggregate_identifier = ? and sequence_number = 3",
                edited.getBytes(StandardCharsets.UTF_8), PAIR.value());
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = AuditCommandLine.run(LedgerApplication.class, args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
