package com.callpermissionledger.api;

import com.callpermissionledger.openapi.ApiContract;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The roles the document names for each operation ({@code x-roles}) are the roles the running access rules
 * admit, whatever implements them: each operation is asked once with each role's key. Bodies are a JSON array
 * where an object is expected, so an admitted command is refused as invalid and nothing is recorded.
 */
class DocumentedRolesApiTest extends HttpApiSupport {

    private static final Map<String, String> KEYS = Map.of("UPSTREAM", "test-upstream-key",
            "DASHBOARD", "test-dashboard-key", "AUDITOR", "test-auditor-key", "ADMIN", "test-admin-key");

    @Test
    void everyOperationAdmitsExactlyTheRolesItsDocumentNames() throws Exception {
        JsonNode paths = JSON.readTree(ApiContract.document(port)).get("paths");
        List<String> wrong = new ArrayList<>();
        int asked = 0;
        for (var path = paths.fields(); path.hasNext(); ) {
            var item = path.next();
            String concrete = item.getKey().replace("{business}", "7700009").replace("{user}", "4900009")
                    .replace("{requestId}", "wamid.roles").replace("{callId}", "wacid.roles")
                    .replace("{name}", "no-such-projection");
            for (var operation = item.getValue().fields(); operation.hasNext(); ) {
                var entry = operation.next();
                if (entry.getValue().has("security") && entry.getValue().get("security").isEmpty()) {
                    HttpResponse<String> answer = ask(entry.getKey().toUpperCase(), concrete, null);
                    assertThat(answer.statusCode()).as("%s %s, open in the document, without a key",
                            entry.getKey(), item.getKey()).isNotEqualTo(401);
                    continue;
                }
                Set<String> roles = new HashSet<>();
                entry.getValue().path("x-roles").forEach(r -> roles.add(r.asText()));
                assertThat(roles).as("x-roles of %s %s", entry.getKey(), item.getKey()).isNotEmpty();
                for (var key : KEYS.entrySet()) {
                    HttpResponse<String> answer = ask(entry.getKey().toUpperCase(), concrete, key.getValue());
                    asked++;
                    boolean admitted = answer.statusCode() != 401 && answer.statusCode() != 403;
                    if (admitted != roles.contains(key.getKey())) {
                        wrong.add(entry.getKey().toUpperCase() + " " + item.getKey() + " as " + key.getKey() + ": "
                                + answer.statusCode() + ", document says " + roles);
                    }
                }
            }
        }
        assertThat(asked).isGreaterThanOrEqualTo(28 * KEYS.size());
        assertThat(wrong).isEmpty();
    }

    private HttpResponse<String> ask(String method, String path, String key) throws Exception {
        boolean body = method.equals("POST") || method.equals("PUT");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body ? HttpRequest.BodyPublishers.ofString("[]") : HttpRequest.BodyPublishers.noBody());
        if (body) {
            request.header("Content-Type", APPLICATION_JSON);
        }
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        return ApiContract.documented(port, HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }
}
