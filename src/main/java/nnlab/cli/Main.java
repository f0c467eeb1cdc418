package nnlab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code nnlab} command line: {@code nnlab train}, {@code eval}, {@code info}, {@code bench}. Run it through the
 * {@code ./nnlab} launcher, which builds the jar and passes the JVM flags nnlab needs. Errors the user can fix
 * print one line and exit with status 1 ({@link ErrorReporter}).
 */
@Command(name = "nnlab",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "nnlab: a Java course kit for teaching neural networks.",
        subcommands = {TrainCommand.class, EvalCommand.class, InfoCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int status;
        try {
            status = commandLine().execute(args);
        } catch (OutOfMemoryError e) {
            System.err.println(ErrorReporter.outOfMemoryMessage(e));
            status = ErrorReporter.USER_ERROR;
        }
        System.exit(status);
    }

    /** The configured picocli command line (also used by tests, which capture its output). */
    public static CommandLine commandLine() {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(new ErrorReporter());
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
