package nnlab.grading.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The files of a folder as repository paths ({@code /}-separated, relative), and checked path prefixes. */
final class TreePaths {

    private TreePaths() {
    }

    /**
     * The regular files under {@code folder}, sorted by their relative path.
     *
     * @throws IllegalArgumentException if it is not a folder, holds no file, or holds a link or special file, or a
     *                                  name with a line break
     */
    static List<Path> files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(folder + " is not a folder");
        }
        List<Path> all;
        try (Stream<Path> walk = Files.walk(folder)) {
            all = walk.filter(p -> !p.equals(folder)).sorted().toList();
        }
        List<Path> files = all.stream().filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList();
        for (Path path : all) {
            if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)
                    && !Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                throw new IllegalArgumentException(path + " is a link or a special file; only plain files can be"
                        + " published: replace it with the file it stands for, or remove it");
            }
            if (path.getFileName().toString().matches("(?s).*[\\n\\r].*")) {
                throw new IllegalArgumentException("the name of " + path + " has a line break; rename it");
            }
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException(folder + " holds no file; nothing to publish");
        }
        return files;
    }

    /** {@code file}'s path relative to {@code folder}, with {@code /} separators. */
    static String relative(Path folder, Path file) {
        return folder.relativize(file).toString().replace('\\', '/');
    }

    /**
     * A checked path prefix: {@code lab00-warmup}, {@code /lab00-warmup/} and {@code lab00-warmup/} all give
     * {@code lab00-warmup/}; blank gives the empty prefix.
     *
     * @throws IllegalArgumentException if a part is {@code .} or {@code ..}, or it has a backslash or an empty part
     */
    static String prefix(String prefix) {
        String trimmed = prefix == null ? "" : prefix.strip();
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.isEmpty()) {
            return "";
        }
        for (String part : trimmed.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..") || part.contains("\\")
                    || part.chars().anyMatch(c -> c < 0x20)) {
                throw new IllegalArgumentException("path prefix '" + prefix + "' is not a plain relative folder"
                        + " path such as lab00-warmup/ (no empty, '.' or '..' parts, no backslashes)");
            }
        }
        return trimmed + "/";
    }
}
