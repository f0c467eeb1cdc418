package nnlab.grading.bundle;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

import nnlab.grading.intake.LabManifest;
import nnlab.grading.reconcile.GradedTestSpec;

/**
 * A lab's grading bundle: everything the grader needs to grade submissions of one lab, built once from the
 * instructor tree by {@link BundleBuilder} and shipped in the Gradescope zip. It holds no reference solution.
 * <pre>
 * bundle.properties        lab, seed, hidden test classes
 * intake.manifest          the files taken from a submission ({@link LabManifest})
 * starter/                 the starter sources students got (solution regions turned into TODO stubs)
 * classes/starter/         those sources compiled: the stubs that replace a student file that does not compile
 * classes/template/        the lab's classes that are not the student's (the starter classes of files not on the
 *                          manifest): on the class path when student code is compiled and run; absent when every
 *                          file of the lab is the student's (a zip keeps no empty folders)
 * classes/hidden/          the hidden suite, compiled against the reference solution's API
 * </pre>
 *
 * @param folder           the bundle folder, absolute
 * @param manifest         the lab's intake allow-list
 * @param seed             the hidden tests' seed ({@link nnlab.grading.GradingSeed})
 * @param hiddenTestClasses the hidden test classes, binary names, sorted
 */
public record GradingBundle(Path folder, LabManifest manifest, long seed, List<String> hiddenTestClasses) {

    /** The bundle's properties file. */
    public static final String FILE_NAME = "bundle.properties";

    /** Checks and copies the fields. */
    public GradingBundle {
        hiddenTestClasses = List.copyOf(hiddenTestClasses);
        if (hiddenTestClasses.isEmpty()) {
            throw new IllegalArgumentException("a grading bundle needs at least one hidden test class");
        }
    }

    /** The lab id, e.g. {@code lab00}. */
    public String labId() {
        return manifest.labId();
    }

    /** The starter sources' root ({@code starter/}). */
    public Path starterSources() {
        return folder.resolve("starter");
    }

    /** The compiled starter code ({@code classes/starter/}). */
    public Path starterClasses() {
        return folder.resolve("classes/starter");
    }

    /** The compiled lab classes that are not the student's ({@code classes/template/}); the folder may not exist. */
    public Path templateClasses() {
        return folder.resolve("classes/template");
    }

    /** {@link #templateClasses()} as class path entries: none when the folder does not exist. */
    public List<Path> templateClasspath() {
        return Files.isDirectory(templateClasses()) ? List.of(templateClasses()) : List.of();
    }

    /** The compiled hidden suite ({@code classes/hidden/}). */
    public Path hiddenClasses() {
        return folder.resolve("classes/hidden");
    }

    /** The starter version of a manifest file, e.g. {@code starter/lab00/VectorOps.java}. */
    public Path starterSource(String fileName) {
        return starterSources().resolve(manifest.packagePath()).resolve(fileName);
    }

    /** The graded tests the hidden suite expects, read from its classes without initialising them. */
    public List<GradedTestSpec> gradedTests() throws IOException {
        return HiddenSuite.discover(hiddenClasses(), starterClasses(), hiddenTestClasses);
    }

    /**
     * Opens a built bundle.
     *
     * @throws NoSuchFileException      if the folder is not a bundle (no {@value #FILE_NAME})
     * @throws IllegalArgumentException if its files are malformed or a part is missing
     * @throws IOException              if reading fails
     */
    public static GradingBundle open(Path folder) throws IOException {
        Path dir = folder.toAbsolutePath().normalize();
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "not a grading bundle (" + FILE_NAME
                    + " is missing); build one with nnlab-grade --lab or nnlab-release");
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        LabManifest manifest = LabManifest.load(dir.resolve(LabManifest.FILE_NAME));
        String lab = properties.getProperty("lab", "");
        if (!lab.equals(manifest.labId())) {
            throw new IllegalArgumentException(file + ": lab = " + lab + " but the manifest is for "
                    + manifest.labId());
        }
        long seed = Long.parseLong(properties.getProperty("seed", "").trim());
        List<String> tests = Arrays.stream(properties.getProperty("hiddenTests", "").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).sorted().collect(Collectors.toList());
        GradingBundle bundle = new GradingBundle(dir, manifest, seed, tests);
        for (Path part : List.of(bundle.starterSources(), bundle.starterClasses(), bundle.hiddenClasses())) {
            if (!Files.isDirectory(part)) {
                throw new IllegalArgumentException("the grading bundle " + dir + " has no " + dir.relativize(part)
                        + "; rebuild it");
            }
        }
        return bundle;
    }
}
