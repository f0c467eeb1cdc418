package nnlab.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nnlab.backend.CpuBackend;
import org.junit.jupiter.api.Test;

class GemmBenchCommandTest {

    private static final Pattern JSON_LINE = Pattern.compile(
            "\\{\"backend\":\"(\\w+)\",\"m\":(\\d+),\"n\":(\\d+),\"k\":(\\d+),\"threads\":(\\d+),\"gflops\":([0-9.]+)}");

    @Test
    void jsonModePrintsOneObjectPerMeasurementWithTheDocumentedKeys() {
        String text = InfoCommandTest.run("bench", "gemm", "--json", "--backends", "cpu,simd",
                "--shapes", "7,3x5x9", "--min-time", "0");
        assertThat(text, containsString("exit=0"));
        List<String> backends = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("{")) {
                Matcher m = JSON_LINE.matcher(line);
                assertThat(line, m.matches(), is(true));
                backends.add(m.group(1));
                assertThat(Integer.parseInt(m.group(5)), greaterThan(0));
                assertThat(Double.parseDouble(m.group(6)), greaterThan(0.0));
                if (m.group(1).equals("naive") || line.contains("\"m\":3,")) {
                    continue;
                }
                assertThat(line, containsString("\"m\":7,\"n\":7,\"k\":7"));
            }
        }
        // naive + cpu + simd for each of the two shapes
        assertThat(backends.size(), is(6));
        assertThat(backends, hasItems("naive", "cpu", "simd"));
        assertThat(text, containsString("{\"backend\":\"cpu\",\"m\":3,\"n\":9,\"k\":5,"));
    }

    @Test
    void tableModeShowsOneRowPerShapeAndAColumnPerBackend() {
        String text = InfoCommandTest.run("bench", "gemm", "--backends", "cpu", "--shapes", "16", "--min-time", "0");
        assertThat(text, matchesPattern("(?s).*m x k x n\\s+naive\\s+cpu\\n16x16x16\\s+[0-9.]+\\s+[0-9.]+\\n.*"));
    }

    @Test
    void malformedShapeIsRejectedWithTheExpectedSyntax() {
        String text = InfoCommandTest.run("bench", "gemm", "--shapes", "12x12", "--min-time", "0");
        assertThat(text, containsString("--shapes: '12x12' is not a shape; write N for N x N x N or MxKxN"));
    }

    @Test
    void unknownBackendIsRejectedWithTheChoices() {
        String text = InfoCommandTest.run("bench", "gemm", "--backends", "cuda");
        assertThat(text, containsString("unknown backend 'cuda'; choose from cpu, simd, opencl"));
    }

    @Test
    void measurementReportsPositiveThroughputAndTheBackendsThreadCount() {
        var r = GemmBenchmark.measure(new CpuBackend(), 32, 16, 8, 0.0);
        assertThat(r.backend(), is("cpu"));
        assertThat(r.threads(), is(Runtime.getRuntime().availableProcessors()));
        assertThat(r.runs() >= GemmBenchmark.MIN_RUNS, is(true));
        assertThat(r.bestGflops() >= r.gflops(), is(true));
    }
}
