package com.callpermissionledger.security;

import com.callpermissionledger.LedgerApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A start with no key configured is not an open door: one ADMIN key is generated and only its hash kept. */
class FreshStartTest {

    @Test
    void withoutConfiguredKeysCommandsNeedTheGeneratedKey(@TempDir Path dir) throws Exception {
        Path keyFile = dir.resolve("data").resolve("generated-admin-key.sha256");
        String[] args = {"--server.port=0", "--logging.level.root=WARN",
                "--spring.datasource.url=jdbc:h2:mem:fresh;DB_CLOSE_DELAY=-1",
                "--ledger.security.generated-key-file=" + keyFile};
        try (ConfigurableApplicationContext ledger = new SpringApplicationBuilder(LedgerApplication.class).run(args)) {
            int port = ((WebServerApplicationContext) ledger).getWebServer().getPort();
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                            "http://localhost:" + port + "/api/v1/businesses/1/users/2/permission/grant"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"source\":\"BUSINESS_PROFILE\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(ledger.getBean(ApiKeys.class).size()).isEqualTo(1);
        }
        String hash = Files.readString(keyFile).trim();
        assertThat(hash).matches("[0-9a-f]{64}");

        try (ConfigurableApplicationContext again = new SpringApplicationBuilder(LedgerApplication.class).run(args)) {
            assertThat(Files.readString(keyFile).trim()).as("the key survives a restart").isEqualTo(hash);
        }
    }
}
