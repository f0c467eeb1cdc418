package nnlab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import nnlab.backend.Backend;
import nnlab.backend.Backends;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code nnlab bench gemm}: GFLOP/s of every available backend on square 256, 512, 1024, 2048 and the
 * MLP shape 128x784 times 784x1000, next to the naive triple loop. See {@link GemmBenchmark} for the method.
 */
@Command(name = "gemm", description = {
    "GFLOP/s of C = A*B (float32) for each available backend and the naive triple loop.",
    "Shapes: square 256, 512, 1024, 2048 and the MLP layer 128x784 * 784x1000 (m=128, k=784, n=1000)."})
final class GemmBenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "One JSON object per line: backend, m, n, k, threads, gflops.")
    boolean json;

    @Option(names = "--backends", split = ",", paramLabel = "NAME",
            description = "Backends to measure (default: every one that can run here): cpu, simd, opencl.")
    List<String> backends;

    @Option(names = "--shapes", split = ",", paramLabel = "SHAPE",
            description = "Shapes as N (square) or MxKxN, e.g. 1024,128x784x1000 (default: the standard set).")
    List<String> shapes;

    @Option(names = "--min-time", paramLabel = "SECONDS", defaultValue = "1.0",
            description = "Timed seconds per measurement, at least 3 calls (default: ${DEFAULT-VALUE}).")
    double minSeconds;

    @Option(names = "--naive-max", paramLabel = "N", defaultValue = "1024",
            description = "Run the naive baseline only while m, n, k <= N; 0 skips it (default: ${DEFAULT-VALUE}).")
    int naiveMax;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<int[]> mkn = parseShapes();
        Map<String, Backend> opened = BenchBackends.open(spec.commandLine(), backends, err, backend -> {
            err.printf("\rwarming up %s ...          ", backend.name());
            err.flush();
            GemmBenchmark.warmUp(backend, minSeconds > 0 ? GemmBenchmark.BACKEND_WARMUP_SECONDS : 0);
        });
        List<GemmBenchmark.Result> results = new ArrayList<>();
        try {
            int total = mkn.size() * (opened.size() + 1);
            int done = 0;
            for (int[] s : mkn) {
                boolean naive = naiveMax > 0 && s[0] <= naiveMax && s[1] <= naiveMax && s[2] <= naiveMax;
                List<String> names = new ArrayList<>(opened.keySet());
                if (naive) {
                    names.add(0, GemmBenchmark.NAIVE);
                }
                for (String name : names) {
                    err.printf("\r[%d/%d] %-6s m=%d k=%d n=%d ...          ", ++done, total, name, s[0], s[1], s[2]);
                    err.flush();
                    GemmBenchmark.Result r = GemmBenchmark.measure(opened.get(name), s[0], s[2], s[1], minSeconds);
                    results.add(r);
                    if (json) {
                        out.println(r.toJson());
                        out.flush();
                    }
                }
                if (!naive) {
                    done++;
                }
            }
            err.print("\r" + " ".repeat(60) + "\r");
            err.flush();
        } finally {
            opened.values().forEach(Backend::close);
        }
        if (!json) {
            printTable(out, mkn, opened, results);
        }
        out.flush();
        return 0;
    }

    private List<int[]> parseShapes() {
        List<String> spec0 = shapes == null ? List.of("256", "512", "1024", "2048", "128x784x1000") : shapes;
        List<int[]> parsed = new ArrayList<>();
        for (String s : spec0) {
            String[] parts = s.toLowerCase(Locale.ROOT).split("x");
            try {
                int[] mkn = parts.length == 1
                        ? new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[0]), Integer.parseInt(parts[0])}
                        : parts.length == 3 ? new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                                Integer.parseInt(parts[2])} : null;
                if (mkn == null || mkn[0] < 1 || mkn[1] < 1 || mkn[2] < 1) {
                    throw new NumberFormatException();
                }
                parsed.add(mkn);
            } catch (NumberFormatException e) {
                throw new ParameterException(spec.commandLine(), "--shapes: '" + s
                        + "' is not a shape; write N for N x N x N or MxKxN with positive integers, e.g. 128x784x1000");
            }
        }
        return parsed;
    }

    /** Opens the asked-for backends; by default skips (with a note) the ones that cannot run here. */
    private static void printTable(PrintWriter out, List<int[]> mkn, Map<String, Backend> opened,
                                   List<GemmBenchmark.Result> results) {
        List<String> columns = new ArrayList<>();
        columns.add(GemmBenchmark.NAIVE);
        columns.addAll(opened.keySet());
        out.println("GEMM C[m,n] = A[m,k] * B[k,n], float32; GFLOP/s = 2mnk / median call time");
        for (Backend b : opened.values()) {
            out.printf("  %-6s %s%n", b.name(), b.description());
        }
        out.printf("  %-6s textbook triple loop, 1 thread%n", GemmBenchmark.NAIVE);
        out.println();
        StringBuilder header = new StringBuilder(String.format("%-18s", "m x k x n"));
        columns.forEach(c -> header.append(String.format("%10s", c)));
        out.println(header);
        for (int[] s : mkn) {
            StringBuilder row = new StringBuilder(String.format("%-18s", s[0] + "x" + s[1] + "x" + s[2]));
            for (String c : columns) {
                String cell = results.stream()
                        .filter(r -> r.backend().equals(c) && r.m() == s[0] && r.k() == s[1] && r.n() == s[2])
                        .findFirst().map(r -> String.format(Locale.ROOT, "%.1f", r.gflops())).orElse("-");
                row.append(String.format("%10s", cell));
            }
            out.println(row);
        }
    }
}
