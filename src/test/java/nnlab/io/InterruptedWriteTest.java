package nnlab.io;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import nnlab.tensor.Tensor;
import nnlab.testing.TestSeeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Killing a process while it writes weights never leaves a half-written weights file: a child JVM
 * ({@link RepeatedWeightsWriter}) rewrites a 12 MB safetensors file in a loop and is killed with SIGKILL
 * ({@link Process#destroyForcibly()}, which no shutdown hook can intercept) at random moments, most of them in
 * the middle of a write. After each kill the file must either not exist yet or be one complete version: it
 * parses, and every element of every tensor holds the same version number.
 *
 * <p>A kill can leave the writer's hidden temporary file ({@code .model.safetensors.PID-N.tmp}) behind; the
 * next successful write of the same file removes temporary files of processes that no longer run, which is
 * checked at the end.
 */
class InterruptedWriteTest {

    private static final int ELEMENTS = 1_000_000; // 3 tensors of 4 MB: a write takes several milliseconds
    private static final int KILLS = 6;

    @TempDir
    Path dir;

    @Test
    void aKilledWriterLeavesNoFileOrACompleteOne() throws Exception {
        Path file = dir.resolve("model.safetensors");
        SplittableRandom rng = new SplittableRandom(TestSeeds.of(41));
        int completeVersionsSeen = 0;
        for (int round = 0; round < KILLS; round++) {
            Process child = start(file);
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                assertThat("child output", out.readLine(), is("started"));
                // Round 0 is killed before or during its first write; later rounds after 1-4 writes plus a random
                // delay, so the kill lands at different points of a write.
                int writes = round == 0 ? 0 : 1 + rng.nextInt(4);
                for (int i = 0; i < writes; i++) {
                    String line = out.readLine();
                    assertThat("child stopped early", line != null, is(true));
                }
                Thread.sleep(rng.nextInt(15));
                child.destroyForcibly();
                assertThat("child killed", child.waitFor(30, TimeUnit.SECONDS), is(true));
            }
            if (Files.exists(file)) {
                assertCompleteVersion(file);
                completeVersionsSeen++;
            }
        }
        assertThat("later rounds find the weights of an earlier write", completeVersionsSeen, greaterThan(0));

        // One more ordinary write cleans up what the killed writers left behind.
        SafeTensors.write(file, Map.of("w", Tensor.zeros(2)));
        try (Stream<Path> files = Files.list(dir)) {
            List<String> leftovers = new ArrayList<>();
            files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("model.safetensors")).forEach(leftovers::add);
            assertThat("temporary files of killed writers", leftovers, is(empty()));
        }
    }

    /** The file parses, and all its tensors hold one and the same version number, the one in its metadata. */
    private static void assertCompleteVersion(Path file) throws IOException {
        float version = Float.parseFloat(SafeTensors.open(file).metadata().get("version"));
        Map<String, Tensor> state = SafeTensors.read(file);
        assertThat(state.keySet(), is(java.util.Set.of("0.weight", "0.bias", "2.weight")));
        for (Map.Entry<String, Tensor> e : state.entrySet()) {
            float[] values = e.getValue().data();
            assertThat(e.getKey() + " size", values.length, is(ELEMENTS));
            for (int i = 0; i < values.length; i++) {
                if (values[i] != version) {
                    throw new AssertionError(e.getKey() + "[" + i + "] = " + values[i] + " in a file of version "
                            + version + ": the file mixes two writes");
                }
            }
        }
    }

    private static Process start(Path file) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                RepeatedWeightsWriter.class.getName(), file.toString(), Integer.toString(ELEMENTS))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }
}
