package nnlab.backend;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A JVM started without {@code --add-modules jdk.incubator.vector} (an IDE run) must fall back to the
 * cpu backend and say so exactly once. Proven in a child JVM with the test's class path and no flag.
 */
class SimdFallbackTest {

    /** Child-JVM entry point: asks for simd three times, prints the backend names on stdout. */
    public static final class Probe {
        public static void main(String[] args) {
            for (int i = 0; i < 3; i++) {
                try (Backend b = Backends.select(i == 0 ? "simd" : "auto").backend()) {
                    System.out.println("backend=" + b.name());
                }
            }
        }
    }

    @Test
    void withoutTheVectorModuleSimdFallsBackToCpuAndWarnsOnce() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                Probe.class.getName()))
                .start();
        p.getOutputStream().close();
        assertThat("child JVM finished", p.waitFor(60, TimeUnit.SECONDS), is(true));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(err, p.exitValue(), is(0));
        assertThat(out, is("backend=cpu" + System.lineSeparator() + "backend=cpu" + System.lineSeparator()
                + "backend=cpu" + System.lineSeparator()));
        int warnings = err.split("falling back to the cpu backend", -1).length - 1;
        assertThat(err, warnings, is(1));
        assertThat(err, containsString("--add-modules jdk.incubator.vector"));
    }
}
