package nnlab.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import nnlab.backend.Backend;
import nnlab.backend.BackendUnavailableException;
import nnlab.backend.Backends;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Opens the backends a benchmark command measures: the ones named by {@code --backends}, or every one that can run. */
final class BenchBackends {

    /** Every backend name, in table order. */
    static final List<String> ALL = List.of("cpu", "simd", "opencl");

    private BenchBackends() {
    }

    /**
     * Opens {@code requested} (or {@link #ALL} when null), calling {@code prepare} on each. A named backend that
     * cannot run is an error; without names it is skipped with a note on {@code err}. On error nothing stays open.
     */
    static Map<String, Backend> open(CommandLine cmd, List<String> requested, PrintWriter err, Consumer<Backend> prepare) {
        boolean explicit = requested != null;
        Map<String, Backend> opened = new LinkedHashMap<>();
        for (String name : explicit ? requested : ALL) {
            String n = name.trim().toLowerCase(Locale.ROOT);
            if (!ALL.contains(n)) {
                opened.values().forEach(Backend::close);
                throw new ParameterException(cmd, "--backends: unknown backend '" + name + "'; choose from "
                        + String.join(", ", ALL));
            }
            try {
                Backend backend = Backends.create(n);
                opened.put(n, backend);
                prepare.accept(backend);
            } catch (BackendUnavailableException e) {
                if (explicit) {
                    opened.values().forEach(Backend::close);
                    throw e;
                }
                err.println("note: skipping " + n + ": " + e.getMessage());
            }
        }
        return opened;
    }
}
