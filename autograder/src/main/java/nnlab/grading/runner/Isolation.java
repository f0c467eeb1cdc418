package nnlab.grading.runner;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a test JVM is walled off from the machine: a sandbox (bubblewrap, or {@code unshare} namespaces, or none),
 * whether it runs as the unprivileged user {@link #SANDBOX_UID} instead of root, and whether {@code prlimit} sets
 * its process, file-size and core limits. {@link #detect} finds the strongest that works on this machine;
 * {@link #describe} says which is in force, for {@code extra_data}.
 *
 * <p>What each level gives:
 * <ul>
 *   <li>{@link Sandbox#BUBBLEWRAP}: no network, own PID, IPC and UTS namespaces, and a read-only view of only
 *       {@code /usr}, {@code /etc}, the library directories, the JDK and the classpath, plus the JVM's own
 *       writable work directory; dies with the runner;</li>
 *   <li>{@link Sandbox#UNSHARE} (needs root): no network, own PID, IPC and UTS namespaces; the file system is
 *       visible as to any user;</li>
 *   <li>{@link Sandbox#NONE}: the network and the file system are reachable.</li>
 * </ul>
 * The process limit ({@code RLIMIT_NPROC}, which counts threads) binds only users other than root, so a runner
 * running as root switches the JVM to {@link #SANDBOX_UID} with {@code setpriv} where it can; a runner running as
 * another user shares the limit with its own processes.
 */
public final class Isolation {

    /** The sandbox around a test JVM. */
    public enum Sandbox {
        /** bubblewrap ({@code bwrap}): network, PID and file system isolation. */
        BUBBLEWRAP,
        /** util-linux {@code unshare} run as root: network and PID isolation. */
        UNSHARE,
        /** No sandbox. */
        NONE
    }

    /** The user and group id a test JVM runs as when the runner is root: {@code nobody}. */
    public static final int SANDBOX_UID = 65534;

    private static final List<String> SYSTEM_DIRECTORIES = List.of("/usr", "/bin", "/sbin", "/lib", "/lib32",
            "/lib64", "/etc");

    private final Sandbox sandbox;
    private final Path sandboxTool;
    private final Path setpriv;
    private final Path prlimit;
    private final boolean runnerIsRoot;

    Isolation(Sandbox sandbox, Path sandboxTool, Path setpriv, Path prlimit, boolean runnerIsRoot) {
        this.sandbox = Objects.requireNonNull(sandbox);
        if ((sandbox == Sandbox.NONE) != (sandboxTool == null)) {
            throw new IllegalArgumentException("sandbox " + sandbox + " with tool " + sandboxTool);
        }
        this.sandboxTool = sandboxTool;
        this.setpriv = setpriv;
        this.prlimit = prlimit;
        this.runnerIsRoot = runnerIsRoot;
    }

    /**
     * The strongest isolation that starts {@code java} on this machine: bubblewrap if {@code bwrap} is on the
     * {@code PATH} and works, else {@code unshare} if the runner is root and it works, else none; each with the
     * user switch and {@code prlimit} where available. Each candidate is tried once with {@code java -version}.
     *
     * @param java the java executable the test JVMs will use
     */
    public static Isolation detect(Path java) {
        return IsolationProbe.detect(java, IsolationProbe.onPath("bwrap"));
    }

    /** As {@link #detect(Path)}, trying bubblewrap at {@code bwrap} (null: do not try it). */
    public static Isolation detect(Path java, Path bwrap) {
        return IsolationProbe.detect(java, bwrap);
    }

    /** No sandbox and no user switch; limits by {@code prlimit} if it is on the {@code PATH}. */
    public static Isolation none() {
        return new Isolation(Sandbox.NONE, null, null, IsolationProbe.onPath("prlimit"), IsolationProbe.isRoot());
    }

    /** The sandbox in force. */
    public Sandbox sandbox() {
        return sandbox;
    }

    /** Whether the test JVM runs as {@link #SANDBOX_UID} rather than as the runner's user. */
    public boolean switchesUser() {
        return setpriv != null;
    }

    /** Whether the process limit binds the test JVM: set by {@code prlimit}, for a user other than root. */
    public boolean limitsProcesses() {
        return prlimit != null && (switchesUser() || !runnerIsRoot);
    }

    /** One line for {@code extra_data}, e.g. "bubblewrap (no network, ...); runs as uid 65534; process limit 512". */
    public String describe(TestJvmOptions options) {
        String box = switch (sandbox) {
            case BUBBLEWRAP -> "bubblewrap (no network, own PID namespace, read-only view of the system and the"
                    + " classpath)";
            case UNSHARE -> "unshare (no network, own PID namespace; file system visible)";
            case NONE -> "no sandbox (network and file system reachable)";
        };
        String user = switchesUser() ? "runs as uid " + SANDBOX_UID
                : "runs as the runner's user" + (runnerIsRoot ? " (root)" : "");
        String limit = limitsProcesses() ? "process limit " + options.maxProcesses()
                : prlimit == null ? "no process limit (prlimit not found)"
                : "no process limit (root ignores RLIMIT_NPROC)";
        return box + "; " + user + "; " + limit;
    }

    @Override
    public String toString() {
        return describe(TestJvmOptions.defaults());
    }

    /**
     * The command that runs {@code javaCommand} inside this isolation.
     *
     * @param workDir   the JVM's private writable directory
     * @param readOnly  what the JVM must read besides the system: the JDK and the classpath entries
     */
    List<String> wrap(List<String> javaCommand, Path workDir, List<Path> readOnly, TestJvmOptions options) {
        List<String> command = new ArrayList<>();
        if (sandbox == Sandbox.UNSHARE) {
            command.addAll(List.of(sandboxTool.toString(), "--net", "--pid", "--ipc", "--uts", "--fork",
                    "--kill-child", "--mount-proc"));
        }
        if (setpriv != null) {
            command.addAll(List.of(setpriv.toString(), "--reuid=" + SANDBOX_UID, "--regid=" + SANDBOX_UID,
                    "--clear-groups", "--no-new-privs"));
        }
        if (prlimit != null) {
            command.addAll(List.of(prlimit.toString(), limit("nproc", options.maxProcesses()),
                    limit("fsize", options.maxFileBytes()), limit("core", 0)));
        }
        if (sandbox == Sandbox.BUBBLEWRAP) {
            command.addAll(bubblewrap(workDir, readOnly));
        }
        command.addAll(javaCommand);
        return command;
    }

    private List<String> bubblewrap(Path workDir, List<Path> readOnly) {
        List<String> args = new ArrayList<>(List.of(sandboxTool.toString(), "--unshare-net", "--unshare-pid",
                "--unshare-ipc", "--unshare-uts", "--die-with-parent", "--new-session"));
        if (switchesUser() || !runnerIsRoot) {
            args.add("--unshare-user");
        }
        for (String dir : SYSTEM_DIRECTORIES) {
            Path path = Path.of(dir);
            if (Files.isSymbolicLink(path)) {
                args.addAll(List.of("--symlink", IsolationProbe.readLink(path), dir));
            } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                args.addAll(List.of("--ro-bind", dir, dir));
            }
        }
        args.addAll(List.of("--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"));
        for (Path path : readOnly) {
            if (Files.exists(path)) {
                args.addAll(List.of("--ro-bind", path.toString(), path.toString()));
            }
        }
        args.addAll(List.of("--bind", workDir.toString(), workDir.toString(), "--chdir", workDir.toString(), "--"));
        return args;
    }

    private static String limit(String resource, long value) {
        return "--" + resource + "=" + value + ":" + value;
    }
}
