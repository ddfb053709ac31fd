package com.callpermissionledger.settings;

import com.callpermissionledger.LedgerApplication;
import com.callpermissionledger.http.Answer;
import com.callpermissionledger.http.LedgerHttp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ledger restarted on the same database with another configuration. Point-in-time answers stay the same
 * when {@code ledger.policy.default} changes or a used policy leaves the configuration; a used policy's
 * numbers cannot change under its name: the ledger refuses to start.
 */
class PolicyConfigurationRestartTest {

    private static final String A = "/api/v1/businesses/8080/users/4918000000001";
    private static final String B = "/api/v1/businesses/8081/users/4918000000002";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void pointInTimeAnswersDoNotMoveWithTheConfigurationAndAUsedPolicyKeepsItsNumbers(@TempDir Path dir)
            throws Exception {
        String url = "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("ledger") + ";WRITE_DELAY=0";
        String at;
        String aThen;
        String bThen;
        try (ConfigurableApplicationContext first = start(url, "--ledger.simulation.start=2026-03-01T00:00:00Z",
                "--ledger.policy.default=whatsapp-v1", trial("call-cap=3"))) {
            int port = port(first);
            send(port, "POST", A + "/permission/grant", "{\"source\":\"BUSINESS_PROFILE\",\"permanent\":false}");
            send(port, "POST", A + "/calls", "{\"callId\":\"wacid.a1\"}");
            send(port, "PUT", "/api/v1/businesses/8081/settings", "{\"policy\":\"trial-3\"}");
            send(port, "POST", B + "/permission/grant", "{\"source\":\"BUSINESS_PROFILE\",\"permanent\":false}");
            send(port, "POST", B + "/calls", "{\"callId\":\"wacid.b1\"}");
            at = JSON.readTree(send(port, "POST", "/api/v1/admin/clock", "{\"advance\":\"PT1H\"}")).get("now").asText();
            aThen = send(port, "GET", A + "/call-permission?at=" + at, null);
            bThen = send(port, "GET", B + "/call-permission?at=" + at, null);
            assertThat(aThen).isEqualTo(send(port, "GET", A + "/call-permission", null));
            assertThat(callCap(aThen)).isEqualTo(5);
            assertThat(callCap(bThen)).isEqualTo(3);
        }

        try (ConfigurableApplicationContext second = start(url, "--ledger.simulation.start=2026-03-02T00:00:00Z",
                "--ledger.policy.default=whatsapp-v2")) {
            int port = port(second);
            assertThat(send(port, "GET", A + "/call-permission?at=" + at, null))
                    .as("judged under the default recorded for that instant, not today's").isEqualTo(aThen);
            assertThat(send(port, "GET", B + "/call-permission?at=" + at, null))
                    .as("trial-3 is no longer configured; its recorded numbers still answer").isEqualTo(bThen);
            JsonNode now = JSON.readTree(send(port, "GET", A + "/call-permission", null));
            assertThat(now.get("ledger").get("policy").asText()).isEqualTo("whatsapp-v2");
            assertThat(callCap(now.toString())).isEqualTo(100);
            assertThat(callCap(send(port, "GET", B + "/call-permission", null))).isEqualTo(3);
            List<Object> register = second.getBean(org.axonframework.eventsourcing.eventstore.EventStore.class)
                    .readEvents(PolicyRegister.ID, 0).asStream().map(m -> m.getPayload()).map(Object.class::cast)
                    .toList();
            assertThat(register).filteredOn(DefaultPolicyChanged.class::isInstance)
                    .extracting(e -> ((DefaultPolicyChanged) e).policy())
                    .containsExactly("whatsapp-v1", "whatsapp-v2");
        }

        assertThatThrownBy(() -> start(url, "--ledger.policy.default=whatsapp-v2", trial("call-cap=4")).close())
                .isInstanceOf(PolicyRedefinedException.class)
                .hasMessageContaining("Policy 'trial-3' has been used with other numbers")
                .hasMessageContaining("callCap=3").hasMessageContaining("callCap=4")
                .hasMessageContaining("under a new name");
    }

    private static int callCap(String answer) throws Exception {
        return JSON.readTree(answer).get("actions").get(1).get("limits").get(0).get("max_allowed").asInt();
    }

    private static String[] trial(String... changed) {
        java.util.Map<String, String> numbers = new java.util.LinkedHashMap<>();
        for (String a : List.of("permanent-permissions=true", "temporary-validity=PT168H", "call-cap=3",
                "call-window=PT24H", "request-cap-short=2", "request-window-short=PT24H", "request-cap-long=4",
                "request-window-long=P7D", "warn-after-misses=3", "revoke-after-misses=5", "request-expiry=P7D")) {
            numbers.put(a.split("=")[0], a);
        }
        for (String a : changed) {
            numbers.put(a.split("=")[0], a);
        }
        return numbers.values().stream().map(a -> "--ledger.policies.trial-3." + a).toArray(String[]::new);
    }

    private static ConfigurableApplicationContext start(String url, Object... args) {
        List<String> all = new ArrayList<>(List.of(url, "--spring.profiles.active=test,simulation",
                "--server.port=0", "--logging.level.root=WARN", "--ledger.expiry.sweep-interval=PT1H"));
        for (Object a : args) {
            if (a instanceof String[] many) {
                all.addAll(List.of(many));
            } else {
                all.add((String) a);
            }
        }
        return new SpringApplicationBuilder(LedgerApplication.class).run(all.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    private static String send(int port, String method, String path, String json) {
        Answer answer = new LedgerHttp(port).send(method, path, json);
        assertThat(answer.status()).as(method + " " + path + " -> " + answer.body()).isBetween(200, 201);
        return answer.body();
    }
}
