package nnlab.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.sameInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nnlab.backend.Backend;
import nnlab.backend.Backends;
import nnlab.backend.CpuBackend;
import org.junit.jupiter.api.Test;

class StepBenchCommandTest {

    private static final Pattern JSON_LINE = Pattern.compile("\\{\"backend\":\"(\\w+)\",\"model\":\"(\\w+)\","
            + "\"batch\":(\\d+),\"threads\":(\\d+),\"ms\":([0-9.]+),\"images_per_s\":([0-9.]+),\"runs\":(\\d+)}");

    @Test
    void jsonModePrintsOneObjectPerModelAndBackendWithTheDocumentedKeys() {
        String text = InfoCommandTest.run("bench", "step", "--json", "--backends", "cpu,simd",
                "--min-time", "0", "--warmup", "0");
        assertThat(text, containsString("exit=0"));
        List<String> seen = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("{")) {
                Matcher m = JSON_LINE.matcher(line);
                assertThat(line, m.matches(), is(true));
                seen.add(m.group(2) + "/" + m.group(1));
                // batch sizes from the task: MLP 128, CNN 64
                assertThat(Integer.parseInt(m.group(3)), is(m.group(2).equals("mlp") ? 128 : 64));
                assertThat(Integer.parseInt(m.group(4)), greaterThan(0));
                double ms = Double.parseDouble(m.group(5));
                assertThat(ms, greaterThan(0.0));
                // images/s is batch / median seconds; both are rounded in the line (ms to 3 decimals)
                double expected = Integer.parseInt(m.group(3)) * 1000.0 / ms;
                assertThat(Double.parseDouble(m.group(6)), closeTo(expected, expected * 1e-3 + 0.1));
                assertThat(Integer.parseInt(m.group(7)), greaterThanOrEqualTo(StepBenchmark.MIN_RUNS));
            }
        }
        assertThat(seen, contains("mlp/cpu", "mlp/simd", "cnn/cpu", "cnn/simd"));
    }

    @Test
    void tableModeShowsOneRowPerModelAndBackend() {
        String text = InfoCommandTest.run("bench", "step", "--backends", "cpu", "--models", "mlp",
                "--min-time", "0", "--warmup", "0");
        assertThat(text, matchesPattern("(?s).*model\\s+backend\\s+batch\\s+ms/step\\s+images/s\\n"
                + "mlp\\s+cpu\\s+128\\s+[0-9.]+\\s+[0-9.]+\\n.*"));
    }

    @Test
    void unknownModelIsRejectedWithTheChoices() {
        String text = InfoCommandTest.run("bench", "step", "--models", "resnet");
        assertThat(text, containsString("--models: unknown model 'resnet'; choose from mlp, cnn"));
    }

    @Test
    void unknownBackendIsRejectedWithTheChoices() {
        String text = InfoCommandTest.run("bench", "step", "--backends", "cuda");
        assertThat(text, containsString("unknown backend 'cuda'; choose from cpu, simd, opencl"));
    }

    @Test
    void measurementReportsTheBackendUsedAndRestoresThePreviousOne() {
        Backend before = Backends.current();
        CpuBackend cpu = new CpuBackend();
        var r = StepBenchmark.measure(cpu, StepBenchmark.Model.CNN, 0.0, 0.0);
        assertThat(Backends.current(), sameInstance(before));
        assertThat(r.backend(), is("cpu"));
        assertThat(r.threads(), is(cpu.parallelism()));
        assertThat(r.runs(), is(StepBenchmark.MIN_RUNS));
        assertThat(r.bestMs(), lessThanOrEqualTo(r.ms()));
        // random labels over 10 classes: the loss starts near ln 10 = 2.30 and stays finite over 7 steps
        assertThat(Float.isFinite(r.loss()), is(true));
        assertThat((double) r.loss(), closeTo(Math.log(10), 1.5));
    }
}
