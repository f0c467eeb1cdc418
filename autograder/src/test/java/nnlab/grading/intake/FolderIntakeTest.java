package nnlab.grading.intake;

import static nnlab.grading.intake.Submissions.LAB02;
import static nnlab.grading.intake.Submissions.SOFTMAX;
import static nnlab.grading.intake.Submissions.TRAINING;
import static nnlab.grading.intake.Submissions.destination;
import static nnlab.grading.intake.Submissions.entries;
import static nnlab.grading.intake.Submissions.filesUnder;
import static nnlab.grading.intake.Submissions.folder;
import static nnlab.grading.intake.Submissions.note;
import static nnlab.grading.intake.Submissions.reasons;
import static nnlab.grading.intake.Submissions.source;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Intake of folder submissions: layouts, attacks by path and by contents, choice among copies. */
class FolderIntakeTest {

    @TempDir
    Path dir;

    private IntakeReport take(Map<String, Object> files) throws IOException {
        return take(files, IntakeLimits.defaults());
    }

    private IntakeReport take(Map<String, Object> files, IntakeLimits limits) throws IOException {
        return SubmissionIntake.take(folder(dir.resolve("submission"), files), LAB02, limits, destination(dir));
    }

    private String written(String file) throws IOException {
        return Files.readString(destination(dir).resolve("lab02").resolve(file));
    }

    @Test
    void takesAMavenLayoutIntoThePackageFolder() throws IOException {
        IntakeReport report = take(entries(
                "src/main/java/lab02/SoftmaxRegression.java", SOFTMAX,
                "src/main/java/lab02/Training.java", TRAINING));

        assertThat(report.accepted(), is(Map.of(
                "SoftmaxRegression.java", "src/main/java/lab02/SoftmaxRegression.java",
                "Training.java", "src/main/java/lab02/Training.java")));
        assertThat(report.accepted().keySet(), contains("SoftmaxRegression.java", "Training.java"));
        assertThat(report.ignored(), is(empty()));
        assertThat(report.complete(), is(true));
        assertThat(written("SoftmaxRegression.java"), is(SOFTMAX));
        assertThat(written("Training.java"), is(TRAINING));
        assertThat(filesUnder(destination(dir)), contains("lab02/SoftmaxRegression.java", "lab02/Training.java"));
    }

    @Test
    void takesPackageFolderAndFlatLayouts() throws IOException {
        IntakeReport report = take(entries("lab02/SoftmaxRegression.java", SOFTMAX, "Training.java", TRAINING));

        assertThat(report.accepted(), is(Map.of(
                "SoftmaxRegression.java", "lab02/SoftmaxRegression.java", "Training.java", "Training.java")));
        assertThat(written("Training.java"), is(TRAINING));
    }

    @Test
    void listsMissingFilesAndKeepsWhatTheDestinationHasForThem() throws IOException {
        Path stub = Files.createDirectories(destination(dir).resolve("lab02")).resolve("Training.java");
        Files.writeString(stub, "// starter stub");

        IntakeReport report = take(entries("SoftmaxRegression.java", SOFTMAX));

        assertThat(report.missing(), contains("Training.java"));
        assertThat(report.complete(), is(false));
        assertThat(Files.readString(stub), is("// starter stub"));
    }

    @Test
    void replacesAStarterStubThatIsTaken() throws IOException {
        Path stub = Files.createDirectories(destination(dir).resolve("lab02")).resolve("SoftmaxRegression.java");
        Files.writeString(stub, "// starter stub");

        take(entries("SoftmaxRegression.java", SOFTMAX));

        assertThat(Files.readString(stub), is(SOFTMAX));
    }

    @Test
    void ignoresBuildFilesJunitConfigurationServicesCompiledCodeAndModules() throws IOException {
        IntakeReport report = take(entries(
                "pom.xml", "<project><properties><skipTests>true</skipTests></properties></project>",
                ".mvn/maven.config", "-DskipTests",
                ".mvn/jvm.config", "-javaagent:evil.jar",
                "build.gradle", "test { enabled = false }",
                "src/test/resources/junit-platform.properties", "junit.jupiter.execution.timeout.mode=disabled",
                "src/main/resources/META-INF/services/org.junit.platform.launcher.PostDiscoveryFilter", "lab02.Keep",
                "src/main/java/module-info.java", "module lab02 {}",
                "target/classes/lab02/Foo.class", new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE},
                "lib/lib.jar", new byte[] {'P', 'K', 3, 4},
                "src/main/java/lab02/SoftmaxRegression.java", SOFTMAX,
                "src/main/java/lab02/Training.java", TRAINING));

