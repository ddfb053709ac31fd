package com.callpermissionledger.api;

import com.callpermissionledger.http.Answer;
import com.callpermissionledger.http.RunningLedger;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The role table of docs/security.md, every row both ways, with the keys of application-test.yml.
 * Answers other than 401/403 only show the request got past the key check (a 404 or 400 behind it is fine).
 */
class SecurityApiTest extends RunningLedger {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0} {1} {2} -> {4}")
    @CsvSource(delimiter = '|', value = {
            // key                       | method | path                                                              | body                                              | expected
            "test-upstream-key           | POST   | /api/v1/businesses/7100001/users/4910001/permission-requests       | {\"requestId\":\"wamid.s1\",\"channel\":\"TEMPLATE\"} | 201",
            "test-upstream-key           | GET    | /api/v1/businesses/7100001/users/4910001/call-permission           |                                                   | 200",
            "test-upstream-key           | GET    | /api/v1/businesses/7100001/users/4910001/events                    |                                                   | 403",
            "test-upstream-key           | GET    | /api/v1/businesses/7100001/users/4910001/call-permission?at=2020-01-01T00:00:00Z |                     | 403",
            "test-upstream-key           | GET    | /api/v1/dashboard/pairs                                            |                                                   | 403",
            "test-upstream-key           | PUT    | /api/v1/businesses/7100001/settings                                | {\"callbackPermission\":\"ENABLED\"}              | 403",
            "test-upstream-key           | POST   | /api/v1/admin/clock                                                | {\"advance\":\"PT0S\"}                            | 403",
            "test-upstream-key           | GET    | /actuator/metrics                                                  |                                                   | 403",
            "test-hashed-upstream-key    | GET    | /api/v1/businesses/7100001/users/4910002/call-permission           |                                                   | 200",
            "test-dashboard-key          | GET    | /api/v1/dashboard/pairs                                            |                                                   | 200",
            "test-dashboard-key          | GET    | /api/v1/businesses/7100001/users/4910001/call-permission           |                                                   | 200",
            "test-dashboard-key          | POST   | /api/v1/businesses/7100001/users/4910003/permission-requests       | {\"requestId\":\"wamid.s2\",\"channel\":\"TEMPLATE\"} | 403",
            "test-dashboard-key          | GET    | /api/v1/events                                                     |                                                   | 403",
            "test-dashboard-key          | POST   | /api/v1/admin/projections/dashboard/rebuild                        |                                                   | 403",
            "test-auditor-key            | GET    | /api/v1/businesses/7100001/users/4910001/events                    |                                                   | 200",
            "test-auditor-key            | GET    | /api/v1/businesses/7100001/users/4910001/events/verify             |                                                   | 200",
            "test-auditor-key            | GET    | /api/v1/businesses/7100001/users/4910001/call-permission?at=2020-01-01T00:00:00Z |                     | 200",
            "test-auditor-key            | GET    | /api/v1/events?limit=5                                             |                                                   | 200",
            "test-auditor-key            | GET    | /api/v1/events/export?business=7100001                             |                                                   | 200",
            "test-auditor-key            | GET    | /api/v1/dashboard/summary                                          |                                                   | 200",
            "test-auditor-key            | POST   | /api/v1/businesses/7100001/users/4910004/calls                     | {\"callId\":\"wacid.s2\"}                         | 403",
            "test-auditor-key            | PUT    | /api/v1/businesses/7100001/settings                                | {\"callbackPermission\":\"ENABLED\"}              | 403",
            "test-auditor-key            | GET    | /api/v1/admin/projections                                          |                                                   | 403",
            "test-admin-key              | PUT    | /api/v1/businesses/7100002/settings                                | {\"callbackPermission\":\"ENABLED\"}              | 200",
            "test-admin-key              | GET    | /api/v1/admin/projections                                          |                                                   | 200",
            "test-admin-key              | POST   | /api/v1/admin/clock                                                | {\"advance\":\"PT0S\"}                            | 200",
            "test-admin-key              | GET    | /actuator/metrics                                                  |                                                   | 200",
            "test-admin-key              | GET    | /api/v1/events/verify                                              |                                                   | 200",
            "test-scoped-upstream-key    | POST   | /api/v1/businesses/7700001/users/4910005/permission-requests       | {\"requestId\":\"wamid.s3\",\"channel\":\"TEMPLATE\"} | 201",
            "test-scoped-upstream-key    | POST   | /api/v1/businesses/7700003/users/4910005/permission-requests       | {\"requestId\":\"wamid.s4\",\"channel\":\"TEMPLATE\"} | 403",
            "test-scoped-upstream-key    | GET    | /api/v1/businesses/7700003/users/4910005/call-permission           |                                                   | 403",
            "test-scoped-dashboard-key   | GET    | /api/v1/dashboard/pairs?business=7700001                           |                                                   | 200",
            "test-scoped-dashboard-key   | GET    | /api/v1/dashboard/pairs?business=7700002                           |                                                   | 403",
            "test-scoped-dashboard-key   | GET    | /api/v1/dashboard/pairs                                            |                                                   | 403",
            "test-scoped-dashboard-key   | GET    | /api/v1/dashboard/pairs/7700002/4910005                            |                                                   | 403",
            "                            | POST   | /api/v1/businesses/7100001/users/4910006/calls                     | {\"callId\":\"wacid.s3\"}                         | 401",
            "not-a-key                   | GET    | /api/v1/businesses/7100001/users/4910001/call-permission           |                                                   | 401",
            "                            | GET    | /api/v1/dashboard/pairs                                            |                                                   | 401",
            "                            | GET    | /actuator/health                                                   |                                                   | 200",
    })
    void roleTable(String key, String method, String path, String body, int expected) throws Exception {
        Answer answer = http().withKey(key).send(method, path, "application/json",
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));

        assertThat(answer.status()).as(answer.body()).isEqualTo(expected);
        if (expected == 401 || expected == 403) {
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            String code = JSON.readTree(answer.body()).get("code").asText();
            assertThat(code).isIn(expected == 401 ? new String[]{"UNAUTHENTICATED"}
                    : new String[]{"FORBIDDEN", "BUSINESS_NOT_ALLOWED"});
        }
    }
}
