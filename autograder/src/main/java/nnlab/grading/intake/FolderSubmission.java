package nnlab.grading.intake;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Lists a submission folder without following links: every entry's type comes from its own metadata
 * ({@link LinkOption#NOFOLLOW_LINKS}), only real directories are entered, and files are opened with
 * {@code NOFOLLOW_LINKS} too. Entries are listed in name order, depth first; folders nested deeper than
 * {@link IntakeLimits#maxPathDepth()} or with unsafe or too long paths are not entered.
 */
final class FolderSubmission {

    private final Path root;
    private final IntakeLimits limits;
    private final List<SubmissionEntry> entries = new ArrayList<>();
    private String firstNotExamined;

    private FolderSubmission(Path root, IntakeLimits limits) {
        this.root = root;
        this.limits = limits;
    }

    /** Lists the folder {@code root} (a real directory) within {@code limits}. */
    static SubmissionListing list(Path root, IntakeLimits limits) throws IOException {
        FolderSubmission folder = new FolderSubmission(root, limits);
        folder.walk(root, "");
        return new SubmissionListing(List.copyOf(folder.entries), folder.firstNotExamined);
    }

    /** Lists {@code dir}; returns false once the entry limit is reached. */
    private boolean walk(Path dir, String prefix) throws IOException {
        // More than maxEntries children means the limit is hit anyway; reading no more bounds the cost, and below
        // that every child is read before sorting, so the entries examined do not depend on the file system's order.
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path child : stream) {
                children.add(child);
                if (children.size() > limits.maxEntries()) {
                    break;
                }
            }
        }
        Collections.sort(children);
        for (Path child : children) {
            String name = prefix + child.getFileName();
            if (entries.size() == limits.maxEntries()) {
                firstNotExamined = name;
                return false;
            }
            BasicFileAttributes attributes =
                    Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            SubmissionEntry.Kind kind = attributes.isSymbolicLink() ? SubmissionEntry.Kind.LINK
                    : attributes.isDirectory() ? SubmissionEntry.Kind.DIRECTORY
                    : attributes.isRegularFile() ? SubmissionEntry.Kind.FILE
                    : SubmissionEntry.Kind.SPECIAL;
            entries.add(new FolderEntry(name, kind, child, attributes.size()));
            if (kind == SubmissionEntry.Kind.DIRECTORY && EntryPath.parse(name, limits).isSafe()
                    && !walk(child, name + "/")) {
                return false;
            }
        }
        return true;
    }

    /** A file or folder found in the walk. */
    private record FolderEntry(String name, Kind kind, Path file, long size) implements SubmissionEntry {

        @Override
        public byte[] read(ReadBudget budget) throws EntryRejectedException, IOException {
            ReadBudget.FileBuffer buffer = budget.startFile(size);
            try (SeekableByteChannel in = Files.newByteChannel(file,
                    Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))) {
                byte[] chunk = new byte[8192];
                while (true) {
                    int n = in.read(ByteBuffer.wrap(chunk, 0, buffer.nextChunk()));
                    if (n < 0) {
                        return buffer.toByteArray();
                    }
                    buffer.append(chunk, 0, n);
                }
            }
        }
    }
}
