package nnlab.grading.gate;

import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The class path forbiddenapis resolves the student classes' references against: class files under the classes
 * folder first (the student's and the lab template's compiled classes), then {@code libraries} (the JDK and the
 * libraries the lab compiles against).
 *
 * <p>Only {@link #getResource(String)} is used: forbiddenapis reads class files as bytes to learn their methods,
 * fields and supertypes, and never initialises a class. Looking in the classes folder first matters when the
 * libraries' class path also holds classes of the lab's packages (a reference solution): the student's own
 * classes must be the ones whose hierarchy is checked. No class is ever defined from the classes folder.
 */
final class ClassesRootLoader extends ClassLoader {

    private final Path root;

    /**
     * @param root      the classes folder, absolute and normalized
     * @param libraries the loader that sees the JDK and the lab's libraries
     */
    ClassesRootLoader(Path root, ClassLoader libraries) {
        super("nnlab-gate-classes", libraries);
        this.root = root;
    }

    /** A class file (or other resource) under the classes folder, else what {@code libraries} find. */
    @Override
    public URL getResource(String name) {
        Path file;
        try {
            file = root.resolve(name).normalize();
        } catch (InvalidPathException e) {
            return super.getResource(name);
        }
        if (file.startsWith(root) && !file.equals(root) && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            try {
                return file.toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalStateException("cannot make a URL of " + file, e);
            }
        }
        return super.getResource(name);
    }
}
