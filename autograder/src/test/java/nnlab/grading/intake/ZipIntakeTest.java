package nnlab.grading.intake;

import static nnlab.grading.intake.Submissions.LAB02;
import static nnlab.grading.intake.Submissions.SOFTMAX;
import static nnlab.grading.intake.Submissions.TRAINING;
import static nnlab.grading.intake.Submissions.centralHeader;
import static nnlab.grading.intake.Submissions.entries;
import static nnlab.grading.intake.Submissions.filesUnder;
import static nnlab.grading.intake.Submissions.localHeader;
import static nnlab.grading.intake.Submissions.note;
import static nnlab.grading.intake.Submissions.putU16;
import static nnlab.grading.intake.Submissions.putU32;
import static nnlab.grading.intake.Submissions.reasons;
import static nnlab.grading.intake.Submissions.zip;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Intake of zip submissions: layouts, hostile entry names, links, bombs and damaged archives. */
class ZipIntakeTest {

    private static final long HUNDRED_MB = 100L * 1024 * 1024;
    private static final String BOMB = "lab02/SoftmaxRegression.java";

    /** A zip with a 100 MB entry of zeros at {@link #BOMB} (about 100 KB deflated) and a normal Training.java. */
    private static byte[] bomb;

    @TempDir
    Path dir;

    private Path destination() throws IOException {
        return Submissions.destination(dir.resolve("work"));
    }

    /** Takes {@code zip}, saved without a .zip suffix: zips are recognised by their first bytes. */
    private IntakeReport take(byte[] zip) throws IOException {
        return take(zip, IntakeLimits.defaults());
    }

    private IntakeReport take(byte[] zip, IntakeLimits limits) throws IOException {
        Path file = Submissions.write(dir.resolve("work/handin"), zip);
        return SubmissionIntake.take(file, LAB02, limits, destination());
    }

    private String written(String file) throws IOException {
        return Files.readString(destination().resolve("lab02").resolve(file));
    }

    @Test
    void takesAMavenLayoutWithFolderEntries() throws IOException {
        IntakeReport report = take(zip(entries(
                "lab02-submission/", "",
                "lab02-submission/src/main/java/lab02/", "",
                "lab02-submission/src/main/java/lab02/SoftmaxRegression.java", SOFTMAX,
                "lab02-submission/src/main/java/lab02/Training.java", TRAINING)));

        assertThat(report.accepted(), is(Map.of(
                "SoftmaxRegression.java", "lab02-submission/src/main/java/lab02/SoftmaxRegression.java",
                "Training.java", "lab02-submission/src/main/java/lab02/Training.java")));
        assertThat(report.ignored(), is(empty()));
        assertThat(written("SoftmaxRegression.java"), is(SOFTMAX));
        assertThat(written("Training.java"), is(TRAINING));
    }

    @Test
    void traversalAndAbsoluteEntriesAreNeverWrittenAndTheOtherFilesAreTaken() throws IOException {
        Path sentinel = Files.createDirectories(dir.resolve("sentinel"));
        String evil = Submissions.source("lab02", "SoftmaxRegression") + "// evil\n";
        String absolute = dir.resolve("sentinel/SoftmaxRegression.java").toString();
        IntakeReport report = take(zip(entries(
                "../SoftmaxRegression.java", evil,
                "../../sentinel/SoftmaxRegression.java", evil,
                "lab02/../../SoftmaxRegression.java", evil,
                "..\\..\\SoftmaxRegression.java", evil,
                absolute, evil,
                "C:\\Users\\student\\SoftmaxRegression.java", evil,
                "C:SoftmaxRegression.java", evil,
                "\\\\server\\share\\SoftmaxRegression.java", evil,
                "lab02/SoftmaxRegression.java", SOFTMAX,
                "lab02/Training.java", TRAINING)));

        assertThat(reasons(report), is(Map.of(
                "../SoftmaxRegression.java", IgnoreReason.PATH_TRAVERSAL,
                "../../sentinel/SoftmaxRegression.java", IgnoreReason.PATH_TRAVERSAL,
                "lab02/../../SoftmaxRegression.java", IgnoreReason.PATH_TRAVERSAL,
                "..\\..\\SoftmaxRegression.java", IgnoreReason.PATH_TRAVERSAL,
                absolute, IgnoreReason.ABSOLUTE_PATH,
                "C:\\Users\\student\\SoftmaxRegression.java", IgnoreReason.ABSOLUTE_PATH,
                "C:SoftmaxRegression.java", IgnoreReason.ABSOLUTE_PATH,
                "\\\\server\\share\\SoftmaxRegression.java", IgnoreReason.ABSOLUTE_PATH)));
        assertThat(report.accepted().keySet(), contains("SoftmaxRegression.java", "Training.java"));
        assertThat(written("SoftmaxRegression.java"), is(SOFTMAX));
        assertThat(filesUnder(sentinel), is(empty()));
        assertThat(filesUnder(dir), contains("work/grader/src/main/java/lab02/SoftmaxRegression.java",
                "work/grader/src/main/java/lab02/Training.java", "work/handin"));
        assertThat(report.bytesRead(), is((long) (SOFTMAX.length() + TRAINING.length())));
    }

