package nnlab.grading.runner;

import static nnlab.grading.runner.SampleRuns.outcome;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * {@link Isolation}: the commands it builds, and what a test JVM inside the isolation detected on this machine
 * can reach. Which isolation that is depends on the machine (bubblewrap on the {@code PATH} or in
 * {@code NNLAB_BWRAP}, root, {@code unshare}), so the reach tests assert what that isolation promises.
 */
class IsolationTest {

    private static final Path JAVA = ForkedTestRun.currentJava();

    @Test
    void theDetectedIsolationStartsAJvm() {
        assertThat(IsolationProbe.works(SampleRuns.ISOLATION, JAVA), is(true));
    }

    @Test
    void noneSaysThatTheNetworkAndFileSystemAreReachable() {
        Isolation none = Isolation.none();

        assertThat(none.sandbox(), is(Isolation.Sandbox.NONE));
        assertThat(none.switchesUser(), is(false));
        assertThat(none.describe(TestJvmOptions.defaults()),
                startsWith("no sandbox (network and file system reachable); runs as the runner's user"));
        assertThat(IsolationProbe.works(none, JAVA), is(true));
    }

    @Test
    void unshareRunsSetprivAndPrlimitInsideTheNamespacesBeforeJava() {
        Isolation isolation = new Isolation(Isolation.Sandbox.UNSHARE, Path.of("/usr/bin/unshare"),
                Path.of("/usr/bin/setpriv"), Path.of("/usr/bin/prlimit"), true);

        List<String> command = isolation.wrap(List.of("java", "-version"), Path.of("/tmp/w"), List.of(),
                TestJvmOptions.defaults().withMaxProcesses(300));

        assertThat(command, contains("/usr/bin/unshare", "--net", "--pid", "--ipc", "--uts", "--fork", "--kill-child",
                "--mount-proc", "/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                "--no-new-privs", "/usr/bin/prlimit", "--nproc=300:300", "--fsize=67108864:67108864", "--core=0:0",
                "java", "-version"));
        assertThat(isolation.limitsProcesses(), is(true));
        assertThat(isolation.describe(TestJvmOptions.defaults()), is("unshare (no network, own PID namespace; file"
                + " system visible); runs as uid 65534; process limit 512"));
    }

    @Test
    void bubblewrapBindsOnlyTheSystemTheClasspathAndTheWorkDirectory() {
        Isolation isolation = new Isolation(Isolation.Sandbox.BUBBLEWRAP, Path.of("/usr/bin/bwrap"), null, null,
                true);

        String jdk = System.getProperty("java.home");
        List<String> command = isolation.wrap(List.of("java"), Path.of("/tmp/w"),
                List.of(Path.of(jdk), Path.of("/nonexistent/cp.jar")), TestJvmOptions.defaults());

        assertThat(command.get(0), is("/usr/bin/bwrap"));
        assertThat(command, hasItems("--unshare-net", "--unshare-pid", "--die-with-parent", "--new-session"));
        assertThat(Collections.indexOfSubList(command, List.of("--ro-bind", "/usr", "/usr")) > 0, is(true));
        assertThat(Collections.indexOfSubList(command, List.of("--ro-bind", jdk, jdk)) > 0, is(true));
        assertThat(command.contains("/nonexistent/cp.jar"), is(false));
        assertThat(command.subList(command.size() - 7, command.size()), contains("--bind", "/tmp/w", "/tmp/w",
                "--chdir", "/tmp/w", "--", "java"));
        assertThat(isolation.limitsProcesses(), is(false));
        assertThat(isolation.describe(TestJvmOptions.defaults()), is("bubblewrap (no network, own PID namespace,"
                + " read-only view of the system and the classpath); runs as the runner's user (root); no process"
                + " limit (prlimit not found)"));
    }

    @Test
    void aSandboxIsRequiredToNameItsTool() {
        assertThrows(IllegalArgumentException.class,
                () -> new Isolation(Isolation.Sandbox.UNSHARE, null, null, null, true));
    }

    @Test
    void theNetworkIsUnreachableFromASandboxedTestJvm() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            TestJvmOptions options = SampleRuns.options("-Dnnlab.sample.port=" + server.getLocalPort());

            ClassRunResult result = SampleRuns.run("NetworkSample", options, SampleRuns.classpath(),
                    SampleRuns.ISOLATION);

            boolean sandboxed = SampleRuns.ISOLATION.sandbox() != Isolation.Sandbox.NONE;
            assertThat(outcome(result, "phonesHome()").passed(), is(!sandboxed));
            server.setSoTimeout(1);
            boolean connected = true;
            try {
                server.accept().close();
            } catch (SocketTimeoutException e) {
                connected = false;
            }
            assertThat(connected, is(!sandboxed));
        }
    }

    @Test
    void bubblewrapHidesTheGradersFilesOthersOnlyTheirPermissions() throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "isolation-test").toAbsolutePath());
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path file = Files.writeString(dir.resolve("grader-file.txt"), "hidden tests live here\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        TestJvmOptions options = SampleRuns.options("-Dnnlab.sample.file=" + file);

        ClassRunResult result = SampleRuns.run("FileSystemSample", options, SampleRuns.classpath(),
                SampleRuns.ISOLATION);

        boolean hidden = SampleRuns.ISOLATION.sandbox() == Isolation.Sandbox.BUBBLEWRAP;
        assertThat(outcome(result, "readsAGraderFile()").passed(), is(!hidden));
    }
}
