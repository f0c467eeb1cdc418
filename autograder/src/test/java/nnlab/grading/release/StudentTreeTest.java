package nnlab.grading.release;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The student release of a lab folder, and how it is put in place. */
class StudentTreeTest {

    @TempDir
    Path dir;

    /** A small lab03 with one task, a solution-only helper, a handout, and the junk a working copy collects. */
    private Path sampleLab() throws IOException {
        Path lab = dir.resolve("instructor/lab03-demo");
        write(lab.resolve("pom.xml"), "<project/>\n");
        write(lab.resolve("README.md"), "# Lab 3\n");
        write(lab.resolve("src/main/java/lab03/Twice.java"), """
                package lab03;

                public final class Twice {
                    public static int twice(int x) {
                        // TODO(lab03.1): return 2 * x
                        // BEGIN SOLUTION(lab03.1)
                        return Helper.times(2, x);
                        // END SOLUTION
                    }
                }
                """);
        write(lab.resolve("src/main/java/lab03/Helper.java"), """
                // SOLUTION-ONLY FILE
                package lab03;

                final class Helper {
                    static int times(int a, int b) {
                        return a * b;
                    }
                }
                """);
        write(lab.resolve("target/classes/lab03/Twice.class"), "not really a class");
        write(lab.resolve("build.log"), "[INFO] BUILD SUCCESS\n");
        write(lab.resolve(".idea/workspace.xml"), "<xml/>\n");
        write(lab.resolve("lab03-demo.iml"), "<module/>\n");
        write(lab.resolve("src/.DS_Store"), "junk");
        return lab;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private List<String> siblingsOf(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder.getParent())) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theStudentTreeHasStubsAndLeavesOutSolutionOnlyFilesAndJunk() throws IOException {
        Path out = dir.resolve("release/lab03-demo");
        TreeReport report = StudentTree.write(sampleLab(), out, false);

        assertThat(report.labId(), is("lab03"));
        assertThat(report.written(), contains("README.md", "pom.xml", "src/main/java/lab03/Twice.java"));
        assertThat(report.leftOut(), contains(
                new TreeReport.LeftOut(".idea/", "IDE settings"),
                new TreeReport.LeftOut("build.log", "build output"),
                new TreeReport.LeftOut("lab03-demo.iml", "IDE settings"),
                new TreeReport.LeftOut("src/.DS_Store", "OS metadata"),
                new TreeReport.LeftOut("src/main/java/lab03/Helper.java", "solution-only file"),
                new TreeReport.LeftOut("target/", "build output")));
        assertThat(report.taskIds().get("src/main/java/lab03/Twice.java"), contains("lab03.1"));
        assertThat(report.allTaskIds(), contains("lab03.1"));

        String twice = Files.readString(out.resolve("src/main/java/lab03/Twice.java"));
        assertThat(twice, containsString("        // TODO(lab03.1): return 2 * x\n"
                + "        throw new UnsupportedOperationException(\"TODO(lab03.1): return 2 * x\");\n    }"));
        assertThat(twice, not(containsString("Helper")));
        assertThat(Files.exists(out.resolve("src/main/java/lab03/Helper.java")), is(false));
        assertThat(Files.exists(out.resolve("target")), is(false));
        assertThat(Files.readString(out.resolve("README.md")), is("# Lab 3\n"));
        assertThat("no temporary folder is left", siblingsOf(out), contains("lab03-demo"));
    }

    @Test
    void theStudentTreeOfLab00CompilesWithItsPublicTests() throws IOException {
        Path out = dir.resolve("lab00-warmup");
        TreeReport report = StudentTree.write(LabFolders.LAB00, out, false);

        assertThat(report.labId(), is("lab00"));
        assertThat(report.allTaskIds(), contains("lab00.3", "lab00.4", "lab00.5", "lab00.1", "lab00.2"));
        assertThat(report.taskIds().get("src/main/java/lab00/VectorOps.java"), contains("lab00.1", "lab00.2"));
        assertThat(report.written(), hasItem("pom.xml"));
        assertThat(report.written(), hasItem("src/test/java/lab00/VectorOpsTest.java"));
        for (Path file : LabFolders.javaFiles(out)) {
            assertThat(file.toString(), SolutionMarkers.looksLikeMarker(Files.readString(file)), is(false));
        }
        LabFolders.compile(LabFolders.javaFiles(out.resolve("src")), dir.resolve("classes"));
        assertThat(Files.exists(dir.resolve("classes/lab00/VectorOpsTest.class")), is(true));
    }

    @Test
    void aNonEmptyOutputFolderIsKeptUnlessReplacingWasAskedFor() throws IOException {
        Path lab = sampleLab();
        Path out = dir.resolve("release/lab03-demo");
        write(out.resolve("old.txt"), "from last year");

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> StudentTree.write(lab, out, false));
        assertThat(e.getMessage(), containsString("is not empty; choose an empty or new folder, or ask for it to be"
                + " replaced (replace = true)"));
        assertThat(Files.readString(out.resolve("old.txt")), is("from last year"));

