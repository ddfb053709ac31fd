package com.callpermissionledger.config;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files that hold the ledger's data or a key hash are readable by the owner only: directories 0700, files
 * 0600. On a file system without POSIX permissions (Windows) the operating system's defaults apply.
 */
public final class OwnerOnlyFiles {

    public static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnlyFiles() {
    }

    /** Creates {@code directory} and any missing parents; those it creates get 0700. */
    public static void createDirectories(Path directory) throws IOException {
        Path absolute = directory.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            return;
        }
        if (absolute.getParent() != null) {
            createDirectories(absolute.getParent());
        }
        if (posix()) {
            Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(DIRECTORY));
        } else {
            Files.createDirectory(absolute);
        }
    }

    /** Creates a new, empty file with 0600 from the start, so it is never readable by others. */
    public static void createFile(Path file) throws IOException {
        if (posix()) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
        } else {
            Files.createFile(file);
        }
    }

    /** Narrows an existing file or directory to its owner. */
    public static void restrict(Path path) throws IOException {
        if (posix()) {
            Files.setPosixFilePermissions(path, Files.isDirectory(path) ? DIRECTORY : FILE);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