        assertThat(reasons(report), is(Map.of(
                "pom.xml", IgnoreReason.BUILD_FILE,
                ".mvn/maven.config", IgnoreReason.BUILD_FILE,
                ".mvn/jvm.config", IgnoreReason.BUILD_FILE,
                "build.gradle", IgnoreReason.BUILD_FILE,
                "src/test/resources/junit-platform.properties", IgnoreReason.JUNIT_CONFIGURATION,
                "src/main/resources/META-INF/services/org.junit.platform.launcher.PostDiscoveryFilter",
                IgnoreReason.SERVICE_REGISTRATION,
                "src/main/java/module-info.java", IgnoreReason.MODULE_INFO,
                "target/classes/lab02/Foo.class", IgnoreReason.COMPILED_CODE,
                "lib/lib.jar", IgnoreReason.COMPILED_CODE)));
        assertThat(report.complete(), is(true));
        assertThat(filesUnder(destination(dir)), contains("lab02/SoftmaxRegression.java", "lab02/Training.java"));
        assertThat(report.bytesRead(), is((long) (SOFTMAX.length() + TRAINING.length())));
    }

    @Test
    void shadowCopiesOfTestLibrariesAreNeverTaken() throws IOException {
        String assertions = "package org.junit.jupiter.api;\npublic class Assertions {}\n";
        String matcherAssert = "package org.hamcrest;\npublic class MatcherAssert {}\n";
        IntakeReport report = take(entries(
                "src/main/java/org/junit/jupiter/api/Assertions.java", assertions,
                "org/hamcrest/MatcherAssert.java", matcherAssert,
                "SoftmaxRegression.java", SOFTMAX));

        assertThat(reasons(report), is(Map.of(
                "src/main/java/org/junit/jupiter/api/Assertions.java", IgnoreReason.NOT_ALLOW_LISTED,
                "org/hamcrest/MatcherAssert.java", IgnoreReason.NOT_ALLOW_LISTED)));
        assertThat(filesUnder(destination(dir)), contains("lab02/SoftmaxRegression.java"));
    }

    @Test
    void aShadowCopyNamedLikeAnAllowListedFileIsRejectedByItsPackage() throws IOException {
        LabManifest manifest = new LabManifest("lab02", "lab02", List.of("Assertions.java"));
        Path submission = folder(dir.resolve("submission"), entries("org/junit/jupiter/api/Assertions.java",
                "package org.junit.jupiter.api;\npublic class Assertions {}\n"));

        IntakeReport report = SubmissionIntake.take(submission, manifest, destination(dir));

        assertThat(reasons(report), is(Map.of("org/junit/jupiter/api/Assertions.java", IgnoreReason.WRONG_PACKAGE)));
        assertThat(note(report, "org/junit/jupiter/api/Assertions.java"),
                containsString("declares package `org.junit.jupiter.api`, but graded files must be in package `lab02`"));
        assertThat(report.missing(), contains("Assertions.java"));
        assertThat(filesUnder(destination(dir)), is(empty()));
    }

    @Test
    void aWrongOrMissingPackageDeclarationIsNotTaken() throws IOException {
        IntakeReport report = take(entries(
                "lab02/SoftmaxRegression.java", source("lab03", "SoftmaxRegression"),
                "lab02/Training.java", "public class Training {}\n"));

        assertThat(reasons(report), is(Map.of(
                "lab02/SoftmaxRegression.java", IgnoreReason.WRONG_PACKAGE,
                "lab02/Training.java", IgnoreReason.WRONG_PACKAGE)));
        assertThat(note(report, "lab02/Training.java"), containsString("does not start with `package lab02;`"));
        assertThat(report.missing(), contains("SoftmaxRegression.java", "Training.java"));
    }

    @Test
    void otherJavaFilesAndNearMissNamesAreNotAllowListed() throws IOException {
        IntakeReport report = take(entries(
                "lab02/Helper.java", source("lab02", "Helper"),
                "lab02/softmaxregression.java", source("lab02", "softmaxregression"),
                "notes.txt", "hello"));

        assertThat(reasons(report), is(Map.of(
                "lab02/Helper.java", IgnoreReason.NOT_ALLOW_LISTED,
                "lab02/softmaxregression.java", IgnoreReason.NOT_ALLOW_LISTED,
                "notes.txt", IgnoreReason.NOT_ALLOW_LISTED)));
        assertThat(note(report, "lab02/softmaxregression.java"),
                containsString("the lab expects `SoftmaxRegression.java` (upper and lower case matter)"));
        assertThat(note(report, "lab02/Helper.java"), containsString("not one of the files graded in lab02"));
        assertThat(report.bytesRead(), is(0L));
    }

    @Test
    void theCopyInThePackageFolderWinsOverOthers() throws IOException {
        String older = SOFTMAX + "// older attempt\n";
        IntakeReport report = take(entries(
                "SoftmaxRegression.java", older,
                "backup/SoftmaxRegression.java", older,
                "src/main/java/lab02/SoftmaxRegression.java", SOFTMAX));

        assertThat(report.accepted(), hasEntry("SoftmaxRegression.java", "src/main/java/lab02/SoftmaxRegression.java"));
        assertThat(written("SoftmaxRegression.java"), is(SOFTMAX));
        assertThat(reasons(report), is(Map.of(
                "SoftmaxRegression.java", IgnoreReason.DUPLICATE,
                "backup/SoftmaxRegression.java", IgnoreReason.DUPLICATE)));
        assertThat(note(report, "backup/SoftmaxRegression.java"),
                containsString("the copy in folder `lab02/`, `src/main/java/lab02/SoftmaxRegression.java`, was taken"));
    }

    @Test
    void identicalCopiesCountAsOneAndTheShortestPathIsTaken() throws IOException {
        IntakeReport report = take(entries(
                "a/lab02/SoftmaxRegression.java", SOFTMAX,
                "lab02/SoftmaxRegression.java", SOFTMAX));

        assertThat(report.accepted(), hasEntry("SoftmaxRegression.java", "lab02/SoftmaxRegression.java"));
        assertThat(note(report, "a/lab02/SoftmaxRegression.java"), containsString("an identical copy"));
    }

    @Test
    void differingCopiesThatCannotBeToldApartAreAllIgnored() throws IOException {
        IntakeReport report = take(entries(
                "v1/lab02/SoftmaxRegression.java", SOFTMAX + "// v1\n",
                "v2/lab02/SoftmaxRegression.java", SOFTMAX + "// v2\n",
                "SoftmaxRegression.java", SOFTMAX + "// flat\n"));

        assertThat(reasons(report), is(Map.of(
                "v1/lab02/SoftmaxRegression.java", IgnoreReason.DUPLICATE,
                "v2/lab02/SoftmaxRegression.java", IgnoreReason.DUPLICATE,
                "SoftmaxRegression.java", IgnoreReason.DUPLICATE)));
        assertThat(note(report, "SoftmaxRegression.java"), allOf(containsString("submitted 2 times with different "
                + "contents (`v1/lab02/SoftmaxRegression.java`, `v2/lab02/SoftmaxRegression.java`)"),
                containsString("keep exactly one, in folder `lab02/`")));
        assertThat(report.missing(), contains("SoftmaxRegression.java", "Training.java"));
        assertThat(filesUnder(destination(dir)), is(empty()));
    }

    @Test
    void aFileThatIsNotUtf8IsIgnoredAndAByteOrderMarkIsDropped() throws IOException {
        byte[] latin1 = (SOFTMAX + "// caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1);
        IntakeReport report = take(entries(
                "lab02/SoftmaxRegression.java", latin1,
                "lab02/Training.java", "\uFEFF" + TRAINING));

        assertThat(reasons(report), is(Map.of("lab02/SoftmaxRegression.java", IgnoreReason.NOT_UTF8)));
        assertThat(note(report, "lab02/SoftmaxRegression.java"), containsString("UTF-8"));
        assertThat(written("Training.java"), is(TRAINING));
    }

    @Test
    void anOversizeFileIsIgnoredAndTheRestTaken() throws IOException {
        String huge = SOFTMAX + "//" + "x".repeat(300 * 1024) + "\n";
        IntakeReport report = take(entries("lab02/SoftmaxRegression.java", huge, "lab02/Training.java", TRAINING));

        assertThat(reasons(report), is(Map.of("lab02/SoftmaxRegression.java", IgnoreReason.TOO_LARGE)));
        assertThat(note(report, "lab02/SoftmaxRegression.java"), containsString("larger than 256 KiB"));
        assertThat(report.accepted().keySet(), contains("Training.java"));
        assertThat(report.bytesRead(), is((long) TRAINING.length()));
    }

    @Test
    void readingStopsAtTheSubmissionsTotal() throws IOException {
        String padded = SOFTMAX + "//" + "x".repeat(800) + "\n";
        IntakeLimits limits = IntakeLimits.defaults().withMaxFileBytes(1024).withMaxTotalBytes(1500);
        IntakeReport report = take(entries(
                "a/SoftmaxRegression.java", padded,
                "b/SoftmaxRegression.java", padded,
                "lab02/Training.java", TRAINING), limits);

        assertThat(reasons(report), is(Map.of(
                "b/SoftmaxRegression.java", IgnoreReason.TOTAL_TOO_LARGE,
                "lab02/Training.java", IgnoreReason.TOTAL_TOO_LARGE)));
        assertThat(report.accepted().keySet(), contains("SoftmaxRegression.java"));
        assertThat(report.bytesRead(), lessThanOrEqualTo(limits.maxTotalBytes() + 1));
    }

    @Test
    void onlyTheFirstEntriesAreExaminedAndTheCutIsReported() throws IOException {
        Map<String, Object> files = entries("a/SoftmaxRegression.java", SOFTMAX);
        for (int i = 0; i < 8; i++) {
            files.put("junk/file" + (char) ('a' + i) + ".txt", "x");
        }
        files.put("z/Training.java", TRAINING);

        IntakeReport report = take(files, IntakeLimits.defaults().withMaxEntries(10));

        List<IgnoredEntry> cut = report.ignored(IgnoreReason.TOO_MANY_ENTRIES);
        assertThat(cut, hasSize(1));
        assertThat(cut.get(0).path(), is("junk/fileh.txt"));
        assertThat(cut.get(0).note(), containsString("more than 10 files and folders"));
        assertThat(report.ignored(), hasSize(1 + 7));
        assertThat(report.accepted().keySet(), contains("SoftmaxRegression.java"));
        assertThat(report.missing(), contains("Training.java"));
    }

    @Test
    void aFolderNamedLikeAnAllowListedFileIsNotAFile() throws IOException {
        IntakeReport report = take(entries("lab02/SoftmaxRegression.java/", "", "lab02/SoftmaxRegression.java/x.txt", "x"));

        assertThat(reasons(report), is(Map.of(
                "lab02/SoftmaxRegression.java", IgnoreReason.NOT_A_FILE,
                "lab02/SoftmaxRegression.java/x.txt", IgnoreReason.NOT_ALLOW_LISTED)));
        assertThat(report.missing(), contains("SoftmaxRegression.java", "Training.java"));
    }

    @Test
    void entriesNestedTooDeepAreIgnoredAndDeeperFoldersNotEntered() throws IOException {
        IntakeReport report = take(entries(
                "a/b/c/SoftmaxRegression.java", SOFTMAX,
                "a/b/c/d/Training.java", TRAINING,
                "Training.java", TRAINING), IntakeLimits.defaults().withMaxPathDepth(3));

        assertThat(reasons(report), is(Map.of(
                "a/b/c/SoftmaxRegression.java", IgnoreReason.PATH_TOO_LONG,
                "a/b/c/d", IgnoreReason.PATH_TOO_LONG)));
        assertThat(note(report, "a/b/c/d"), containsString("nested deeper than 2 folders"));
        assertThat(report.accepted(), is(Map.of("Training.java", "Training.java")));
    }

    @Test
    void symbolicLinksAreReportedAndNeverFollowed() throws IOException {
        Path outside = folder(dir.resolve("outside"), entries(
                "SoftmaxRegression.java", SOFTMAX, "lab02/Training.java", TRAINING));
        Path submission = folder(dir.resolve("submission"), entries("README.md", "hi", "lab02/"  , ""));
        symlink(submission.resolve("lab02/SoftmaxRegression.java"), outside.resolve("SoftmaxRegression.java"));
        symlink(submission.resolve("linked"), outside);

        IntakeReport report = SubmissionIntake.take(submission, LAB02, destination(dir));

        assertThat(reasons(report), is(Map.of(
                "README.md", IgnoreReason.NOT_ALLOW_LISTED,
                "lab02/SoftmaxRegression.java", IgnoreReason.LINK,
                "linked", IgnoreReason.LINK)));
        assertThat(report.missing(), contains("SoftmaxRegression.java", "Training.java"));
        assertThat(report.bytesRead(), is(0L));
        assertThat(filesUnder(destination(dir)), is(empty()));
    }

    @Test
    void refusesToWriteThroughALinkInTheDestination() throws IOException {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        symlink(destination(dir).resolve("lab02"), elsewhere);
        Path submission = folder(dir.resolve("submission"), entries("SoftmaxRegression.java", SOFTMAX));

        IOException e = assertThrows(IOException.class, () -> SubmissionIntake.take(submission, LAB02, destination(dir)));

        assertThat(e.getMessage(), containsString("is a symbolic link; refusing to write"));
        assertThat(filesUnder(elsewhere), is(empty()));
    }

    @Test
    void aMissingSubmissionOrDestinationIsAnError() throws IOException {
        Path submission = folder(dir.resolve("submission"), entries("SoftmaxRegression.java", SOFTMAX));

        assertThrows(NoSuchFileException.class, () -> SubmissionIntake.take(dir.resolve("none"), LAB02, destination(dir)));
        IOException noDestination = assertThrows(IOException.class,
                () -> SubmissionIntake.take(submission, LAB02, dir.resolve("no/such/root")));
        assertThat(noDestination.getMessage(), containsString("is not a directory"));
        assertThat(Files.exists(dir.resolve("no")), is(false));
    }

    @Test
    void aSingleFileThatIsNotAZipIsUnreadable() throws IOException {
        Path single = Submissions.write(dir.resolve("SoftmaxRegression.java"), SOFTMAX.getBytes(StandardCharsets.UTF_8));
        Path tarGz = Submissions.write(dir.resolve("submission.zip"), new byte[] {0x1f, (byte) 0x8b, 8, 0});

        UnreadableSubmissionException e = assertThrows(UnreadableSubmissionException.class,
                () -> SubmissionIntake.take(single, LAB02, destination(dir)));
        assertThat(e.getMessage(), allOf(containsString("a single file that is not a zip"),
                containsString("a folder or a .zip file"), containsString("Zip the files of lab02")));
        assertThat(assertThrows(UnreadableSubmissionException.class,
                () -> SubmissionIntake.take(tarGz, LAB02, destination(dir))).getMessage(),
                containsString("a gzip file"));
        assertThat(filesUnder(destination(dir)), is(empty()));
    }

    @Test
    void backslashTraversalInAFileNameIsIgnored() throws IOException {
        // One file on disk whose name holds backslashes, as a zip tool on Linux leaves a Windows path behind.
        IntakeReport report = take(entries("..\\..\\SoftmaxRegression.java", SOFTMAX, "Training.java", TRAINING));

        assertThat(reasons(report), is(Map.of("..\\..\\SoftmaxRegression.java", IgnoreReason.PATH_TRAVERSAL)));
        assertThat(report.bytesRead(), is((long) TRAINING.length()));
        assertThat(filesUnder(destination(dir)), contains("lab02/Training.java"));
    }

    private static void symlink(Path link, Path target) throws IOException {
        try {
            Files.createSymbolicLink(link, target);
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("this file system cannot create symbolic links: " + e);
        }
    }
}