        StudentTree.write(lab, out, true);
        assertThat(Files.exists(out.resolve("old.txt")), is(false));
        assertThat(Files.exists(out.resolve("src/main/java/lab03/Twice.java")), is(true));
        assertThat("neither the old nor the new temporary folder is left", siblingsOf(out), contains("lab03-demo"));
    }

    @Test
    void anEmptyOutputFolderIsUsed() throws IOException {
        Path out = Files.createDirectories(dir.resolve("release/lab03-demo"));
        StudentTree.write(sampleLab(), out, false);
        assertThat(Files.exists(out.resolve("pom.xml")), is(true));
    }

    @Test
    void aTaskOfAnotherLabIsRefusedAndNothingIsWritten() throws IOException {
        Path lab = sampleLab();
        Path twice = lab.resolve("src/main/java/lab03/Twice.java");
        Files.writeString(twice, Files.readString(twice).replace("lab03.1", "lab04.1"));
        Path out = dir.resolve("release/lab03-demo");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StudentTree.write(lab, out, false));
        assertThat(e.getMessage(), is("src/main/java/lab03/Twice.java: task lab04.1 is not a task of lab03 (the lab"
                + " folder's name); number the lab's tasks lab03.1, lab03.2, ..."));
        assertThat(siblingsOf(out), is(empty()));
    }

    @Test
    void markerTextOutsideJavaFilesFailsTheCheckAndKeepsTheOldRelease() throws IOException {
        Path lab = sampleLab();
        write(lab.resolve("notes.txt"), "first line\n// BEGIN SOLUTION(lab03.1)\n");
        Path out = dir.resolve("release/lab03-demo");
        write(out.resolve("old.txt"), "kept");

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> StudentTree.write(lab, out, true));
        assertThat(e.getMessage(), startsWith("release check: notes.txt:2 still contains solution marker text"
                + " ('// BEGIN SOLUTION(lab03.1)'); nothing was published"));
        assertThat(Files.readString(out.resolve("old.txt")), is("kept"));
        assertThat(siblingsOf(out), contains("lab03-demo"));
    }

    @Test
    void brokenMarkersAreReportedWithTheirFileAndLine() throws IOException {
        Path lab = sampleLab();
        Path twice = lab.resolve("src/main/java/lab03/Twice.java");
        Files.writeString(twice, Files.readString(twice).replace("// END SOLUTION", "// end solution"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StudentTree.write(lab, dir.resolve("out/lab03-demo"), false));
        assertThat(e.getMessage(), startsWith("src/main/java/lab03/Twice.java:8: malformed marker"));
    }

    @Test
    void aLinkInTheLabIsRefused() throws IOException {
        Path lab = sampleLab();
        Files.createSymbolicLink(lab.resolve("data"), dir);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StudentTree.write(lab, dir.resolve("out/lab03-demo"), false));
        assertThat(e.getMessage(), containsString("is a link or a special file; a release copies plain files only"));
    }

    @Test
    void aLabFolderNotNamedLikeALabIsRefused() throws IOException {
        Path lab = Files.createDirectories(dir.resolve("warmup"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StudentTree.write(lab, dir.resolve("out"), false));
        assertThat(e.getMessage(), containsString("is not named labNN-topic (e.g. lab00-warmup)"));
    }

    @Test
    void anOutputFolderInsideTheLabIsRefused() throws IOException {
        Path lab = sampleLab();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StudentTree.write(lab, lab.resolve("release"), false));
        assertThat(e.getMessage(), containsString("overlap; write the release outside the instructor lab"));
    }

    @Test
    void theSolutionTreeKeepsTheCodeAndTheSolutionOnlyFilesWithoutMarkers() throws IOException {
        Path out = dir.resolve("solutions/lab03-demo");
        TreeReport report = SolutionTree.write(sampleLab(), out, false);

        assertThat(report.written(), contains("README.md", "pom.xml", "src/main/java/lab03/Helper.java",
                "src/main/java/lab03/Twice.java"));
        assertThat(report.leftOut().stream().map(TreeReport.LeftOut::path).toList(), not(hasItem(
                "src/main/java/lab03/Helper.java")));
        String twice = Files.readString(out.resolve("src/main/java/lab03/Twice.java"));
        assertThat(twice, containsString("        // TODO(lab03.1): return 2 * x\n"
                + "        return Helper.times(2, x);\n    }"));
        assertThat(Files.readString(out.resolve("src/main/java/lab03/Helper.java")), startsWith("package lab03;"));
        LabFolders.compile(LabFolders.javaFiles(out.resolve("src")), dir.resolve("classes"));
    }
}
