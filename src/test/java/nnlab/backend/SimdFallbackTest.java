package nnlab.backend;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import nnlab.testing.ChildJvm;
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
        ChildJvm.Result r = ChildJvm.run(List.of(), Map.of(), Probe.class);
        assertThat(r.err(), r.exitCode(), is(0));
        String nl = System.lineSeparator();
        assertThat(r.out(), is("backend=cpu" + nl + "backend=cpu" + nl + "backend=cpu" + nl));
        int warnings = r.err().split("falling back to the cpu backend", -1).length - 1;
        assertThat(r.err(), warnings, is(1));
        assertThat(r.err(), containsString("--add-modules jdk.incubator.vector"));
    }
}
