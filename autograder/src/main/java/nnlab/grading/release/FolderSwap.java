package nnlab.grading.release;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicLong;

import nnlab.grading.io.FileTrees;

/**
 * Puts a folder in place so that a half-written one never stands at the target: the contents are written into a
 * hidden sibling folder, which is then renamed to the target. An existing non-empty target is only replaced when
 * asked: it is renamed aside, the new folder renamed in, and the old one deleted.
 */
final class FolderSwap {

    /** Writes the contents of the new folder. */
    @FunctionalInterface
    interface Contents<T> {
        /** Fills {@code folder} (empty, already created) and returns what the caller reports. */
        T writeInto(Path folder) throws IOException;
    }

    private static final AtomicLong COUNTER = new AtomicLong();

    private FolderSwap() {
    }

    /**
     * Writes a folder at {@code target}.
     *
     * @param target   the folder to write; its parent is created if needed
     * @param replace  whether an existing non-empty {@code target} may be replaced
     * @param contents writes the new folder's files
     * @return what {@code contents} returned
     * @throws IllegalStateException if {@code target} is a file, or a non-empty folder and {@code replace} is false
     * @throws IOException           if writing or moving fails; {@code target} is then as it was
     */
    static <T> T write(Path target, boolean replace, Contents<T> contents) throws IOException {
        Path out = target.toAbsolutePath().normalize();
        if (Files.exists(out, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalStateException(out + " exists and is not a folder; choose another output folder");
        }
        boolean occupied = Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS) && !isEmpty(out);
        if (occupied && !replace) {
            throw new IllegalStateException(out + " is not empty; choose an empty or new folder, or ask for it to"
                    + " be replaced (replace = true)");
        }
        Files.createDirectories(out.getParent());
        Path fresh = sibling(out, "new");
        Files.createDirectory(fresh);
        T result;
        try {
            result = contents.writeInto(fresh);
        } catch (IOException | RuntimeException | Error e) {
            deleteQuietly(fresh, e);
            throw e;
        }
        Path old = null;
        try {
            if (occupied) {
                old = sibling(out, "old");
                move(out, old);
            } else {
                Files.deleteIfExists(out);
            }
            move(fresh, out);
        } catch (IOException | RuntimeException e) {
            if (old != null && !Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    move(old, out);
                    old = null;
                } catch (IOException restore) {
                    e.addSuppressed(restore);
                }
            }
            deleteQuietly(fresh, e);
            throw e;
        }
        if (old != null) {
            FileTrees.deleteTree(old);
        }
        return result;
    }

    private static void deleteQuietly(Path folder, Throwable cause) {
        try {
            FileTrees.deleteTree(folder);
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    private static Path sibling(Path target, String role) {
        return target.resolveSibling("." + target.getFileName() + "." + role + "-" + ProcessHandle.current().pid()
                + "-" + COUNTER.incrementAndGet());
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            return !entries.iterator().hasNext();
        }
    }
}
