package nnlab.grading.io;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Copies and deletes folder trees for the grader's own work folders, never following links: a link a submission
 * managed to plant is deleted or skipped, never the files it points to.
 */
public final class FileTrees {

    private FileTrees() {
    }

    /**
     * Deletes {@code folder} and everything in it; links are deleted, not followed. Nothing happens if it does not
     * exist.
     *
     * @throws IOException if something cannot be deleted
     */
    public static void deleteTree(Path folder) throws IOException {
        if (folder == null || !Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * {@link #deleteTree}, ignoring failures: for temporary folders, where a leftover is harmless (the system's
     * cleanup of its temporary folder removes it).
     */
    public static void deleteQuietly(Path folder) {
        try {
            deleteTree(folder);
        } catch (IOException e) {
            // a leftover temporary folder is harmless
        }
    }

    /**
     * Copies the folders and regular files under {@code from} to the same relative places under {@code to}; links
     * and special files are skipped.
     *
     * @throws IOException if reading or writing fails, or a target file exists
     */
    public static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile()) {
                    Files.copy(file, to.resolve(from.relativize(file).toString()));
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
