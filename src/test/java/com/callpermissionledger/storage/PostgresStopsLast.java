package com.callpermissionledger.storage;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * When the test run ends, before Surefire exits the JVM: the Spring contexts on the embedded PostgreSQL close
 * while their database still answers, then the server stops (registered in META-INF/services).
 */
public class PostgresStopsLast implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        try {
            EmbeddedPostgresDatabase.stop();
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded PostgreSQL did not stop", e);
        }
    }
}
