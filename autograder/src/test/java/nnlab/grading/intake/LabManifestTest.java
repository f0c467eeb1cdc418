package nnlab.grading.intake;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabManifestTest {

    private static final String VALID = """
            # Files the grader takes from a lab02 submission.
            lab = lab02
            package = lab02

            file = SoftmaxRegression.java
              file=Training.java \s
            """;

    @TempDir
    Path dir;

    @Test
    void parsesKeysValuesCommentsAndBlankLines() {
        LabManifest manifest = LabManifest.parse(VALID, "intake.manifest");

        assertThat(manifest.labId(), is("lab02"));
        assertThat(manifest.javaPackage(), is("lab02"));
        assertThat(manifest.files(), contains("SoftmaxRegression.java", "Training.java"));
        assertThat(manifest.packagePath(), is("lab02"));
        assertThat(manifest.allows("Training.java"), is(true));
        assertThat(manifest.allows("training.java"), is(false));
    }

    @Test
    void loadsAUtf8FileWithAByteOrderMarkAndWindowsLineEnds() throws IOException {
        Path file = dir.resolve(LabManifest.FILE_NAME);
        Files.writeString(file, "\uFEFF" + VALID.replace("\n", "\r\n"), StandardCharsets.UTF_8);

        assertThat(LabManifest.load(file).files(), contains("SoftmaxRegression.java", "Training.java"));
    }

    @Test
    void aPackageInsideTheLabIsAllowedAndMapsToNestedFolders() {
        LabManifest manifest = new LabManifest("lab03", "lab03.conv", List.of("Conv2d.java"));

        assertThat(manifest.packagePath(), is("lab03/conv"));
    }

    @Test
    void errorsNameTheSourceTheLineAndTheFix() {
        IllegalArgumentException unknownKey = assertThrows(IllegalArgumentException.class,
                () -> LabManifest.parse("lab = lab02\npackage = lab02\nfiel = A.java\n", "m.txt"));
        assertThat(unknownKey.getMessage(), allOf(containsString("m.txt line 3"), containsString("unknown key 'fiel'"),
                containsString("lab, package and file")));

        IllegalArgumentException noEquals = assertThrows(IllegalArgumentException.class,
                () -> LabManifest.parse("lab lab02\n", "m.txt"));
        assertThat(noEquals.getMessage(), allOf(containsString("m.txt line 1"), containsString("key = value")));

        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> LabManifest.parse("lab = lab02\nlab = lab03\n", "m.txt"));
        assertThat(twice.getMessage(), allOf(containsString("line 2"), containsString("'lab' appears twice")));

        IllegalArgumentException noPackage = assertThrows(IllegalArgumentException.class,
                () -> LabManifest.parse("lab = lab02\nfile = A.java\n", "m.txt"));
        assertThat(noPackage.getMessage(), containsString("no 'package = ...' line"));

        IllegalArgumentException noFile = assertThrows(IllegalArgumentException.class,
                () -> LabManifest.parse("lab = lab02\npackage = lab02\n", "m.txt"));
        assertThat(noFile.getMessage(), allOf(containsString("m.txt"), containsString("lists no file")));
    }

    @Test
    void rejectsALabIdThatIsNotLabNN() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LabManifest("Lab2", "lab02", List.of("A.java")));
        assertThat(e.getMessage(), allOf(containsString("'Lab2'"), containsString("labNN"), containsString("lab02")));
    }

    @Test
    void rejectsPackagesOutsideTheLabOrInvalid() {
        for (String pkg : List.of("nnlab.nn", "org.junit.jupiter.api", "lab03", "lab021")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new LabManifest("lab02", pkg, List.of("A.java")));
            assertThat(pkg, e.getMessage(), containsString("outside lab02"));
        }
        for (String pkg : List.of("lab02.", "lab02..x", "lab02.class", "lab02.1x", "lab02 .x", "")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new LabManifest("lab02", pkg, List.of("A.java")));
            assertThat(pkg, e.getMessage(), containsString("not a Java package name"));
        }
    }

    @Test
    void rejectsFileNamesThatAreNotSimpleJavaSourceNames() {
        assertFileRejected("lab02/A.java", "is a path");
        assertFileRejected("..\\A.java", "is a path");
        assertFileRejected("module-info.java", "never takes module");
        assertFileRejected("package-info.java", "never takes module");
        assertFileRejected("A.class", "not a Java source file name");
        assertFileRejected("A", "not a Java source file name");
        assertFileRejected("class.java", "not a Java source file name");
        assertFileRejected("record.java", "not a Java source file name");
        assertFileRejected("1A.java", "not a Java source file name");
        assertFileRejected("Ä.java", "not a Java source file name");
        assertFileRejected(".java", "not a Java source file name");
    }

    @Test
    void rejectsAFileListedTwice() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LabManifest.parse("lab = lab02\npackage = lab02\nfile = A.java\nfile = A.java\n", "m"));
        assertThat(e.getMessage(), allOf(containsString("m: "), containsString("A.java is listed twice")));
    }

    @Test
    void loadRejectsNonUtf8AndOversizeFiles() throws IOException {
        Path latin1 = Files.write(dir.resolve("latin1.manifest"), "# caf\u00e9\nlab = lab02\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThat(assertThrows(IllegalArgumentException.class, () -> LabManifest.load(latin1)).getMessage(),
                containsString("not UTF-8"));

        Path huge = Files.writeString(dir.resolve("huge.manifest"), "#".repeat(70_000));
        assertThat(assertThrows(IllegalArgumentException.class, () -> LabManifest.load(huge)).getMessage(),
                containsString("a lab manifest is a few lines"));
    }

    private static void assertFileRejected(String file, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LabManifest("lab02", "lab02", List.of(file)));
        assertThat(file, e.getMessage(), containsString(expected));
        IllegalArgumentException parsed = assertThrows(IllegalArgumentException.class,
                () -> LabManifest.parse("lab = lab02\npackage = lab02\nfile = " + file + "\n", "m"));
        assertThat(file, parsed.getMessage(), allOf(containsString("m line 3"), containsString(expected)));
    }
}
