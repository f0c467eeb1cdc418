package nnlab.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Parses the {@code --models} option of the benchmark commands. */
final class BenchModels {

    private BenchModels() {
    }

    /**
     * The models named in {@code names} (looked up with {@code byId}, which returns null for an unknown name), or
     * every one of {@code all} when {@code names} is null.
     *
     * @throws ParameterException naming the unknown model and the valid names
     */
    static <M> List<M> parse(CommandLine cmd, List<String> names, List<M> all, Function<String, M> byId,
                             String validNames) {
        if (names == null) {
            return all;
        }
        List<M> parsed = new ArrayList<>();
        for (String name : names) {
            M m = byId.apply(name);
            if (m == null) {
                throw new ParameterException(cmd, "--models: unknown model '" + name + "'; choose from " + validNames);
            }
            parsed.add(m);
        }
        return parsed;
    }
}
