package nnlab.grading.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import nnlab.grading.io.FileTrees;

/**
 * The directories around a test JVM: its private work directory (writable by the user it runs as, see
 * {@link Isolation#switchesUser()}), a copy of the classpath that user can read, and their removal.
 */
final class WorkDirectories {

    private WorkDirectories() {
    }

    /**
     * A new empty directory in the system temporary directory, owned by the test JVM's user and closed to others.
     *
     * @throws UncheckedIOException if it cannot be created or handed over
     */
    static Path create(Isolation isolation, String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            handOver(isolation, dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a work directory for the test JVM: " + e.getMessage(), e);
        }
    }

    /** Makes {@code path} (a file or directory the runner created) owned by the test JVM's user, mode 700/600. */
    static void handOver(Isolation isolation, Path path) throws IOException {
        boolean dir = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(dir ? "rwx------" : "rw-------"));
        if (isolation.switchesUser()) {
            Files.setAttribute(path, "unix:uid", Isolation.SANDBOX_UID, LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(path, "unix:gid", Isolation.SANDBOX_UID, LinkOption.NOFOLLOW_LINKS);
        }
    }

    /**
     * Copies the classpath into {@code into} (a new directory, readable by everyone) so that a test JVM running as
     * another user can read it even where the originals lie in a private directory such as {@code ~/.m2}. Files
     * are hard-linked where possible, else copied; directories are copied (links in them are skipped); missing
     * entries are left out.
     *
     * @return the staged entries, in classpath order
     * @throws UncheckedIOException if copying fails
     */
    static List<Path> stageClasspath(List<Path> classpath, Path into) {
        List<Path> staged = new ArrayList<>();
        try {
            Files.setPosixFilePermissions(into, PosixFilePermissions.fromString("rwxr-xr-x"));
            for (int i = 0; i < classpath.size(); i++) {
                Path entry = classpath.get(i);
                if (Files.isDirectory(entry)) {
                    Path target = into.resolve(Integer.toString(i));
                    copyTree(entry, target);
                    staged.add(target);
                } else if (Files.isRegularFile(entry)) {
                    Path target = into.resolve(i + "-" + entry.getFileName());
                    if (!(readableByOthers(entry) && linked(entry, target))) {
                        Files.copy(entry, target);
                        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
                    }
                    staged.add(target);
                }
            }
            return staged;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the classpath to " + into + " for the test JVM's user: "
                    + e.getMessage(), e);
        }
    }

    private static boolean readableByOthers(Path file) throws IOException {
        return Files.getPosixFilePermissions(file).contains(PosixFilePermission.OTHERS_READ);
    }

    /** Hard-links {@code target} to {@code file} (which keeps its own permissions); false if that fails. */
    private static boolean linked(Path file, Path target) {
        try {
            Files.createLink(target, file.toRealPath());
            return true;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** Deletes {@code dir} and everything in it without following links; null and failures are ignored. */
    static void deleteQuietly(Path dir) {
        FileTrees.deleteQuietly(dir);
    }

    private static void copyTree(Path source, Path target) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path copy = target.resolve(source.relativize(dir).toString());
                Files.createDirectories(copy);
                Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwxr-xr-x"));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile()) {
                    Path copy = target.resolve(source.relativize(file).toString());
                    Files.copy(file, copy);
                    Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
