package nnlab.backend.simd;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * A fixed pool of daemon threads ({@code nnlab-simd-0}, {@code nnlab-simd-1}, ...), one per processor,
 * created on first use. {@link #parallelFor} hands out task indices from a shared counter, so a core
 * slowed down by another process simply takes fewer tasks. The calling thread works too, and waits
 * for the others before returning. After {@link #close()} everything runs on the calling thread.
 */
final class SimdThreads implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SimdThreads.class.getName());
    /** Numbers threads across all pools, so every worker thread of the JVM has its own name. */
    private static final AtomicInteger THREAD_IDS = new AtomicInteger();

    private final int threads;
    private ExecutorService pool;
    private boolean closed;

    SimdThreads(int threads) {
        this.threads = Math.max(1, threads);
    }

    /** Number of threads that {@link #parallelFor} uses at most (including the caller). */
    int threads() {
        return threads;
    }

    private synchronized ExecutorService pool() {
        if (closed || threads == 1) {
            return null;
        }
        if (pool == null) {
            pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "nnlab-simd-" + THREAD_IDS.getAndIncrement());
                t.setDaemon(true);
                return t;
            });
            LOG.log(System.Logger.Level.DEBUG, "started {0} SIMD worker threads", threads);
        }
        return pool;
    }

    /** Runs {@code body.accept(t)} for every {@code t < tasks}, spread over up to {@link #threads()} threads. */
    void parallelFor(int tasks, IntConsumer body) {
        ExecutorService p = tasks > 1 ? pool() : null;
        if (p == null) {
            for (int t = 0; t < tasks; t++) {
                body.accept(t);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int t = next.getAndIncrement(); t < tasks; t = next.getAndIncrement()) {
                body.accept(t);
            }
        };
        List<Future<?>> helpers = new ArrayList<>();
        try {
            for (int h = 1; h < Math.min(threads, tasks); h++) {
                helpers.add(p.submit(worker));
            }
        } catch (RejectedExecutionException closedMeanwhile) {
            // close() raced with this call: the caller's own worker below does the remaining tasks.
        }
        Throwable failure = null;
        try {
            worker.run();
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        failure = awaitAll(helpers, failure);
        if (failure instanceof RuntimeException) {
            throw (RuntimeException) failure;
        }
        if (failure instanceof Error) {
            throw (Error) failure;
        }
    }

    /** Waits for every helper (even when interrupted: they write into the caller's arrays), keeping the first failure. */
    private static Throwable awaitAll(List<Future<?>> helpers, Throwable failure) {
        boolean interrupted = false;
        for (Future<?> f : helpers) {
            while (true) {
                try {
                    f.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause();
                    }
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return failure;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (pool != null) {
            pool.shutdown();
            pool = null;
        }
    }
}
