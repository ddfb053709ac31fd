package com.callpermissionledger.security;

import com.callpermissionledger.LedgerApplication;
import com.callpermissionledger.http.Answer;
import com.callpermissionledger.http.LedgerHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A start with no key configured is not an open door: one ADMIN key is generated and only its hash kept.
 * The hash file and the H2 database files are the owner's only (0600, in 0700 directories).
 */
class FreshStartTest {

    @Test
    void withoutConfiguredKeysCommandsNeedTheGeneratedKey(@TempDir Path dir) throws Exception {
        Path keyFile = dir.resolve("data").resolve("generated-admin-key.sha256");
        String[] args = {"--server.port=0", "--logging.level.root=WARN",
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db").resolve("ledger") + ";WRITE_DELAY=0;TRACE_LEVEL_FILE=4",
                "--ledger.security.generated-key-file=" + keyFile};
        try (ConfigurableApplicationContext ledger = new SpringApplicationBuilder(LedgerApplication.class).run(args)) {
            int port = ((WebServerApplicationContext) ledger).getWebServer().getPort();
            Answer answer = new LedgerHttp(port).withKey(null)
                    .post("/api/v1/businesses/1/users/2/permission/grant", "{\"source\":\"BUSINESS_PROFILE\"}");
            assertThat(answer.status()).isEqualTo(401);
            assertThat(ledger.getBean(ApiKeys.class).size()).isEqualTo(1);
        }
        String hash = Files.readString(keyFile).trim();
        assertThat(hash).matches("[0-9a-f]{64}");
        assertThat(permissions(keyFile)).as("the key-hash file").isEqualTo("rw-------");
        assertThat(permissions(keyFile.getParent())).as("the directory made for it").isEqualTo("rwx------");
        // the PostgreSQL re-run replaces the H2 file database given above: no database files to look at there
        if (!System.getProperty("spring.profiles.include", "").contains("postgres")) {
            assertThat(permissions(dir.resolve("db"))).as("the database directory").isEqualTo("rwx------");
            try (var files = Files.list(dir.resolve("db"))) {
                var dbFiles = files.toList();
                assertThat(dbFiles).as("H2's files").isNotEmpty();
                for (Path file : dbFiles) {
                    assertThat(permissions(file)).as(file.toString()).isEqualTo("rw-------");
                }
            }
        }

        try (ConfigurableApplicationContext again = new SpringApplicationBuilder(LedgerApplication.class).run(args)) {
            assertThat(Files.readString(keyFile).trim()).as("the key survives a restart").isEqualTo(hash);
        }
    }

    private static String permissions(Path path) throws java.io.IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
