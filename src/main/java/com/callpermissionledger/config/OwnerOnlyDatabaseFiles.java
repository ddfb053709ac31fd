package com.callpermissionledger.config;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * An H2 file database holds every user id of the ledger. Its directory is created 0700 before the first
 * connection (before the data source bean is initialised), and once every singleton is built (Flyway has run),
 * the files H2 made in it are narrowed to 0600; files H2 adds later sit in the closed directory.
 */
@Component
public class OwnerOnlyDatabaseFiles implements BeanPostProcessor, SmartInitializingSingleton {

    private final Optional<Path> database;

    public OwnerOnlyDatabaseFiles(@Value("${spring.datasource.url:}") String url) {
        this.database = h2File(url);
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource) {
            database.ifPresent(file -> {
                try {
                    Path parent = file.toAbsolutePath().getParent();
                    if (parent != null && !Files.exists(parent)) {
                        OwnerOnlyFiles.createDirectories(parent);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("the database directory could not be created for " + file, e);
                }
            });
        }
        return bean;
    }

    @Override
    public void afterSingletonsInstantiated() {
        database.ifPresent(OwnerOnlyDatabaseFiles::restrictFilesOf);
    }

    private static void restrictFilesOf(Path file) {
        Path directory = file.toAbsolutePath().getParent();
        String prefix = file.getFileName() + ".";
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, p -> p.getFileName().toString().startsWith(prefix))) {
            for (Path p : files) {
                OwnerOnlyFiles.restrict(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the database files could not be narrowed to their owner in " + directory, e);
        }
    }

    /** The base path of an H2 file database ({@code jdbc:h2:file:./data/ledger;…} or {@code jdbc:h2:./data/ledger}). */
    static Optional<Path> h2File(String url) {
        if (url == null || !url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:")) {
            return Optional.empty();
        }
        String rest = url.substring("jdbc:h2:".length());
        int options = rest.indexOf(';');
        if (options >= 0) {
            rest = rest.substring(0, options);
        }
        String lower = rest.toLowerCase(Locale.ROOT);
        if (lower.startsWith("file:")) {
            rest = rest.substring("file:".length());
        } else if (lower.startsWith("mem:") || lower.startsWith("tcp:") || lower.startsWith("ssl:")
                || lower.startsWith("zip:") || lower.contains(":") && !lower.matches("^[a-z]:[/\\\\].*")) {
            return Optional.empty();
        }
        if (rest.startsWith("~")) {
            rest = System.getProperty("user.home") + rest.substring(1);
        }
        return rest.isBlank() ? Optional.empty() : Optional.of(Path.of(rest));
    }
}