    @Test
    void backslashesSeparateFoldersAsWindowsToolsWriteThem() throws IOException {
        IntakeReport report = take(zip(entries(
                "lab02\\SoftmaxRegression.java", SOFTMAX, "src\\main\\java\\lab02\\Training.java", TRAINING)));

        assertThat(report.accepted(), is(Map.of("SoftmaxRegression.java", "lab02/SoftmaxRegression.java",
                "Training.java", "src/main/java/lab02/Training.java")));
    }

    @Test
    void unsafeNamesAndOverlongPathsAreIgnored() throws IOException {
        String deep = "a/".repeat(40) + "Training.java";
        IntakeReport report = take(zip(entries(
                "lab02/SoftmaxRegression.java:evil", SOFTMAX,
                "lab02/Soft\u0000maxRegression.java", SOFTMAX,
                deep, TRAINING,
                "lab02/" + "x".repeat(600) + ".txt", "x",
                "./lab02/SoftmaxRegression.java", SOFTMAX)));

        assertThat(reasons(report), is(Map.of(
                "lab02/SoftmaxRegression.java:evil", IgnoreReason.UNSAFE_NAME,
                "lab02/Soft\u0000maxRegression.java", IgnoreReason.UNSAFE_NAME,
                deep, IgnoreReason.PATH_TOO_LONG,
                "lab02/" + "x".repeat(600) + ".txt", IgnoreReason.PATH_TOO_LONG)));
        assertThat(report.accepted(), is(Map.of("SoftmaxRegression.java", "lab02/SoftmaxRegression.java")));
    }

    @Test
    void aSymbolicLinkEntryIsIgnoredAndNeverRead() throws IOException {
        Path file = dir.resolve("work/handin");
        Files.createDirectories(file.getParent());
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(file)) {
            ZipArchiveEntry link = new ZipArchiveEntry("lab02/SoftmaxRegression.java");
            link.setUnixMode(0120777);
            put(out, link, "../../../../etc/passwd");
            ZipArchiveEntry fifo = new ZipArchiveEntry("lab02/pipe");
            fifo.setUnixMode(0010644);
            put(out, fifo, "");
            ZipArchiveEntry regular = new ZipArchiveEntry("lab02/Training.java");
            regular.setUnixMode(0100644);
            put(out, regular, TRAINING);
        }

        IntakeReport report = SubmissionIntake.take(file, LAB02, destination());

