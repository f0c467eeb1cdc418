package nnlab.grading.attacks;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import nnlab.grading.grade.GradeRequest;

/**
 * One attack case of the suite: a folder under {@code src/test/resources/attacks/} holding {@code case.properties}
 * and a {@code submission/} tree (the format is described in that folder's {@code README.md}).
 *
 * @param name           the folder's name, e.g. {@code exit-in-todo}
 * @param folder         the case's folder
 * @param description    what the student's code does, for the documentation
 * @param stoppedBy      which defence of the grader is expected to stop it
 * @param base           the sources the {@code submission/} tree is laid over
 * @param zip            whether the submission is handed in as a zip rather than a folder
 * @param paths          where a file of {@code submission/} lies in the submission, where that is not its own
 *                       relative path (for names a repository cannot hold, such as {@code ../x} or
 *                       {@code target/}); key and value are {@code /}-separated
 * @param scores         the expected score of each test, by test number, where it is not the test's full points
 * @param testOutputs    a regular expression each listed test's output must contain a match of, by test number
 * @param outputs        regular expressions the top-level output must contain a match of, by label
 * @param compileTimeout how long compiling the submission may take (the grader's default unless the case sets
 *                       {@code compile-timeout-ms})
 */
public record AttackCase(String name, Path folder, String description, String stoppedBy, Base base, boolean zip,
                         Map<String, String> paths, Map<String, Double> scores, Map<String, Pattern> testOutputs,
                         Map<String, Pattern> outputs, Duration compileTimeout) {

    /** The folder of the committed cases (the autograder's tests run in {@code autograder/}). */
    public static final Path CASES = Path.of("src/test/resources/attacks");

    /** The name of each case's settings file. */
    public static final String SETTINGS = "case.properties";

    /** The sources a case's {@code submission/} tree is laid over. */
    public enum Base {
        /** lab00's reference solution: only the case's files differ from a submission earning every point. */
        REFERENCE,
        /** lab00's starter code, the TODO stubs students get. */
        STARTER,
        /** Nothing: the submission is exactly the case's {@code submission/} tree. */
        NONE
    }

    private static final Pattern TEST_NUMBER = Pattern.compile("\\d+(\\.\\d+)*");

    /** Copies the maps (sorted, unmodifiable) and checks for nulls. */
    public AttackCase {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(stoppedBy, "stoppedBy");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(compileTimeout, "compileTimeout");
        paths = Collections.unmodifiableMap(new TreeMap<>(paths));
        scores = Collections.unmodifiableMap(new TreeMap<>(scores));
        testOutputs = Collections.unmodifiableMap(new TreeMap<>(testOutputs));
        outputs = Collections.unmodifiableMap(new TreeMap<>(outputs));
    }

    /** Every case folder under {@link #CASES}, by name. */
    public static List<AttackCase> all() throws IOException {
        List<AttackCase> cases = new ArrayList<>();
        try (Stream<Path> list = Files.list(CASES)) {
            for (Path folder : list.filter(Files::isDirectory).sorted().toList()) {
                cases.add(load(folder));
            }
        }
        return cases;
    }

    /**
     * Reads the case in {@code folder}.
     *
     * @throws IllegalArgumentException if {@code case.properties} is missing, has a key the format does not know,
     *                                  lacks {@code description} or {@code stopped-by}, has a bad value, expects a
     *                                  score below full points without a {@code test-output} pattern, or names a
     *                                  file that {@code submission/} does not hold
     */
    public static AttackCase load(Path folder) throws IOException {
        String name = folder.getFileName().toString();
        Path settings = folder.resolve(SETTINGS);
        if (!Files.isRegularFile(settings)) {
            throw new IllegalArgumentException("attack case " + name + " has no " + SETTINGS + "; add one (see "
                    + CASES.resolve("README.md") + ")");
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(settings, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return parse(name, folder, properties);
    }

    /** {@link #load} on properties already read, for tests of the format. */
    static AttackCase parse(String name, Path folder, Properties properties) {
        String where = "attack case " + name + " (" + SETTINGS + ")";
        Map<String, String> paths = new TreeMap<>();
        Map<String, Double> scores = new TreeMap<>();
        Map<String, Pattern> testOutputs = new TreeMap<>();
        Map<String, Pattern> outputs = new TreeMap<>();
        for (String key : new TreeMap<>(properties).keySet().stream().map(Object::toString).toList()) {
            String value = properties.getProperty(key).strip();
            if (key.startsWith("path.")) {
                paths.put(key.substring("path.".length()), value);
            } else if (key.startsWith("score.")) {
                scores.put(testNumber(where, key, "score."), score(where, key, value));
            } else if (key.startsWith("test-output.")) {
                testOutputs.put(testNumber(where, key, "test-output."), regex(where, key, value));
            } else if (key.startsWith("output.")) {
                outputs.put(key.substring("output.".length()), regex(where, key, value));
            } else if (!List.of("description", "stopped-by", "base", "format", "compile-timeout-ms").contains(key)) {
                throw new IllegalArgumentException(where + " has the unknown key " + key + "; the keys are"
                        + " description, stopped-by, base, format, compile-timeout-ms, path.<file>, score.<test>,"
                        + " test-output.<test> and output.<label>");
            }
        }
        for (String test : scores.keySet()) {
            if (!testOutputs.containsKey(test)) {
                throw new IllegalArgumentException(where + " expects score." + test + " = " + scores.get(test)
                        + " but gives no test-output." + test + "; say which message the student sees");
            }
        }
        return new AttackCase(name, folder, required(where, properties, "description"),
                required(where, properties, "stopped-by"), base(where, properties.getProperty("base", "reference")),
                zip(where, properties.getProperty("format", "folder")), paths, scores, testOutputs, outputs,
                compileTimeout(where, properties.getProperty("compile-timeout-ms")));
    }

    private static Duration compileTimeout(String where, String value) {
        if (value == null) {
            return GradeRequest.DEFAULT_COMPILE_TIMEOUT;
        }
        try {
            long millis = Long.parseLong(value.strip());
            if (millis > 0) {
                return Duration.ofMillis(millis);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(where + ": compile-timeout-ms = " + value + " is not a positive whole"
                + " number of milliseconds");
    }

    /** The case's {@code submission/} folder. */
    public Path submissionFolder() {
        return folder.resolve("submission");
    }

    /**
     * Builds the submission a student would hand in: {@code lab00}'s base sources (in {@code lab00/}) with the
     * case's {@code submission/} files laid over them, each at its {@link #paths() path}, as a folder
     * {@code <into>/submission} or a zip {@code <into>/submission.zip}.
     *
     * @param referenceSources lab00's reference solution (a source root holding {@code lab00/})
     * @param starterSources   lab00's starter code (a source root holding {@code lab00/})
     * @param into             an existing folder
     * @return the submission's path
     * @throws IllegalArgumentException if a folder submission would hold a path outside itself
     */
    public Path build(Path referenceSources, Path starterSources, Path into) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        if (base != Base.NONE) {
            Path root = base == Base.REFERENCE ? referenceSources : starterSources;
            files.putAll(readTree(root));
        }
        Map<String, byte[]> own = readTree(submissionFolder());
        for (String file : paths.keySet()) {
            if (!own.containsKey(file)) {
                throw new IllegalArgumentException("attack case " + name + " sets path." + file + " but "
                        + submissionFolder().resolve(file) + " does not exist");
            }
        }
        own.forEach((file, bytes) -> files.put(paths.getOrDefault(file, file), bytes));
        return zip ? writeZip(files, into.resolve("submission.zip")) : writeFolder(files, into.resolve("submission"));
    }

    private static Path writeFolder(Map<String, byte[]> files, Path root) throws IOException {
        Path normalRoot = root.toAbsolutePath().normalize();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path target = normalRoot.resolve(file.getKey()).normalize();
            if (!target.startsWith(normalRoot) || target.equals(normalRoot)) {
                throw new IllegalArgumentException("the path " + file.getKey() + " leaves the submission folder;"
                        + " a folder cannot hold it, use format = zip");
            }
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
        return root;
    }

    private static Path writeZip(Map<String, byte[]> files, Path zipFile) throws IOException {
        try (OutputStream out = Files.newOutputStream(zipFile); ZipOutputStream zipOut = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zipOut.putNextEntry(new ZipEntry(file.getKey()));
                zipOut.write(file.getValue());
                zipOut.closeEntry();
            }
        }
        return zipFile;
    }

    /** The regular files under {@code root} by {@code /}-separated relative path. */
    private static Map<String, byte[]> readTree(Path root) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                files.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return files;
    }

    private static String required(String where, Properties properties, String key) {
        String value = properties.getProperty(key, "").strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException(where + " has no " + key + "; add " + key + " = ...");
        }
        return value;
    }

    private static Base base(String where, String value) {
        try {
            return Base.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + " has base = " + value + "; use reference, starter or none", e);
        }
    }

    private static boolean zip(String where, String value) {
        return switch (value.strip()) {
            case "folder" -> false;
            case "zip" -> true;
            default -> throw new IllegalArgumentException(where + " has format = " + value + "; use folder or zip");
        };
    }

    private static String testNumber(String where, String key, String prefix) {
        String number = key.substring(prefix.length());
        if (!TEST_NUMBER.matcher(number).matches()) {
            throw new IllegalArgumentException(where + " has the key " + key + "; write a test number after "
                    + prefix + ", e.g. " + prefix + "1.2");
        }
        return number;
    }

    private static double score(String where, String key, String value) {
        try {
            double score = Double.parseDouble(value);
            if (score >= 0 && Double.isFinite(score)) {
                return score;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(where + " has " + key + " = " + value + "; write a score >= 0, e.g. 0");
    }

    private static Pattern regex(String where, String key, String value) {
        try {
            return Pattern.compile(value);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(where + " has " + key + " = " + value + ", which is not a regular"
                    + " expression: " + e.getDescription(), e);
        }
    }
}
