package nnlab.grading.intake;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which student files the grader takes for one lab: the allow-list of the submission intake.
 *
 * <p>A lab's grader folder commits it as a small text file, {@value #FILE_NAME}, in UTF-8:
 * <pre>
 * # Files the grader takes from a lab02 submission.
 * lab = lab02
 * package = lab02
 * file = SoftmaxRegression.java
 * file = Training.java
 * </pre>
 * One {@code key = value} per line; blank lines and lines starting with {@code #} are ignored; spaces around key
 * and value are trimmed. {@code lab} and {@code package} appear exactly once, {@code file} once per allow-listed
 * file (at least one).
 *
 * @param labId       the lab, {@code labNN} (e.g. {@code lab02})
 * @param javaPackage the Java package the student files are in: the lab id itself or a package inside it (lab code
 *                    lives in {@code labNN} packages only, so a manifest can never let a student file into
 *                    {@code nnlab.*}, {@code org.junit.*} or any other package the grader relies on)
 * @param files       the allow-listed files as simple source file names in that package (e.g.
 *                    {@code SoftmaxRegression.java}), ASCII, each a valid class name, no duplicates
 */
public record LabManifest(String labId, String javaPackage, List<String> files) {

    /** The manifest's file name in a lab's grader folder. */
    public static final String FILE_NAME = "intake.manifest";

    private static final Pattern LAB_ID = Pattern.compile("lab[0-9]{2}");
    private static final int MAX_MANIFEST_BYTES = 64 * 1024;

    /**
     * Validates and copies the allow-list.
     *
     * @throws IllegalArgumentException naming the bad value and the fix: a lab id not of the form {@code labNN},
     *                                  a package that is not a Java package name or lies outside the lab's,
     *                                  a file that is not a simple {@code .java} name, a duplicate, or no file
     */
    public LabManifest {
        Objects.requireNonNull(labId, "labId");
        Objects.requireNonNull(javaPackage, "javaPackage");
        Objects.requireNonNull(files, "files");
        checkLabId(labId);
        checkPackage(labId, javaPackage);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("the manifest of " + labId + " lists no file; list the student's "
                    + "source files, e.g. file = SoftmaxRegression.java");
        }
        Set<String> seen = new HashSet<>();
        for (String file : files) {
            checkFile(Objects.requireNonNull(file, "files contains null"));
            if (!seen.add(file)) {
                throw new IllegalArgumentException(file + " is listed twice in the manifest of " + labId
                        + "; list each file once");
            }
        }
        files = List.copyOf(files);
    }

    /** The package as a relative folder path with {@code /}: {@code lab02} or {@code lab02/extra}. */
    public String packagePath() {
        return javaPackage.replace('.', '/');
    }

    /** Whether {@code fileName} (a simple file name, case-sensitive) is allow-listed. */
    public boolean allows(String fileName) {
        return files.contains(fileName);
    }

    /**
     * Reads a manifest file (UTF-8, at most 64 KiB) in the format described above.
     *
     * @throws IOException              if the file cannot be read
     * @throws IllegalArgumentException if it is too large, not UTF-8, or not a valid manifest (the message names
     *                                  the file, the line and the fix)
     */
    public static LabManifest load(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_MANIFEST_BYTES) {
            throw new IllegalArgumentException(file + " is " + size + " bytes; a lab manifest is a few lines "
                    + "(at most " + MAX_MANIFEST_BYTES + " bytes). Is this the right file?");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file + " is not UTF-8 text; save it as UTF-8", e);
        }
        return parse(text, file.toString());
    }

    /**
     * Parses a manifest from its text (format above).
     *
     * @param text   the manifest's contents
     * @param source where the text came from, for error messages (e.g. the file's path)
     * @throws IllegalArgumentException naming {@code source}, the line and the fix: a line that is not
     *                                  {@code key = value}, an unknown or repeated key, a missing key, or an invalid
     *                                  value
     */
    public static LabManifest parse(String text, String source) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        String lab = null;
        String pkg = null;
        List<String> files = new ArrayList<>();
        String[] lines = (text.startsWith("\uFEFF") ? text.substring(1) : text).split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = source + " line " + (i + 1) + ": ";
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException(where + "expected 'key = value', got '" + line
                        + "'; the keys are lab, package and file");
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            try {
                switch (key) {
                    case "lab" -> {
                        requireFirst(lab, "lab");
                        checkLabId(value);
                        lab = value;
                    }
                    case "package" -> {
                        requireFirst(pkg, "package");
                        pkg = value;
                    }
                    case "file" -> {
                        checkFile(value);
                        files.add(value);
                    }
                    default -> throw new IllegalArgumentException("unknown key '" + key
                            + "'; the keys are lab, package and file");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + e.getMessage(), e);
            }
        }
        if (lab == null || pkg == null) {
            throw new IllegalArgumentException(source + ": no '" + (lab == null ? "lab" : "package")
                    + " = ...' line; a manifest names the lab, its package and its files");
        }
        try {
            return new LabManifest(lab, pkg, files);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private static void requireFirst(String previous, String key) {
        if (previous != null) {
            throw new IllegalArgumentException("'" + key + "' appears twice; give it once");
        }
    }

    private static void checkLabId(String labId) {
        if (!LAB_ID.matcher(labId).matches()) {
            throw new IllegalArgumentException("lab id '" + labId + "' is not of the form labNN; use the lab's "
                    + "two-digit number, e.g. lab02");
        }
    }

    private static void checkPackage(String labId, String javaPackage) {
        if (!JavaNames.isPackageName(javaPackage)) {
            throw new IllegalArgumentException("package '" + javaPackage + "' is not a Java package name; use "
                    + "dot-separated ASCII identifiers, e.g. " + labId);
        }
        if (!javaPackage.equals(labId) && !javaPackage.startsWith(labId + ".")) {
            throw new IllegalArgumentException("package '" + javaPackage + "' is outside " + labId
                    + ": lab code lives in labNN packages only, so use " + labId + " or a package inside it");
        }
    }

    private static void checkFile(String file) {
        if (file.contains("/") || file.contains("\\")) {
            throw new IllegalArgumentException("'" + file + "' is a path; list the simple file name (e.g. "
                    + "SoftmaxRegression.java): the package decides the folder");
        }
        if (file.equals("module-info.java") || file.equals("package-info.java")) {
            throw new IllegalArgumentException(file + " cannot be allow-listed: the grader never takes module "
                    + "or package declarations from students");
        }
        if (!file.endsWith(".java") || !JavaNames.isTypeName(file.substring(0, file.length() - 5))) {
            throw new IllegalArgumentException("'" + file + "' is not a Java source file name; list names like "
                    + "SoftmaxRegression.java (an ASCII class name, not a keyword, then .java)");
        }
    }
}
