package nnlab.grading.attacks;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a folder tree holds at one moment: every entry's relative path with its kind and, for a file, the SHA-256 of
 * its content. Two snapshots of the same folder say which entries were created, deleted or changed in between.
 *
 * @param entries {@code "dir"}, {@code "link -> target"} or {@code "file <sha-256>"} by relative path
 */
record TreeSnapshot(Map<String, String> entries) {

    /** Copies the map, sorted. */
    TreeSnapshot {
        entries = Collections.unmodifiableMap(new TreeMap<>(entries));
    }

    /**
     * Snapshots {@code root}, leaving out the entries named in {@code left} (relative paths, with what lies below
     * them). Links are recorded, never followed.
     */
    static TreeSnapshot of(Path root, Set<String> left) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String name = relative(root, dir);
                if (left.contains(name)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                entries.put(name, "dir");
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String name = relative(root, file);
                if (!left.contains(name)) {
                    entries.put(name, attrs.isSymbolicLink() ? "link -> " + Files.readSymbolicLink(file)
                            : attrs.isRegularFile() ? "file " + sha256(file) : "other");
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return new TreeSnapshot(entries);
    }

    /** The entries created, deleted or changed since {@code before}, as {@code "created x"} etc., in path order. */
    List<String> changesSince(TreeSnapshot before) {
        Set<String> names = new TreeSet<>(before.entries.keySet());
        names.addAll(entries.keySet());
        List<String> changes = new ArrayList<>();
        for (String name : names) {
            String was = before.entries.get(name);
            String is = entries.get(name);
            if (was == null) {
                changes.add("created " + name + " (" + is + ")");
            } else if (is == null) {
                changes.add("deleted " + name);
            } else if (!was.equals(is)) {
                changes.add("changed " + name + " (" + was + " -> " + is + ")");
            }
        }
        return changes;
    }

    private static String relative(Path root, Path entry) {
        String name = root.relativize(entry).toString().replace('\\', '/');
        return name.isEmpty() ? "." : name;
    }

    private static String sha256(Path file) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
