package nnlab.grading.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Safe intake of an untrusted student submission: takes only the lab's allow-listed {@code .java} files and
 * copies them into a grader-owned source tree, ignoring everything else with a note for the student.
 *
 * <p>The submission is a folder or a zip file (recognised by its first bytes, not its name). Every entry is
 * examined without being trusted:
 * <ul>
 *   <li>paths with {@code ..} segments, absolute paths, drive letters, control characters, or more length or depth
 *       than {@link IntakeLimits} allow are ignored ({@code \} counts as a separator, so backslash tricks meet the
 *       same checks); links (symbolic links in a folder, never followed; {@code S_IFLNK} entries in a zip) and
 *       special files are ignored; only the first {@link IntakeLimits#maxEntries()} entries are examined;</li>
 *   <li>build files ({@code pom.xml}, {@code .mvn/}), {@code junit-platform.properties},
 *       {@code META-INF/services}, compiled code ({@code .class}, {@code .jar}), {@code module-info.java} and
 *       every file not on the manifest are ignored by path alone, without being read;</li>
 *   <li>a file whose name is on the manifest, wherever it sits ({@code src/main/java/lab02/F.java},
 *       {@code lab02/F.java} and a flat {@code F.java} all match), is read within the size limits (inflated bytes
 *       are counted, so a zip bomb stops there) and taken only if it is UTF-8 and its first statement is the lab's
 *       {@code package} declaration. Of several such copies, the one in the package's folder wins; identical copies
 *       are one; otherwise all are ignored as {@link IgnoreReason#DUPLICATE}.</li>
 * </ul>
 * A taken file is written to {@code <destinationSourceRoot>/<package path>/<File>.java}: the target comes from the
 * manifest, never from the submission, and no link on the way is followed. Files of the manifest that are not
 * taken are reported missing; whatever the destination already holds for them (e.g. a starter stub) stays.
 */
public final class SubmissionIntake {

    private SubmissionIntake() {
    }

    /**
     * Takes {@code manifest}'s files from {@code submission} into {@code destinationSourceRoot}.
     *
     * @param submission            a folder or a zip file (a link here is the grader's and is followed)
     * @param manifest              the lab's allow-list
     * @param limits                how much to examine and read
     * @param destinationSourceRoot an existing grader-owned source root, e.g. a lab template's {@code src/main/java}
     * @return what was taken, ignored and missing
     * @throws UnreadableSubmissionException if the submission is neither a folder nor a readable zip (the message is
     *                                       for the student)
     * @throws NoSuchFileException           if {@code submission} does not exist
     * @throws IOException                   if the destination is not a directory, a link or non-file lies where a
     *                                       file is written, or reading or writing fails
     */
    public static IntakeReport take(Path submission, LabManifest manifest, IntakeLimits limits,
                                    Path destinationSourceRoot) throws IOException {
        Objects.requireNonNull(submission, "submission");
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(destinationSourceRoot, "destinationSourceRoot");
        SourceDestination destination = SourceDestination.at(destinationSourceRoot);
        if (!Files.exists(submission)) {
            throw new NoSuchFileException(submission.toString(), null, "the submission does not exist");
        }
        Path real = submission.toRealPath();
        IntakeRun run = new IntakeRun(manifest, limits);
        if (Files.isDirectory(real)) {
            return run.run(FolderSubmission.list(real, limits), destination);
        }
        if (Files.isRegularFile(real) && isZip(real)) {
            try (ZipSubmission zip = ZipSubmission.open(real)) {
                return run.run(zip.list(limits), destination);
            }
        }
        throw new UnreadableSubmissionException("Your submission is " + describe(real) + ", but the grader takes "
                + "a folder or a .zip file. Zip the files of " + manifest.labId() + " and submit the .zip.");
    }

    /** {@link #take(Path, LabManifest, IntakeLimits, Path)} with {@link IntakeLimits#defaults()}. */
    public static IntakeReport take(Path submission, LabManifest manifest, Path destinationSourceRoot)
            throws IOException {
        return take(submission, manifest, IntakeLimits.defaults(), destinationSourceRoot);
    }

    /** Whether {@code file} starts like a zip: a local file header, or the end record of an empty zip. */
    private static boolean isZip(Path file) throws IOException {
        byte[] magic = firstBytes(file, 4);
        return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K'
                && ((magic[2] == 3 && magic[3] == 4) || (magic[2] == 5 && magic[3] == 6));
    }

    private static String describe(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return "not a regular file";
        }
        byte[] magic = firstBytes(file, 4);
        if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
            return "a gzip file (.gz or .tar.gz)";
        }
        if (magic.length >= 4 && magic[0] == 'R' && magic[1] == 'a' && magic[2] == 'r' && magic[3] == '!') {
            return "a RAR archive";
        }
        if (magic.length >= 2 && magic[0] == '7' && magic[1] == 'z') {
            return "a 7-Zip archive";
        }
        return "a single file that is not a zip";
    }

    private static byte[] firstBytes(Path file, int count) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(count);
        }
    }
}
