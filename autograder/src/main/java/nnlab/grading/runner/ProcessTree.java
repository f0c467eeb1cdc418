package nnlab.grading.runner;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Kills a process and everything it started, and checks that none of them is left. Descendants are found
 * by walking parent links ({@link ProcessHandle#descendants()}), again after each round of kills, so a process
 * forked while the tree is being killed is caught in the next round.
 */
final class ProcessTree {

    private static final int ROUNDS = 5;
    private static final long WAIT_MILLIS = 5_000;

    private ProcessTree() {
    }

    /**
     * Kills {@code root} and all its descendants with {@code SIGKILL} and waits until they are gone.
     *
     * @return the pids still alive afterwards: empty unless a process could not be killed within about 25 s
     */
    static List<Long> kill(ProcessHandle root) {
        Set<ProcessHandle> seen = new LinkedHashSet<>();
        for (int round = 0; round < ROUNDS; round++) {
            List<ProcessHandle> tree = new ArrayList<>();
            tree.add(root);
            root.descendants().forEach(tree::add);
            seen.addAll(tree);
            for (ProcessHandle process : tree) {
                process.destroyForcibly();
            }
            for (ProcessHandle process : tree) {
                awaitExit(process);
            }
            if (alive(seen).isEmpty() && root.descendants().findAny().isEmpty()) {
                return List.of();
            }
        }
        return alive(seen);
    }

    private static List<Long> alive(Set<ProcessHandle> processes) {
        List<Long> alive = new ArrayList<>();
        for (ProcessHandle process : processes) {
            if (process.isAlive()) {
                alive.add(process.pid());
            }
        }
        return alive;
    }

    private static void awaitExit(ProcessHandle process) {
        try {
            process.onExit().get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // checked by the caller
        }
    }
}
