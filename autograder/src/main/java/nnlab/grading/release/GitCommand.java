package nnlab.grading.release;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Runs the {@code git} command line in one repository, with a chosen environment, and returns its output or fails
 * with git's own message.
 */
final class GitCommand {

    /** What git printed and how it ended. */
    record Result(int status, String out, String err) {
    }

    private final String git;
    private final Path repository;
    private final Map<String, String> environment;

    /**
     * @param git         the git executable (a name found on the PATH, or a path)
     * @param repository  the folder git runs in ({@code git -C})
     * @param environment variables to set for git; a {@code null} value removes the variable
     */
    GitCommand(String git, Path repository, Map<String, String> environment) {
        this.git = git;
        this.repository = repository;
        this.environment = environment;
    }

    /** Runs git with {@code args} and {@code stdin}; fails unless it exits with 0. */
    String run(byte[] stdin, String... args) throws IOException {
        Result result = tryRun(stdin, args);
        if (result.status() != 0) {
            throw new IOException("git " + String.join(" ", args) + " failed in " + repository + " (exit status "
                    + result.status() + "): " + result.err().strip());
        }
        return result.out();
    }

    /** Runs git with {@code args} and no input; fails unless it exits with 0. */
    String run(String... args) throws IOException {
        return run(new byte[0], args);
    }

    /** Runs git with {@code args} and {@code stdin}, whatever its exit status. */
    Result tryRun(byte[] stdin, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(git, "-C", repository.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        for (Map.Entry<String, String> variable : environment.entrySet()) {
            if (variable.getValue() == null) {
                builder.environment().remove(variable.getKey());
            } else {
                builder.environment().put(variable.getKey(), variable.getValue());
            }
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IOException("cannot run git ('" + git + "'): " + e.getMessage() + "; install git and put it on"
                    + " the PATH", e);
        }
        FutureTask<byte[]> out = drain(process.getInputStream());
        FutureTask<byte[]> err = drain(process.getErrorStream());
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin);
        } catch (IOException ignored) {
            // git stopped reading (it failed early); its exit status and message say why.
        }
        try {
            int status = process.waitFor();
            return new Result(status, new String(out.get(), StandardCharsets.UTF_8),
                    new String(err.get(), StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while git " + String.join(" ", args) + " ran", e);
        } catch (ExecutionException e) {
            throw new IOException("could not read git's output: " + e.getCause(), e.getCause());
        }
    }

    /** Reads a stream to its end on a thread of its own, so that neither of git's outputs can block the other. */
    private static FutureTask<byte[]> drain(InputStream stream) {
        FutureTask<byte[]> task = new FutureTask<>(() -> {
            try (InputStream in = stream) {
                return in.readAllBytes();
            }
        });
        Thread reader = new Thread(task, "git-output");
        reader.setDaemon(true);
        reader.start();
        return task;
    }
}
