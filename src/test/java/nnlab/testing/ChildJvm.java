package nnlab.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class in a fresh JVM with the test class path, for behaviour that depends on how a JVM
 * was started (its flags, its environment). Output goes to temporary files, so a chatty child cannot block.
 */
public final class ChildJvm {

    private ChildJvm() {
    }

    /** What the child did. */
    public record Result(int exitCode, String out, String err) {
    }

    /**
     * @param jvmFlags flags before the main class, e.g. {@code --add-modules jdk.incubator.vector}
     * @param env      environment changes: a value sets the variable, a {@code null} value removes it
     * @param main     the class whose {@code main} runs
     * @param args     its arguments
     */
    public static Result run(List<String> jvmFlags, Map<String, String> env, Class<?> main, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        Path out = Files.createTempFile("nnlab-child", ".out");
        Path err = Files.createTempFile("nnlab-child", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            env.forEach((k, v) -> {
                if (v == null) {
                    pb.environment().remove(k);
                } else {
                    pb.environment().put(k, v);
                }
            });
            Process p = pb.start();
            p.getOutputStream().close();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("child JVM " + main.getName() + " did not finish in 120 s");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
