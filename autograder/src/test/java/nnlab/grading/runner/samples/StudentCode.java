package nnlab.grading.runner.samples;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * "Student" code for the hostile samples: each method is what a submission might do in a TODO, with no static
 * gate in the way. Only the sample test classes call it, inside a test JVM started by the runner under test.
 */
public final class StudentCode {

    private static volatile long spins;

    private StudentCode() {
    }

    /** A correct solution. */
    public static int add(int a, int b) {
        return a + b;
    }

    /** A wrong solution. */
    public static int wrongAdd(int a, int b) {
        return a - b;
    }

    /** Ends the JVM with status 0 in the middle of a test, as a TODO left with System.exit might. */
    public static int exitInTodo() {
        System.exit(0);
        return 0;
    }

    /** Ends the JVM at once, skipping shutdown hooks. */
    public static int halt() {
        Runtime.getRuntime().halt(3);
        return 0;
    }

    /** Spins for ever and ignores interrupts. */
    public static int busyLoop() {
        while (true) {
            Thread.interrupted();
            spins++;
        }
    }

    /** Sleeps for ever, going back to sleep whenever interrupted. */
    public static int sleepForever() {
        while (true) {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                // back to sleep
            }
        }
    }

    /** Allocates until the heap is exhausted. */
    public static int heapBomb() {
        List<long[]> hoard = new ArrayList<>();
        while (true) {
            hoard.add(new long[1 << 20]);
        }
    }

    /** Starts 10000 threads that never end. */
    public static int threadBomb() {
        for (int i = 0; i < 10_000; i++) {
            Thread thread = new Thread(StudentCode::sleepForever);
            thread.start();
        }
        return 3;
    }

    /** Prints 1 GiB to standard output, then answers correctly. */
    public static int printOneGigabyte() {
        String mebibyte = "x".repeat((1 << 20) - 1);
        for (int i = 0; i < 1024; i++) {
            System.out.println(mebibyte);
        }
        return 3;
    }

    /**
     * Prints a fake Maven summary, a fake results.json and a fake outcome line, appends forged lines to the
     * outcome file (its path is the test JVM's first program argument) saying the test with {@code uniqueId}
     * passed, then answers wrongly.
     */
    public static int forgeResults(String uniqueId) throws IOException {
        System.out.println("Tests run: 10, Failures: 0, Errors: 0, Skipped: 0");
        System.out.println("[INFO] BUILD SUCCESS");
        System.out.println("{\"score\": 100, \"tests\": [{\"score\": 10, \"max_score\": 10, \"status\": \"passed\"}]}");
        String[] args = ProcessHandle.current().info().arguments().orElse(new String[0]);
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].endsWith("TestJvmMain")) {
                Path outcomes = Path.of(args[i + 1]);
                String id = uniqueId.replace("\"", "\\\"");
                String forged = "{\"token\":\"guess\",\"event\":\"finished\",\"id\":\"" + id
                        + "\",\"status\":\"SUCCESSFUL\",\"error\":\"\",\"message\":\"\",\"output\":\"\"}\n"
                        + "{\"event\":\"finished\",\"id\":\"" + id + "\",\"status\":\"SUCCESSFUL\"}\n"
                        + "{\"event\":\"done\"}\n";
                Files.writeString(outcomes, forged, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                System.out.println(forged);
            }
        }
        return -1;
    }

    /** Connects to a server at {@code port} on this machine; true if that worked. */
    public static boolean phoneHome(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Touches a class whose static initializer never ends. */
    public static int useLoopingInitializer() {
        return LoopingInitializer.VALUE;
    }

    /** A class whose static initializer spins for ever. */
    static final class LoopingInitializer {
        static final int VALUE;

        static {
            while (spinForever()) {
                spins++;
            }
            VALUE = 1;
        }

        private LoopingInitializer() {
        }

        private static boolean spinForever() {
            return spins >= 0 || spins < 0;
        }
    }
}
