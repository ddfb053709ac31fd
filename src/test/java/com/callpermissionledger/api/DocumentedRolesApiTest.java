package com.callpermissionledger.api;

import com.callpermissionledger.http.Answer;
import com.callpermissionledger.http.Keys;
import com.callpermissionledger.openapi.ApiContract;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.callpermissionledger.http.LedgerHttp.APPLICATION_JSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The roles the document names for each operation ({@code x-roles}) are the roles the running access rules
 * admit, whatever implements them: each operation is asked once with each role's key. Bodies are a JSON array
 * where an object is expected, so an admitted command is refused as invalid and nothing is recorded.
 */
class DocumentedRolesApiTest extends HttpApiSupport {

    private static final Map<String, String> KEYS = Map.of("UPSTREAM", Keys.UPSTREAM,
            "DASHBOARD", Keys.DASHBOARD, "AUDITOR", Keys.AUDITOR, "ADMIN", Keys.ADMIN);

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
                    Answer answer = ask(entry.getKey().toUpperCase(), concrete, null);
                    assertThat(answer.status()).as("%s %s, open in the document, without a key",
                            entry.getKey(), item.getKey()).isNotEqualTo(401);
                    continue;
                }
                Set<String> roles = new HashSet<>();
                entry.getValue().path("x-roles").forEach(r -> roles.add(r.asText()));
                assertThat(roles).as("x-roles of %s %s", entry.getKey(), item.getKey()).isNotEmpty();
                for (var key : KEYS.entrySet()) {
                    Answer answer = ask(entry.getKey().toUpperCase(), concrete, key.getValue());
                    asked++;
                    boolean admitted = answer.status() != 401 && answer.status() != 403;
                    if (admitted != roles.contains(key.getKey())) {
                        wrong.add(entry.getKey().toUpperCase() + " " + item.getKey() + " as " + key.getKey() + ": "
                                + answer.status() + ", document says " + roles);
                    }
                }
            }
        }
        assertThat(asked).isGreaterThanOrEqualTo(28 * KEYS.size());
        assertThat(wrong).isEmpty();
    }

    private Answer ask(String method, String path, String key) {
        boolean body = method.equals("POST") || method.equals("PUT");
        return http().withKey(key).send(method, path, body ? APPLICATION_JSON : null,
                body ? HttpRequest.BodyPublishers.ofString("[]") : HttpRequest.BodyPublishers.noBody());
    }
}
