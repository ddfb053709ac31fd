package com.callpermissionledger.dashboard;

import com.callpermissionledger.http.Answer;
import com.callpermissionledger.http.LedgerHttp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's query API over real HTTP, fed through the real command path and the real processor. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:dashboard-api;DB_CLOSE_DELAY=-1",
                // a snapshot every 2 events: the timeline must still start at the pair's first event
                "ledger.snapshots.every-events=2"})
@ActiveProfiles({"test", "simulation"})
class DashboardQueryApiTest {

    private static final String BUSINESS = "8100";
    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void pairsArePagedWithTotalsAndStableOrder() throws Exception {
        for (int i = 0; i < 5; i++) {
            post("/api/v1/businesses/" + BUSINESS + "/users/4917100000" + i + "/permission/grant",
                    "{\"source\":\"BUSINESS_PROFILE\"}");
        }
        JsonNode first = awaitTotal("/api/v1/dashboard/pairs?business=" + BUSINESS + "&size=2", 5);
        JsonNode second = get("/api/v1/dashboard/pairs?business=" + BUSINESS + "&size=2&page=1");
        assertThat(first.get("items")).hasSize(2);
        assertThat(second.get("items")).hasSize(2);
        assertThat(first.get("items").get(0).get("user").asText())
                .isNotEqualTo(second.get("items").get(0).get("user").asText());
        assertThat(get("/api/v1/dashboard/pairs?business=" + BUSINESS + "&size=2").get("items"))
                .as("same query, same order").isEqualTo(first.get("items"));
        assertThat(get("/api/v1/dashboard/pairs?business=" + BUSINESS + "&state=GRANTED").get("total").asInt()).isEqualTo(5);
        assertThat(get("/api/v1/dashboard/pairs?business=" + BUSINESS + "&state=REVOKED").get("total").asInt()).isZero();
    }

    @Test
    void summaryAndCallsFollowCommands() throws Exception {
        String root = "/api/v1/businesses/8200/users/491720000000";
        post(root + "/permission/grant", "{\"source\":\"BUSINESS_PROFILE\"}");
        post(root + "/calls", "{\"callId\":\"wacid.s1\"}");
        post(root + "/calls/wacid.s1/outcome", "{\"outcome\":\"UNANSWERED\"}");
        post("/api/v1/businesses/8200/users/491720000001/calls", "{\"callId\":\"wacid.s2\"}");

        // the two pairs may sit in different segments of the processor: wait for every row asserted on
        awaitTotal("/api/v1/dashboard/calls?business=8200&outcome=UNANSWERED", 1);
        awaitTotal("/api/v1/dashboard/calls?business=8200&outcome=REFUSED", 1);
        JsonNode calls = awaitTotal("/api/v1/dashboard/calls?business=8200", 2);
        assertThat(get("/api/v1/dashboard/calls?business=8200&outcome=REFUSED").get("items").get(0).get("rule").asText())
                .isEqualTo("R-PERMISSION-REQUIRED");
        assertThat(calls.get("items")).hasSize(2);
        JsonNode summary = get("/api/v1/dashboard/summary?business=8200").get("businesses").get(0);
        assertThat(summary.get("callsPlacedToday").asInt()).isEqualTo(1);
        assertThat(summary.get("callsRefusedToday").asInt()).isEqualTo(1);
        assertThat(summary.get("states").get("GRANTED").asInt()).isEqualTo(1);
    }

