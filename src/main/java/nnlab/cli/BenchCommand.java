package nnlab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code nnlab bench}: benchmarks; one subcommand per kernel family. */
@Command(name = "bench", description = "Measure the compute backends.",
        subcommands = {GemmBenchCommand.class, StepBenchCommand.class, EpochBenchCommand.class})
final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
