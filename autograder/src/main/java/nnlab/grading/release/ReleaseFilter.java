package nnlab.grading.release;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Which files and folders of an instructor lab never reach a release, and why: build output ({@code target/} next
 * to a {@code pom.xml}, {@code build.log}), IDE settings ({@code .idea/}, {@code .vscode/}, {@code .settings/},
 * {@code .classpath}, {@code .project}, {@code *.iml}), OS metadata ({@code .DS_Store}, {@code Thumbs.db}) and
 * version control ({@code .git}).
 */
final class ReleaseFilter {

    private static final Set<String> IDE_FOLDERS = Set.of(".idea", ".vscode", ".settings");
    private static final Set<String> IDE_FILES = Set.of(".classpath", ".project");
    private static final Set<String> OS_FILES = Set.of(".DS_Store", "Thumbs.db", "desktop.ini");

    private ReleaseFilter() {
    }

    /** Why the folder is left out, or empty to copy it. */
    static Optional<String> folderLeftOut(Path folder) {
        String name = folder.getFileName().toString();
        if (name.equals("target") && Files.isRegularFile(folder.resolveSibling("pom.xml"))) {
            return Optional.of("build output");
        }
        if (IDE_FOLDERS.contains(name)) {
            return Optional.of("IDE settings");
        }
        if (name.equals(".git")) {
            return Optional.of("version control");
        }
        return Optional.empty();
    }

    /** Why the file is left out, or empty to copy it. */
    static Optional<String> fileLeftOut(Path file) {
        String name = file.getFileName().toString();
        if (name.equals("build.log")) {
            return Optional.of("build output");
        }
        if (IDE_FILES.contains(name) || name.endsWith(".iml")) {
            return Optional.of("IDE settings");
        }
        if (OS_FILES.contains(name)) {
            return Optional.of("OS metadata");
        }
        if (name.equals(".git")) {
            return Optional.of("version control");
        }
        return Optional.empty();
    }
}
