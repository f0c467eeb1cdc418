package nnlab.grading.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import nnlab.io.AtomicFile;

/**
 * Writes taken files under a grader-owned source root, at {@code <root>/<package path>/<File>.java}. The target
 * is built from the manifest alone (never from a submission path), must lie inside the root after normalisation,
 * and no link on the way is followed: an existing folder that is a link, or a target that is not a regular file,
 * is refused. Each file is written atomically; an existing regular file (e.g. a starter stub) is replaced.
 */
final class SourceDestination {

    private final Path root;

    private SourceDestination(Path root) {
        this.root = root;
    }

    /**
     * The destination at {@code sourceRoot}, resolved to its real path (a link given by the grader is followed
     * once, here).
     *
     * @throws IOException if it is not an existing directory
     */
    static SourceDestination at(Path sourceRoot) throws IOException {
        if (!Files.isDirectory(sourceRoot)) {
            throw new IOException("destination source root " + sourceRoot + " is not a directory; create the "
                    + "grader's lab template before taking a submission");
        }
        return new SourceDestination(sourceRoot.toRealPath());
    }

    /**
     * Writes {@code text} as UTF-8 to {@code <root>/<packagePath>/<fileName>}, creating the package folders.
     *
     * @return the file written
     * @throws IOException if a folder on the way or the target is a link or not what it should be, or writing fails
     */
    Path write(LabManifest manifest, String fileName, String text) throws IOException {
        Path folder = root;
        for (String segment : manifest.javaPackage().split("\\.")) {
            folder = folder.resolve(segment);
            if (Files.isSymbolicLink(folder)) {
                throw new IOException(folder + " is a symbolic link; refusing to write a student file through it");
            }
            if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(folder);
            } else if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException(folder + " exists and is not a directory; the lab template is broken");
            }
        }
        Path target = folder.resolve(fileName).normalize();
        if (!target.startsWith(root) || !target.getParent().equals(folder)) {
            throw new IOException(fileName + " would be written outside " + folder + "; refusing");
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(target + " exists and is not a regular file (a link or a folder); refusing to "
                    + "replace it");
        }
        AtomicFile.writeString(target, text);
        return target;
    }
}
