package nnlab.grading.intake;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Sorts a safely named regular file of a submission by its path alone: a candidate for an allow-listed file, or
 * ignored with a category and a note. Nothing is read here.
 */
final class EntryRules {

    /** Build files of Maven, Gradle and Ant, their wrappers and Maven settings, compared ignoring case. */
    private static final Set<String> BUILD_FILES = Set.of(
            "pom.xml", "settings.xml", "toolchains.xml", "extensions.xml", "maven.config", "jvm.config",
            "mvnw", "mvnw.cmd", "build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts",
            "gradle.properties", "gradlew", "gradlew.bat", "gradle-wrapper.properties", "build.xml");

    /** Extensions of compiled code and libraries, compared ignoring case. */
    private static final Set<String> COMPILED_EXTENSIONS = Set.of(
            "class", "jar", "war", "ear", "jmod", "zip", "so", "dll", "dylib", "jnilib");

    private static final Set<String> OS_FILES = Set.of(".ds_store", "thumbs.db", "desktop.ini");

    private EntryRules() {
    }

    /**
     * The category of a regular file at {@code path}, or null when it is a candidate for an allow-listed file (its
     * name is on the manifest; its contents decide).
     */
    static IgnoredEntry classify(EntryPath path, LabManifest manifest) {
        String name = path.fileName();
        String lower = name.toLowerCase(Locale.ROOT);
        String shown = path.normalized();
        if (path.hasFolderIgnoreCase("__MACOSX") || name.startsWith("._") || OS_FILES.contains(lower)) {
            return new IgnoredEntry(shown, IgnoreReason.OS_METADATA,
                    "operating-system metadata, not part of your work");
        }
        if (BUILD_FILES.contains(lower) || path.hasFolderIgnoreCase(".mvn") || path.hasFolderIgnoreCase(".gradle")) {
            return new IgnoredEntry(shown, IgnoreReason.BUILD_FILE,
                    "build files are not used: the grader builds your code with its own pom.xml and settings");
        }
        if (lower.equals("junit-platform.properties")) {
            return new IgnoredEntry(shown, IgnoreReason.JUNIT_CONFIGURATION,
                    "JUnit configuration is not used: the grader runs its tests with its own settings");
        }
        if (path.containsPairIgnoreCase("META-INF", "services")) {
            return new IgnoredEntry(shown, IgnoreReason.SERVICE_REGISTRATION,
                    "service registrations (META-INF/services) are not used");
        }
        if (lower.equals("module-info.java")) {
            return new IgnoredEntry(shown, IgnoreReason.MODULE_INFO,
                    "module-info.java is not used: the lab is compiled without modules");
        }
        int dot = lower.lastIndexOf('.');
        if (dot >= 0 && COMPILED_EXTENSIONS.contains(lower.substring(dot + 1))) {
            return new IgnoredEntry(shown, IgnoreReason.COMPILED_CODE, "compiled code, libraries and nested "
                    + "archives are not used: the grader compiles your .java files itself");
        }
        if (manifest.allows(name)) {
            return null;
        }
        return new IgnoredEntry(shown, IgnoreReason.NOT_ALLOW_LISTED, notAllowListedNote(name, manifest));
    }

    private static String notAllowListedNote(String name, LabManifest manifest) {
        for (String file : manifest.files()) {
            if (file.equalsIgnoreCase(name)) {
                return "not graded: the lab expects " + Display.code(file) + " (upper and lower case matter)";
            }
        }
        if (name.endsWith(".java")) {
            return "not one of the files graded in " + manifest.labId() + " ("
                    + manifest.files().stream().map(Display::code).collect(Collectors.joining(", "))
                    + "); other classes are not used";
        }
        return "not used: only the lab's graded .java files are taken";
    }
}
