package nnlab.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The data root (the folder holding {@code SOURCES.md}, {@code mnist/}, {@code fashion-mnist/}, ...) and checked
 * access to the files in it.
 *
 * <p>{@link #locate(Path)} picks the root; the first match wins:
 * <ol>
 *   <li>an explicit path (e.g. from a command-line {@code --data-dir});</li>
 *   <li>the system property {@value #PROPERTY} ({@code -Dnnlab.data=/path/to/data});</li>
 *   <li>the environment variable {@value #ENV};</li>
 *   <li>a {@code data/} folder containing {@code SOURCES.md} in the working directory or any of its parents (so
 *       tests and labs run from a subfolder find the repository's data).</li>
 * </ol>
 *
 * <p>{@link #path(DataFile)} checks the file's size and SHA-256 against {@link DataFile} the first time this JVM
 * uses it (and again if its size or modification time changes), so a damaged download fails with a clear message
 * instead of odd training results.
 */
public final class DataFiles {

    /** System property naming the data root: {@value}. */
    public static final String PROPERTY = "nnlab.data";
    /** Environment variable naming the data root: {@value}. */
    public static final String ENV = "NNLAB_DATA";
    /** The file that marks a data root: {@value}. */
    public static final String MARKER = "SOURCES.md";

    /** Verified files: absolute path to the size and modification time they had when their hash matched. */
    private static final Map<Path, String> VERIFIED = new ConcurrentHashMap<>();

    private final Path root;

    private DataFiles(Path root) {
        this.root = root;
    }

    /**
     * Uses {@code root} as the data root, without searching.
     *
     * @throws DataException if {@code root} is not a directory
     */
    public static DataFiles at(Path root) {
        if (!Files.isDirectory(root)) {
            throw new DataException("data directory " + root.toAbsolutePath() + " does not exist or is not a folder; "
                    + fixHint());
        }
        return new DataFiles(root.toAbsolutePath().normalize());
    }

    /** {@link #locate(Path)} with no explicit path. */
    public static DataFiles locate() {
        return locate(null);
    }

    /**
     * Finds the data root as described in the class comment.
     *
     * @param explicit a path given by the user (e.g. {@code --data-dir}), or {@code null}
     * @throws DataException if the chosen path is not a folder, or no {@code data/} folder is found
     */
    public static DataFiles locate(Path explicit) {
        return locate(explicit, System.getProperty(PROPERTY), System.getenv(ENV), Path.of(""));
    }

    /** The search, with its inputs passed in (for tests). */
    static DataFiles locate(Path explicit, String property, String env, Path workingDir) {
        if (explicit != null) {
            return checked(explicit, "the explicit data directory (--data-dir)");
        }
        if (property != null && !property.isBlank()) {
            return checked(Path.of(property), "system property " + PROPERTY);
        }
        if (env != null && !env.isBlank()) {
            return checked(Path.of(env), "environment variable " + ENV);
        }
        Path start = workingDir.toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("data");
            if (Files.isRegularFile(candidate.resolve(MARKER))) {
                return new DataFiles(candidate);
            }
        }
        throw new DataException("no data directory found: looked for data/" + MARKER + " in " + start
                + " and its parent folders, and neither -D" + PROPERTY + " nor " + ENV + " is set; " + fixHint());
    }

    private static DataFiles checked(Path root, String origin) {
        if (!Files.isDirectory(root)) {
            throw new DataException("data directory " + root.toAbsolutePath() + " (from " + origin
                    + ") does not exist or is not a folder; " + fixHint());
        }
        return new DataFiles(root.toAbsolutePath().normalize());
    }

    private static String fixHint() {
        return "run from inside a clone of the nnlab repository (its data/ folder holds the files), set " + ENV
                + "=/path/to/data (or -D" + PROPERTY + "=...), or copy the files listed in data/" + MARKER
                + " into a folder with the same layout";
    }

    /** The data root, absolute. */
    public Path root() {
        return root;
    }

    /**
     * The path of {@code file}, checked: it exists, has the expected size, and (on first use in this JVM, or after
     * it changed) its SHA-256 matches.
     *
     * @throws DataException naming the file, what is wrong, and where to get it again
     */
    public Path path(DataFile file) {
        Path p = root.resolve(file.relativePath());
        if (!Files.isRegularFile(p)) {
            throw new DataException("data file " + p + " is missing; get " + file.source() + " and put it at " + p
                    + " (or point " + ENV + " at a folder that has it)");
        }
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(p, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new DataException("cannot read data file " + p + ": " + e.getMessage(), e);
        }
        String stamp = attrs.size() + "@" + attrs.lastModifiedTime().toMillis();
        if (stamp.equals(VERIFIED.get(p))) {
            return p;
        }
        if (attrs.size() != file.size()) {
            throw new DataException("data file " + p + " has " + attrs.size() + " bytes, expected " + file.size()
                    + " (truncated or a different file); replace it with " + file.source());
        }
        String actual = sha256(p);
        if (!actual.equals(file.sha256())) {
            throw new DataException("data file " + p + " is corrupt: SHA-256 is " + actual + ", expected "
                    + file.sha256() + "; replace it with " + file.source());
        }
        VERIFIED.put(p, stamp);
        return p;
    }

    /** SHA-256 of a file's bytes, lower-case hex. */
    static String sha256(Path p) {
        try (InputStream in = Files.newInputStream(p)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new DataException("cannot read data file " + p + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256 (every Java SE JVM must have it)", e);
        }
    }

    @Override
    public String toString() {
        return "DataFiles(" + root + ")";
    }
}
