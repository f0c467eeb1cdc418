package nnlab.grading.bundle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;

import nnlab.grading.compile.SourceCompiler;
import nnlab.grading.intake.LabManifest;
import nnlab.grading.io.FileTrees;
import nnlab.grading.reconcile.GradedTestSpec;
import nnlab.grading.release.SolutionRegions;
import nnlab.io.AtomicFile;

/**
 * Builds a lab's {@link GradingBundle} from its {@link LabSetup} in the instructor tree:
 * <ol>
 *   <li>the starter sources: every {@code .java} file of the lab's {@code src/main/java}, its solution regions
 *       turned into TODO stubs ({@link SolutionRegions#starter()}), as students get them;</li>
 *   <li>the reference solution (the instructor sources as they are) compiled, only to compile the hidden suite
 *       against; it is not put in the bundle;</li>
 *   <li>the starter sources compiled, and their classes not compiled from manifest files copied to
 *       {@code classes/template/};</li>
 *   <li>the hidden suite compiled against the reference, and its graded test classes found (classes with
 *       {@link nnlab.grading.Graded} tests; at least one is required).</li>
 * </ol>
 * A manifest file missing from the lab's sources, a file that is not valid after the release transform, or sources
 * that do not compile stop the build with a message naming the problem. The bundle is written beside its final
 * place and moved there when complete, replacing an older bundle, so a half-built bundle is never used.
 *
 * <pre>{@code
 * GradingBundle bundle = BundleBuilder.build(LabSetup.load(Path.of("autograder/labs/lab00")),
 *         graderClasspath, Path.of("autograder/target/bundles/lab00"));
 * }</pre>
 */
public final class BundleBuilder {

    private BundleBuilder() {
    }

    /**
     * Builds the bundle of {@code setup} into {@code bundleFolder}.
     *
     * @param classpath what the lab is compiled against: the nnlab library, the grading API, JUnit and Hamcrest
     * @throws IllegalStateException    if a part does not compile or the hidden suite has no graded test
     * @throws IllegalArgumentException if a manifest file is missing from the lab or a solution region is malformed
     * @throws IOException              if reading or writing fails
     */
    public static GradingBundle build(LabSetup setup, List<Path> classpath, Path bundleFolder) throws IOException {
        Path target = bundleFolder.toAbsolutePath().normalize();
        Files.createDirectories(target.getParent());
        Path staging = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".building-");
        Path scratch = Files.createTempDirectory("nnlab-bundle-");
        try {
            buildInto(setup, classpath, staging, scratch);
            replace(target, staging);
            return GradingBundle.open(target);
        } finally {
            FileTrees.deleteQuietly(staging);
            FileTrees.deleteQuietly(scratch);
        }
    }

    private static void buildInto(LabSetup setup, List<Path> classpath, Path bundle, Path scratch)
            throws IOException {
        LabManifest manifest = setup.manifest();
        String lab = manifest.labId();
        Path starter = bundle.resolve("starter");
        writeStarterSources(setup, starter);

        Path reference = scratch.resolve("reference");
        SourceCompiler.compileTree(lab + "'s reference solution (" + setup.referenceSources() + ")",
                setup.referenceSources(), classpath, reference);
        Path starterClasses = bundle.resolve("classes/starter");
        SourceCompiler.compileTree(lab + "'s starter code (the reference with its solution regions turned into"
                + " stubs)", starter, classpath, starterClasses);
        Path template = bundle.resolve("classes/template");
        Files.createDirectories(template);
        ClassFileSources.copyExcept(starterClasses, template, manifest.packagePath(),
                new HashSet<>(manifest.files()));

        List<Path> hiddenClasspath = new ArrayList<>(classpath);
        hiddenClasspath.add(reference);
        Path hidden = bundle.resolve("classes/hidden");
        SourceCompiler.compileTree(lab + "'s hidden suite (" + setup.hidden() + ")", setup.hidden(), hiddenClasspath,
                hidden);
        List<String> testClasses = gradedClasses(hidden, starterClasses);
        if (testClasses.isEmpty()) {
            throw new IllegalStateException(lab + "'s hidden suite (" + setup.hidden() + ") has no @Graded test");
        }

        Files.copy(setup.folder().resolve(LabManifest.FILE_NAME), bundle.resolve(LabManifest.FILE_NAME));
        AtomicFile.writeString(bundle.resolve(GradingBundle.FILE_NAME), "# The grading bundle of " + lab
                + ", built by nnlab's BundleBuilder from " + setup.folder().getFileName() + "/.\n"
                + "lab = " + lab + "\nseed = " + setup.seed() + "\nhiddenTests = " + String.join(",", testClasses)
                + "\n");
    }

    private static void writeStarterSources(LabSetup setup, Path starter) throws IOException {
        Path sources = setup.referenceSources();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p)).sorted().toList();
        }
        for (Path file : files) {
            Path relative = sources.relativize(file);
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Path out = starter.resolve(relative.toString());
            Files.createDirectories(out.getParent());
            Files.writeString(out, SolutionRegions.parse(text, relative.toString()).starter(),
                    StandardCharsets.UTF_8);
        }
        for (String fileName : setup.manifest().files()) {
            Path expected = starter.resolve(setup.manifest().packagePath()).resolve(fileName);
            if (!Files.isRegularFile(expected)) {
                throw new IllegalArgumentException(setup.manifest().labId() + "'s manifest takes " + fileName
                        + ", but " + sources.resolve(setup.manifest().packagePath()).resolve(fileName)
                        + " does not exist");
            }
        }
    }

    /** The hidden classes that declare @Graded tests, sorted. */
    private static List<String> gradedClasses(Path hidden, Path starterClasses) throws IOException {
        return HiddenSuite.discover(hidden, starterClasses, ClassFileSources.classNames(hidden)).stream()
                .map(GradedTestSpec::className).distinct().sorted().toList();
    }

    /** Moves the complete {@code staging} folder to {@code target}, replacing what was there. */
    private static void replace(Path target, Path staging) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
            Files.delete(old);
            Files.move(target, old);
        }
        Files.move(staging, target);
        FileTrees.deleteTree(old);
    }
}
