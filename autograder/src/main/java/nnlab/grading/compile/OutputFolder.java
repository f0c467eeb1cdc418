package nnlab.grading.compile;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** The compile step's output folder: checked empty at the start, emptied between rounds (links are not followed). */
final class OutputFolder {

    private OutputFolder() {
    }

    /**
     * Creates {@code folder} (and its parents) or checks that it is an empty directory.
     *
     * @throws IOException if it exists and is not an empty directory, or cannot be created
     */
    static void prepare(Path folder) throws IOException {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(folder);
            return;
        }
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("the output folder " + folder + " exists and is not a directory (or is a link); "
                    + "pass a new or empty folder");
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            if (entries.iterator().hasNext()) {
                throw new IOException("the output folder " + folder + " is not empty; pass a new or empty folder "
                        + "(the compile step deletes what it writes there between rounds)");
            }
        }
    }

    /** Deletes everything inside {@code folder}, keeping the folder; a link inside is deleted, not followed. */
    static void clear(Path folder) throws IOException {
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                if (!dir.equals(folder)) {
                    Files.delete(dir);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
