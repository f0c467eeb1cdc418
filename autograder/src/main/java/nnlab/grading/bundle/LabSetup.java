package nnlab.grading.bundle;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import nnlab.grading.intake.LabManifest;

/**
 * A lab's grading setup in the instructor tree: the folder {@code autograder/labs/<lab>/} with
 * <ul>
 *   <li>{@value #FILE_NAME}: {@code source} (the lab folder in the instructor tree, whose {@code src/main/java}
 *       holds the reference solution with its solution regions), {@code hidden} (the hidden suite's source root)
 *       and {@code seed} (the hidden tests' random seed), paths relative to this folder;</li>
 *   <li>{@value LabManifest#FILE_NAME}: the files the grader takes from a submission ({@link LabManifest}).</li>
 * </ul>
 *
 * <pre>{@code
 * LabSetup setup = LabSetup.load(Path.of("autograder/labs/lab00"));
 * GradingBundle bundle = BundleBuilder.build(setup, graderClasspath, Path.of("target/bundles/lab00"));
 * }</pre>
 *
 * @param folder    the setup folder, absolute
 * @param manifest  the lab's intake allow-list
 * @param labSource the lab folder in the instructor tree (e.g. {@code assignments/lab00-warmup}), absolute
 * @param hidden    the hidden suite's source root, absolute
 * @param seed      the seed of the hidden tests' random inputs
 */
public record LabSetup(Path folder, LabManifest manifest, Path labSource, Path hidden, long seed) {

    /** The properties file of a setup folder. */
    public static final String FILE_NAME = "lab.properties";

    /** The reference solution's source root inside {@link #labSource()}. */
    public Path referenceSources() {
        return labSource.resolve("src/main/java");
    }

    /**
     * Finds the setup folder of a lab: {@code <labsFolder>/<labId>} when a labs folder is given, otherwise
     * {@code autograder/labs/<labId>} (or {@code labs/<labId>}, from inside {@code autograder/}) in the working folder
     * or the nearest folder above it that has one.
     *
     * @param labId       the lab, e.g. {@code lab00}
     * @param labsFolder  the folder of lab setups, or null to search
     * @throws IllegalArgumentException if no setup is found; the message says where the search looked
     */
    public static Path locate(String labId, Path labsFolder) {
        if (labsFolder != null) {
            return labsFolder.resolve(labId);
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            for (Path candidate : List.of(dir.resolve("autograder/labs"), dir.resolve("labs"))) {
                if (Files.isRegularFile(candidate.resolve(labId).resolve(FILE_NAME))) {
                    return candidate.resolve(labId);
                }
            }
        }
        throw new IllegalArgumentException("no setup for " + labId + " found in autograder/labs/ from " + start
                + " upwards; run from the repository or give --labs-dir");
    }

    /**
     * Reads a setup folder.
     *
     * @throws NoSuchFileException      if the folder has no {@value #FILE_NAME} or manifest
     * @throws IllegalArgumentException if a key is missing, the seed is not a whole number, a folder does not exist,
     *                                  or the manifest is malformed
     * @throws IOException              if reading fails
     */
    public static LabSetup load(Path folder) throws IOException {
        Path dir = folder.toAbsolutePath().normalize();
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "not a lab's grading setup: " + FILE_NAME
                    + " is missing (autograder/labs/<lab>/ holds it)");
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        LabManifest manifest = LabManifest.load(dir.resolve(LabManifest.FILE_NAME));
        Path labSource = folderOf(dir, properties, "source", file);
        Path hidden = folderOf(dir, properties, "hidden", file);
        String seedText = required(properties, "seed", file);
        long seed;
        try {
            seed = Long.parseLong(seedText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ": seed = " + seedText + " is not a whole number", e);
        }
        if (!Files.isDirectory(labSource.resolve("src/main/java"))) {
            throw new IllegalArgumentException(file + ": source = " + properties.getProperty("source")
                    + " has no src/main/java; point it at the lab's folder under assignments/");
        }
        return new LabSetup(dir, manifest, labSource, hidden, seed);
    }

    private static Path folderOf(Path dir, Properties properties, String key, Path file) {
        Path folder = dir.resolve(required(properties, key, file)).normalize();
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(file + ": " + key + " = " + properties.getProperty(key)
                    + " is not a folder (" + folder + ")");
        }
        return folder;
    }

    private static String required(Properties properties, String key, Path file) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(file + ": the key '" + key + "' is missing");
        }
        return value.trim();
    }
}
