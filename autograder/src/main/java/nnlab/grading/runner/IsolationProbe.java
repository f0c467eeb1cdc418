package nnlab.grading.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Finds the tools {@link Isolation} uses and tries each candidate isolation once by starting
 * {@code java -version} inside it: a candidate is used only if that works.
 */
final class IsolationProbe {

    private static final long PROBE_SECONDS = 20;

    private IsolationProbe() {
    }

    static Isolation detect(Path java, Path bwrap) {
        boolean root = isRoot();
        Path prlimit = onPath("prlimit");
        Path setpriv = root ? onPath("setpriv") : null;
        List<Path> users = setpriv == null ? Collections.singletonList(null) : Arrays.asList(setpriv, null);
        Path unshare = root ? onPath("unshare") : null;
        List<Isolation> candidates = new ArrayList<>();
        for (Path user : users) { // the user switch first: without it root has no process limit
            if (bwrap != null) {
                candidates.add(new Isolation(Isolation.Sandbox.BUBBLEWRAP, bwrap, user, prlimit, root));
            }
        }
        for (Path user : users) {
            if (unshare != null) {
                candidates.add(new Isolation(Isolation.Sandbox.UNSHARE, unshare, user, prlimit, root));
            }
        }
        if (setpriv != null) {
            candidates.add(new Isolation(Isolation.Sandbox.NONE, null, setpriv, prlimit, root));
        }
        for (Isolation candidate : candidates) {
            if (works(candidate, java)) {
                return candidate;
            }
        }
        return new Isolation(Isolation.Sandbox.NONE, null, null, prlimit, root);
    }

    /** Whether {@code java -version} runs inside {@code isolation}. */
    static boolean works(Isolation isolation, Path java) {
        Path dir = null;
        try {
            dir = WorkDirectories.create(isolation, "nnlab-isolation-probe");
            List<String> command = isolation.wrap(List.of(java.toString(), "-Xshare:auto", "-XX:-UsePerfData",
                    "-version"), dir, List.of(javaHome(java)), TestJvmOptions.defaults());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            process.getOutputStream().close();
            if (!process.waitFor(PROBE_SECONDS, TimeUnit.SECONDS)) {
                ProcessTree.kill(process.toHandle());
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException | UncheckedIOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            WorkDirectories.deleteQuietly(dir);
        }
    }

    /** The JDK directory of a {@code bin/java} executable, links resolved. */
    static Path javaHome(Path java) {
        try {
            Path real = java.toRealPath();
            Path bin = real.getParent();
            return bin != null && bin.getParent() != null ? bin.getParent() : real;
        } catch (IOException e) {
            return java.toAbsolutePath();
        }
    }

    /** The first executable {@code name} in the directories of {@code PATH}, or null. */
    static Path onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(":")) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    /** Whether this JVM runs as root (uid 0), read from the owner of {@code /proc/self}; false if unknown. */
    static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The target of the symbolic link {@code link}, as written in it. */
    static String readLink(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the link " + link + ": " + e.getMessage(), e);
        }
    }
}