    @Test
    void theTimelineIsEveryEventOfThePairInOrderInPlainWordsEvenBesideASnapshot() throws Exception {
        String root = "/api/v1/businesses/8300/users/491730000000";
        post(root + "/permission-requests", "{\"requestId\":\"wamid.t1\",\"channel\":\"TEMPLATE\"}");
        post(root + "/permission-requests", "{\"requestId\":\"wamid.t2\",\"channel\":\"FREE_FORM\"}");
        post(root + "/permission-requests/wamid.t1/delivered", "{}");
        post(root + "/permission-requests/wamid.t1/reply", "{\"response\":\"ACCEPT\"}");
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (snapshots("8300:491730000000") == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(snapshots("8300:491730000000")).as("a snapshot beside the stream").isPositive();

        JsonNode timeline = get("/api/v1/dashboard/pairs/8300/491730000000/timeline");
        assertThat(timeline.findValuesAsText("kind")).containsExactly("PermissionRequested",
                "PermissionRequestRefused", "PermissionRequestDelivered", "PermissionReplyRecorded", "PermissionGranted");
        assertThat(timeline.findValues("sequence")).extracting(JsonNode::asInt).containsExactly(0, 1, 2, 3, 4);
        assertThat(timeline.get(1).get("text").asText()).startsWith("Permission request wamid.t2 refused (");
        assertThat(timeline.get(1).get("rule").asText()).isNotBlank();
        assertThat(timeline.get(3).get("text").asText()).isEqualTo("User accepted request wamid.t1.");
        assertThat(get("/api/v1/dashboard/pairs/8300/491730000001/timeline")).as("no history").isEmpty();

        // the refusal is counted in the business's summary from its own row, once the projection has it
        awaitTotal("/api/v1/dashboard/pairs?business=8300&state=GRANTED", 1);
        JsonNode summary = get("/api/v1/dashboard/summary?business=8300").get("businesses").get(0);
        assertThat(summary.get("requestsRefusedToday").asInt()).isEqualTo(1);
        assertThat(summary.get("requestsSentToday").asInt()).isEqualTo(1);
    }

    @Test
    void theTimelineIsReadAPageAtATimeNewestPageFirst() throws Exception {
        String root = "/api/v1/businesses/8310/users/491731000000";
        int events = PairTimeline.LATEST + 3;
        for (int i = 0; i < events; i++) {
            assertThat(http().post(root + "/calls", "{\"callId\":\"wacid.p" + i + "\"}").status())
                    .as("refused for want of permission, an event each").isEqualTo(403);
        }
        awaitTotal("/api/v1/dashboard/pairs?business=8310", 1);

        JsonNode detail = get("/api/v1/dashboard/pairs/8310/491731000000");
        assertThat(detail.get("timeline").findValues("sequence")).extracting(JsonNode::asInt)
                .as("the latest page, oldest first").hasSize(PairTimeline.LATEST).startsWith(3, 4).endsWith(events - 1);
        assertThat(detail.get("earlierEvents").asLong()).isEqualTo(3);

        String timeline = "/api/v1/dashboard/pairs/8310/491731000000/timeline";
        assertThat(get(timeline + "?limit=2").findValues("sequence")).extracting(JsonNode::asInt)
                .containsExactly(events - 2, events - 1);
        assertThat(get(timeline + "?before=3").findValues("sequence")).extracting(JsonNode::asInt)
                .as("the page before the panel's").containsExactly(0, 1, 2);
        assertThat(get(timeline + "?before=2&limit=1").findValuesAsText("kind")).containsExactly("CallRefused");
        assertThat(get(timeline + "?before=0")).as("nothing before the first event").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/dashboard/pairs/8300/491730000000/timeline?limit=0",
            "/api/v1/dashboard/pairs/8300/491730000000/timeline?limit=1001",
            "/api/v1/dashboard/pairs/8300/491730000000/timeline?before=-1",
            "/api/v1/dashboard/pairs/8300/491730000000/timeline?before=last", "/api/v1/dashboard/pairs?state=CALLABLE", "/api/v1/dashboard/pairs?expiringWithin=tomorrow",
            "/api/v1/dashboard/pairs?expiringWithin=-P1D", "/api/v1/dashboard/pairs?warning=yes",
            "/api/v1/dashboard/pairs?size=0", "/api/v1/dashboard/pairs?size=201", "/api/v1/dashboard/pairs?page=-1",
            "/api/v1/dashboard/pairs?business=12ab", "/api/v1/dashboard/requests?status=OPEN",
            "/api/v1/dashboard/calls?outcome=BUSY", "/api/v1/dashboard/summary?business=x"})
    void badFiltersAreProblems(String path) throws Exception {
        Answer answer = http().get(path);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(answer.body()).get("code").asText()).isIn("INVALID_REQUEST", "INVALID_IDENTIFIER");
    }

    private JsonNode awaitTotal(String path, int total) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        JsonNode page = get(path);
        while (page.get("total").asInt() < total && System.nanoTime() < deadline) {
            Thread.sleep(100);
            page = get(path);
        }
        assertThat(page.get("total").asInt()).as("projection caught up").isEqualTo(total);
        return page;
    }

    private long snapshots(String pair) {
        return jdbc.queryForObject("select count(*) from snapshot_event_entry where aggregate_identifier = ?",
                Long.class, pair);
    }

    private JsonNode get(String path) throws Exception {
        Answer answer = http().get(path);
        assertThat(answer.status()).as(path).isEqualTo(200);
        return json.readTree(answer.body());
    }

    private void post(String path, String body) throws Exception {
        Answer answer = http().post(path, body);
        assertThat(answer.status()).as(path + " " + answer.body()).isLessThan(500);
    }

    /** The shared client, with the ADMIN key of the test profile. */
    private LedgerHttp http() {
        return new LedgerHttp(port);
    }
}
