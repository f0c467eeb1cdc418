package nnlab.grading.intake;

/**
 * Why the intake did not take an entry of a submission. Each ignored entry also carries a note for the student;
 * these categories are for the grader's logs, statistics and tests.
 */
public enum IgnoreReason {
    /** The path has a {@code ..} segment; it is never read or written. */
    PATH_TRAVERSAL,
    /** The path is absolute: it starts with {@code /} or {@code \}, or with a drive letter such as {@code C:}. */
    ABSOLUTE_PATH,
    /** The name is empty or contains control characters or {@code :} (e.g. an NTFS alternate data stream). */
    UNSAFE_NAME,
    /** The path is longer or nested deeper than {@link IntakeLimits} allow. */
    PATH_TOO_LONG,
    /** A symbolic link (or a Windows reparse point); links are never followed. */
    LINK,
    /** Not a regular file: a folder named like an allow-listed file, a device, a pipe or a socket. */
    NOT_A_FILE,
    /** The submission has more entries than {@link IntakeLimits#maxEntries()}; this and later ones were not examined. */
    TOO_MANY_ENTRIES,
    /** The file is larger than {@link IntakeLimits#maxFileBytes()}. */
    TOO_LARGE,
    /** Reading it would take the submission past {@link IntakeLimits#maxTotalBytes()}. */
    TOTAL_TOO_LARGE,
    /** Its data in the zip is damaged or inconsistent (bad header, bad deflate stream, CRC mismatch). */
    CORRUPT,
    /** It is password-protected in the zip. */
    ENCRYPTED,
    /** The zip compresses it with a method other than stored or deflate. */
    UNSUPPORTED_COMPRESSION,
    /** A build file ({@code pom.xml}, {@code .mvn/}, Gradle, Ant, wrapper): the grader builds with its own. */
    BUILD_FILE,
    /** {@code junit-platform.properties}: the grader runs the tests with its own configuration. */
    JUNIT_CONFIGURATION,
    /** A {@code META-INF/services} registration (e.g. a JUnit {@code PostDiscoveryFilter}). */
    SERVICE_REGISTRATION,
    /** Compiled code or a library: {@code .class}, {@code .jar}, native libraries. */
    COMPILED_CODE,
    /** {@code module-info.java}: the lab is compiled without modules. */
    MODULE_INFO,
    /** Operating-system clutter: {@code __MACOSX/}, {@code ._*}, {@code .DS_Store}, {@code Thumbs.db}. */
    OS_METADATA,
    /** Any other file: not on the lab's allow-list. */
    NOT_ALLOW_LISTED,
    /** Named like an allow-listed file, but its {@code package} declaration is not the lab's package. */
    WRONG_PACKAGE,
    /** One of several copies of an allow-listed file; another was taken, or they disagree and none was. */
    DUPLICATE,
    /** Named like an allow-listed file, but not valid UTF-8 text. */
    NOT_UTF8
}