        assertThat(reasons(report), is(Map.of(
                "lab02/SoftmaxRegression.java", IgnoreReason.LINK, "lab02/pipe", IgnoreReason.NOT_A_FILE)));
        assertThat(note(report, "lab02/SoftmaxRegression.java"), containsString("symbolic link"));
        assertThat(report.accepted().keySet(), contains("Training.java"));
        assertThat(report.bytesRead(), is((long) TRAINING.length()));
    }

    @Test
    void readsZip64RecordsWrittenByAnotherImplementation() throws IOException {
        Path file = dir.resolve("work/handin");
        Files.createDirectories(file.getParent());
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(file)) {
            out.setUseZip64(Zip64Mode.Always);
            put(out, new ZipArchiveEntry("src/main/java/lab02/SoftmaxRegression.java"), SOFTMAX);
            put(out, new ZipArchiveEntry("src/main/java/lab02/Training.java"), TRAINING);
        }

        byte[] zip = Files.readAllBytes(file);
        assertThat("the fixture defers sizes to ZIP64 fields",
                ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN).getInt(centralHeader(zip,
                        "src/main/java/lab02/Training.java") + 20), is(0xFFFFFFFF));

        IntakeReport report = SubmissionIntake.take(file, LAB02, destination());

        assertThat(report.accepted().keySet(), contains("SoftmaxRegression.java", "Training.java"));
        assertThat(written("Training.java"), is(TRAINING));
    }

    @Test
    void attackFilesInAZipAreIgnoredByCategory() throws IOException {
        IntakeReport report = take(zip(entries(
                "pom.xml", "<project/>",
                ".mvn/maven.config", "-DskipTests -Dmaven.test.skip=true",
                "src/test/resources/junit-platform.properties", "junit.jupiter.execution.timeout.mode=disabled",
                "META-INF/services/org.junit.platform.launcher.PostDiscoveryFilter", "evil.KeepOnlyPassing",
                "module-info.java", "module lab02 {}",
                "lab02/Foo.class", new byte[] {(byte) 0xCA, (byte) 0xFE},
                "lib.jar", new byte[] {'P', 'K'},
                "src/main/java/org/junit/jupiter/api/Assertions.java", "package org.junit.jupiter.api;",
                "org/hamcrest/MatcherAssert.java", "package org.hamcrest;",
                "__MACOSX/lab02/._SoftmaxRegression.java", new byte[] {0, 5, 22, 7},
                "lab02/Training.java/", "",
                "lab02/SoftmaxRegression.java", SOFTMAX)));

        assertThat(reasons(report), is(Map.ofEntries(
                Map.entry("pom.xml", IgnoreReason.BUILD_FILE),
                Map.entry(".mvn/maven.config", IgnoreReason.BUILD_FILE),
                Map.entry("src/test/resources/junit-platform.properties", IgnoreReason.JUNIT_CONFIGURATION),
                Map.entry("META-INF/services/org.junit.platform.launcher.PostDiscoveryFilter",
                        IgnoreReason.SERVICE_REGISTRATION),
                Map.entry("module-info.java", IgnoreReason.MODULE_INFO),
                Map.entry("lab02/Foo.class", IgnoreReason.COMPILED_CODE),
                Map.entry("lib.jar", IgnoreReason.COMPILED_CODE),
                Map.entry("src/main/java/org/junit/jupiter/api/Assertions.java", IgnoreReason.NOT_ALLOW_LISTED),
                Map.entry("org/hamcrest/MatcherAssert.java", IgnoreReason.NOT_ALLOW_LISTED),
                Map.entry("__MACOSX/lab02/._SoftmaxRegression.java", IgnoreReason.OS_METADATA),
                Map.entry("lab02/Training.java", IgnoreReason.NOT_A_FILE))));
        assertThat(report.accepted().keySet(), contains("SoftmaxRegression.java"));
        assertThat(report.missing(), contains("Training.java"));
        assertThat(filesUnder(destination()), contains("lab02/SoftmaxRegression.java"));
    }

    @Test
    void aZipBombWhoseHeaderAdmitsItsSizeIsRefusedUnread() throws IOException {
        IntakeReport report = take(bomb());

        assertThat(reasons(report), is(Map.of(BOMB, IgnoreReason.TOO_LARGE)));
        assertThat(report.accepted().keySet(), contains("Training.java"));
        assertThat(report.bytesRead(), is((long) TRAINING.length()));
    }

    @Test
    void aZipBombWhoseHeaderLiesStopsAtTheFileLimit() throws IOException {
        byte[] lying = bomb().clone();
        putU32(lying, centralHeader(lying, BOMB) + 24, 100);
        IntakeLimits limits = IntakeLimits.defaults();

        IntakeReport report = take(lying, limits);

        assertThat(reasons(report), is(Map.of(BOMB, IgnoreReason.TOO_LARGE)));
        assertThat(report.accepted().keySet(), contains("Training.java"));
        assertThat(report.bytesRead(), lessThanOrEqualTo(limits.maxFileBytes() + 1 + TRAINING.length()));
    }

    @Test
    void manyCopiesOfABombStopAtTheSubmissionsTotal() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] zeros = new byte[200 * 1024];
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < 200; i++) {
                zip.putNextEntry(new ZipEntry("copy" + i + "/SoftmaxRegression.java"));
                zip.write(zeros);
                zip.closeEntry();
            }
        }
        IntakeLimits limits = IntakeLimits.defaults().withMaxTotalBytes(2 * 1024 * 1024);

        IntakeReport report = take(bytes.toByteArray(), limits);

        assertThat(report.bytesRead(), lessThanOrEqualTo(limits.maxTotalBytes() + 1));
        // Zero bytes are valid UTF-8 without a package declaration: the first ten fit the total and are read.
        assertThat(report.ignored(IgnoreReason.WRONG_PACKAGE), hasSize(10));
        assertThat(report.ignored(IgnoreReason.TOTAL_TOO_LARGE), hasSize(190));
    }

    @Test
    void aDamagedEntryIsIgnoredAndTheOthersTaken() throws IOException {
        byte[] zip = zip(entries("lab02/SoftmaxRegression.java", SOFTMAX, "lab02/Training.java", TRAINING));
        int data = localHeader(zip, "lab02/SoftmaxRegression.java") + 30 + "lab02/SoftmaxRegression.java".length();
        zip[data + 10] ^= 0x55;

        IntakeReport report = take(zip);

        assertThat(reasons(report), is(Map.of("lab02/SoftmaxRegression.java", IgnoreReason.CORRUPT)));
        assertThat(note(report, "lab02/SoftmaxRegression.java"), containsString("create the zip again"));
        assertThat(report.accepted().keySet(), contains("Training.java"));
    }

    @Test
    void encryptedEntriesAndUnknownCompressionAreReported() throws IOException {
        byte[] zip = zip(entries("lab02/SoftmaxRegression.java", SOFTMAX, "lab02/Training.java", TRAINING));
        int softmax = centralHeader(zip, "lab02/SoftmaxRegression.java");
        putU16(zip, softmax + 8, (zip[softmax + 8] & 0xff) | 1);
        putU16(zip, centralHeader(zip, "lab02/Training.java") + 10, 12);

        IntakeReport report = take(zip);

        assertThat(reasons(report), is(Map.of(
                "lab02/SoftmaxRegression.java", IgnoreReason.ENCRYPTED,
                "lab02/Training.java", IgnoreReason.UNSUPPORTED_COMPRESSION)));
        assertThat(note(report, "lab02/Training.java"), containsString("method 12"));
    }

    @Test
    void anEntryWhoseTwoHeadersDisagreeIsCorrupt() throws IOException {
        byte[] zip = zip(entries("lab02/SoftmaxRegression.java", SOFTMAX));
        zip[localHeader(zip, "lab02/SoftmaxRegression.java") + 30 + 6] = 'X';

        IntakeReport report = take(zip);

        assertThat(reasons(report), is(Map.of("lab02/SoftmaxRegression.java", IgnoreReason.CORRUPT)));
        assertThat(note(report, "lab02/SoftmaxRegression.java"), containsString("two headers name different files"));
    }

    @Test
    void onlyTheFirstEntriesAreExamined() throws IOException {
        Map<String, Object> files = entries("lab02/SoftmaxRegression.java", SOFTMAX);
        for (int i = 0; i < 12; i++) {
            files.put("junk" + i + ".txt", "x");
        }
        files.put("lab02/Training.java", TRAINING);

        IntakeReport report = take(zip(files), IntakeLimits.defaults().withMaxEntries(10));

        assertThat(report.ignored(IgnoreReason.TOO_MANY_ENTRIES).stream().map(IgnoredEntry::path).toList(),
                contains("junk9.txt"));
        assertThat(report.ignored(IgnoreReason.NOT_ALLOW_LISTED), hasSize(9));
        assertThat(report.missing(), contains("Training.java"));
    }

    @Test
    void anEmptyZipMissesEverything() throws IOException {
        IntakeReport report = take(zip(Map.of()));

        assertThat(report.accepted().isEmpty(), is(true));
        assertThat(report.ignored(), is(empty()));
        assertThat(report.missing(), contains("SoftmaxRegression.java", "Training.java"));
    }

    @Test
    void aCutOffOrInconsistentZipIsUnreadableAsAWhole() throws IOException {
        byte[] zip = zip(entries("lab02/SoftmaxRegression.java", SOFTMAX));
        byte[] cut = Arrays.copyOf(zip, zip.length - 10);
        UnreadableSubmissionException e = assertThrows(UnreadableSubmissionException.class, () -> take(cut));
        assertThat(e.getMessage(), allOf(containsString("Your zip file cannot be read"),
                containsString("end record is missing"), containsString("submit again")));

        byte[] badOffset = zip.clone();
        putU32(badOffset, badOffset.length - 22 + 16, badOffset.length);
        assertThat(assertThrows(UnreadableSubmissionException.class, () -> take(badOffset)).getMessage(),
                containsString("central directory lies outside the file"));

        byte[] split = zip.clone();
        putU16(split, split.length - 22 + 4, 1);
        assertThat(assertThrows(UnreadableSubmissionException.class, () -> take(split)).getMessage(),
                containsString("split archive"));
        assertThat(filesUnder(destination()), is(empty()));
    }

    private static void put(ZipArchiveOutputStream out, ZipArchiveEntry entry, String content) throws IOException {
        out.putArchiveEntry(entry);
        out.write(content.getBytes(StandardCharsets.UTF_8));
        out.closeArchiveEntry();
    }

    private static synchronized byte[] bomb() throws IOException {
        if (bomb == null) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                zip.setLevel(Deflater.BEST_SPEED);
                zip.putNextEntry(new ZipEntry(BOMB));
                byte[] megabyte = new byte[1024 * 1024];
                for (long written = 0; written < HUNDRED_MB; written += megabyte.length) {
                    zip.write(megabyte);
                }
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry("lab02/Training.java"));
                zip.write(TRAINING.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            bomb = bytes.toByteArray();
        }
        return bomb;
    }

    @Test
    void theBombFixtureIsSmallOnDiskAndHugeInflated() throws IOException {
        byte[] zip = bomb();
        int header = centralHeader(zip, BOMB);
        long inflated = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN).getInt(header + 24)
                & 0xFFFFFFFFL;

        assertThat(zip.length, lessThanOrEqualTo(2 * 1024 * 1024));
        assertThat(inflated, is(HUNDRED_MB));
    }
}
