package nnlab.backend.opencl;

import com.aparapi.device.OpenCLDevice;
import com.aparapi.exception.CompileFailedException;
import nnlab.backend.Backend;
import nnlab.backend.BackendUnavailableException;
import nnlab.backend.ConvGeometry;
import nnlab.backend.CpuBackend;
import nnlab.backend.GemmChecks;
import nnlab.backend.Im2Col;

import java.util.List;
import java.util.Random;

/**
 * The {@code opencl} backend: GEMM, im2col and col2im as Aparapi kernels on one OpenCL device
 * (a GPU if there is one, else e.g. PoCL on the CPU).
 *
 * <p><b>What runs where.</b>
 * <ul>
 *   <li>{@link #gemm}: {@link GemmKernel}, register-blocked 4x8 tiles; operands are packed on the host
 *       (transposes, offsets and leading dimensions resolved), so the device sees only dense arrays.</li>
 *   <li>{@link #im2col} / {@link #col2im}: {@link Im2ColKernel} / {@link Col2ImKernel} (col2im as a gather,
 *       no atomics).</li>
 *   <li>Convolution forward/backward: the {@link Backend} defaults (im2col + GEMM), so they use the
 *       kernels above.</li>
 *   <li>Element-wise ops ({@code axpy}, {@code add}, {@code relu}, ...): the plain-Java {@link Backend}
 *       defaults. They do one or two flops per element, so copying the operands to the device and back
 *       would cost more than the operation itself; nnlab keeps tensors in Java arrays, so nothing stays
 *       resident on the device between calls.</li>
 * </ul>
 *
 * <p><b>Verified execution.</b> {@link #open()} compiles each kernel and runs it once on tiny inputs,
 * comparing with {@link CpuBackend}; if that fails it throws {@link BackendUnavailableException} naming
 * the device. Every later run is checked (see {@link KernelSlot}, {@link ExecutionProof}); a kernel that
 * cannot run on OpenCL is retired with one logged warning and its operation runs on the CPU backend.
 *
 * <p><b>Threads.</b> Calls are thread-safe; calls to the same kernel are serialized (kernel fields are its
 * arguments). Scratch buffers are kept per kernel and grow as needed, so repeated calls of similar size
 * reuse the device buffers. {@link #close()} releases the kernels; using the backend afterwards throws
 * {@link IllegalStateException}.
 */
public final class OpenClBackend implements Backend {

    private static final float CHECK_TOLERANCE = 1e-4f;

    private final OpenClDeviceInfo info;
    private final CpuBackend cpu = new CpuBackend();
    private final KernelSlot<GemmKernel> gemm;
    private final KernelSlot<Im2ColKernel> im2col;
    private final KernelSlot<Col2ImKernel> col2im;
    private final List<KernelSlot<?>> slots;

    private OpenClBackend(OpenClDeviceInfo info, OpenCLDevice device) {
        this.info = info;
        this.gemm = new KernelSlot<>("gemm", new GemmKernel(), device);
        this.im2col = new KernelSlot<>("im2col", new Im2ColKernel(), device);
        this.col2im = new KernelSlot<>("col2im", new Col2ImKernel(), device);
        this.slots = List.of(gemm, im2col, col2im);
    }

    /**
     * Opens the backend on {@link OpenClProbe#preferred()} after checking each kernel on the device.
     *
     * @throws BackendUnavailableException when OpenCL is missing, or a kernel does not compile or
     *         gives wrong results on the device; the message names the device and the failure
     */
    public static OpenClBackend open() {
        OpenClProbe probe = OpenClSupport.probe();
        if (!probe.available()) {
            throw new BackendUnavailableException("opencl", probe.problem(), probe.fix());
        }
        OpenClDeviceInfo info = probe.preferred().orElseThrow();
        OpenClBackend backend;
        try {
            backend = new OpenClBackend(info, (OpenCLDevice) OpenClSupport.handle(info));
        } catch (RuntimeException | LinkageError e) {
            throw new BackendUnavailableException("opencl", "could not set up Aparapi kernels for OpenCL device "
                    + info.name() + " (" + e + ")", OpenClSupport.FIX, e);
        }
        String failure = backend.startUpCheck();
        if (failure != null) {
            backend.close();
            throw new BackendUnavailableException("opencl", "OpenCL device " + info.name() + " (" + info.platform()
                    + ") failed nnlab's start-up check: " + failure,
                    "update or reinstall that OpenCL driver, or run with NNLAB_BACKEND=cpu");
        }
        for (KernelSlot<?> slot : backend.slots) {
            slot.warnOnFailure(true);
        }
        return backend;
    }

    /** The device this backend runs on. */
    public OpenClDeviceInfo device() {
        return info;
    }

    @Override
    public String name() {
        return "opencl";
    }

    @Override
    public String description() {
        return "OpenCL: " + info.name() + " (" + info.platform() + " " + info.shortPlatformVersion() + ", " + info.type() + ")";
    }

    /** The device's compute units (CPU cores under PoCL, streaming multiprocessors on an NVIDIA GPU). */
    @Override
    public int parallelism() {
        return info.computeUnits();
    }

    /**
     * Evidence that the last run of a kernel happened on OpenCL; see {@link ExecutionProof}.
     *
     * @param kernel {@code "gemm"}, {@code "im2col"} or {@code "col2im"}
     */
    public ExecutionProof lastExecution(String kernel) {
        KernelSlot<?> slot = switch (kernel) {
            case "gemm" -> gemm;
            case "im2col" -> im2col;
            case "col2im" -> col2im;
            default -> throw new IllegalArgumentException("no OpenCL kernel named '" + kernel + "'; use gemm, im2col or col2im");
        };
        synchronized (slot) {
            return slot.proof();
        }
    }

    // ---------------------------------------------------------------- GEMM

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float alpha, float[] a, int aOffset, int lda,
                     float[] b, int bOffset, int ldb,
                     float beta, float[] c, int cOffset, int ldc) {
        if (GemmChecks.validateAndFinishTrivial(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb,
                beta, c, cOffset, ldc)) {
            return;
        }
        synchronized (gemm) {
            ensureOpen(gemm);
            if (gemm.usable() && gemmOnDevice(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb,
                    beta, c, cOffset, ldc)) {
                return;
            }
        }
        // A retired kernel, or a problem too large for one buffer.
        cpu.gemm(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc);
    }

    private boolean gemmOnDevice(boolean transA, boolean transB, int m, int n, int k,
                                 float alpha, float[] a, int aOffset, int lda,
                                 float[] b, int bOffset, int ldb,
                                 float beta, float[] c, int cOffset, int ldc) {
        int tilesN = (n + GemmKernel.TILE_N - 1) / GemmKernel.TILE_N;
        int tilesM = (m + GemmKernel.TILE_M - 1) / GemmKernel.TILE_M;
        int panelM = gemm.groupSide() * GemmKernel.TILE_M;
        int panelN = gemm.groupSide() * GemmKernel.TILE_N;
        long aSize = (long) roundUp(m, panelM) * k;
        long bSize = (long) roundUp(n, panelN) * k;
        if (aSize > Integer.MAX_VALUE || bSize > Integer.MAX_VALUE) {
            return false;
        }
        GemmKernel kern = gemm.kernel;
        kern.a = Packing.reuse(kern.a, (int) aSize);
        kern.b = Packing.reuse(kern.b, (int) bSize);
        kern.c = Packing.reuse(kern.c, m * n);
        // Device layout: k-deep panels as wide as one work-group reads (see GemmKernel).
        Packing.packPanels(!transA, m, k, a, aOffset, lda, kern.a, panelM);
        Packing.packPanels(transB, n, k, b, bOffset, ldb, kern.b, panelN);
        if (beta != 0f) {
            Packing.copyRows(m, n, c, cOffset, ldc, kern.c, 0, n);
        }
        kern.m = m;
        kern.n = n;
        kern.k = k;
        kern.panelM = panelM;
        kern.panelN = panelN;
        kern.alpha = alpha;
        kern.beta = beta;
        kern.put(kern.a).put(kern.b);
        if (beta != 0f) {
            kern.put(kern.c);
        }
        if (!gemm.execute(gemm.range2D(tilesN, tilesM))) {
            return false;
        }
        kern.get(kern.c);
        Packing.copyRows(m, n, kern.c, 0, n, c, cOffset, ldc);
        return true;
    }

    // ---------------------------------------------------------------- im2col / col2im

    @Override
    public void im2col(ConvGeometry g, float[] image, int imageOffset, float[] columns) {
        Im2Col.check(g, image, imageOffset, columns);
        long total = (long) g.columnRows() * g.columnCols();
        synchronized (im2col) {
            ensureOpen(im2col);
            if (im2col.usable() && total <= Integer.MAX_VALUE - 64) {
                Im2ColKernel kern = im2col.kernel;
                int size = g.imageSize();
                kern.image = Packing.reuse(kern.image, size);
                kern.columns = Packing.reuse(kern.columns, (int) total);
                System.arraycopy(image, imageOffset, kern.image, 0, size);
                kern.setGeometry(g, (int) total);
                kern.put(kern.image);
                if (im2col.execute(im2col.range((int) total))) {
                    kern.get(kern.columns);
                    System.arraycopy(kern.columns, 0, columns, 0, (int) total);
                    return;
                }
            }
        }
        cpu.im2col(g, image, imageOffset, columns);
    }

    @Override
    public void col2im(ConvGeometry g, float[] columns, float[] image, int imageOffset) {
        Im2Col.check(g, image, imageOffset, columns);
        long total = (long) g.columnRows() * g.columnCols();
        synchronized (col2im) {
            ensureOpen(col2im);
            if (col2im.usable() && total <= Integer.MAX_VALUE) {
                Col2ImKernel kern = col2im.kernel;
                int size = g.imageSize();
                kern.image = Packing.reuse(kern.image, size);
                kern.columns = Packing.reuse(kern.columns, (int) total);
                System.arraycopy(image, imageOffset, kern.image, 0, size);
                System.arraycopy(columns, 0, kern.columns, 0, (int) total);
                kern.setGeometry(g, size);
                kern.put(kern.image).put(kern.columns);
                if (col2im.execute(col2im.range(size))) {
                    kern.get(kern.image);
                    System.arraycopy(kern.image, 0, image, imageOffset, size);
                    return;
                }
            }
        }
        cpu.col2im(g, columns, image, imageOffset);
    }

    // ---------------------------------------------------------------- life cycle

    /** Releases every kernel (and its device buffers). Idempotent, never throws. */
    @Override
    public void close() {
        for (KernelSlot<?> slot : slots) {
            synchronized (slot) {
                try {
                    slot.dispose();
                } catch (RuntimeException | LinkageError e) {
                    // Nothing useful to do: the process is releasing the backend anyway.
                }
            }
        }
    }

    private static void ensureOpen(KernelSlot<?> slot) {
        if (slot.closed()) {
            throw new IllegalStateException("the opencl backend has been closed");
        }
    }

    /**
     * Compiles and runs each kernel once on small odd shapes and compares with {@link CpuBackend}.
     * Each compile is followed by an execute before anything else (see {@link KernelSlot#compile}).
     *
     * @return null when all kernels pass, else what failed
     */
    private String startUpCheck() {
        Random random = new Random(42);
        // GEMM: 5x9 (edge tiles in both directions), k = 3, transposed A, alpha and beta.
        String failure = compile(gemm);
        if (failure != null) {
            return failure;
        }
        int m = 5;
        int n = 9;
        int k = 3;
        float[] a = random(random, k * m);
        float[] b = random(random, k * n);
        float[] c = random(random, m * n);
        float[] expected = c.clone();
        cpu.gemm(true, false, m, n, k, 1.5f, a, 0, m, b, 0, n, 0.5f, expected, 0, n);
        gemm(true, false, m, n, k, 1.5f, a, 0, m, b, 0, n, 0.5f, c, 0, n);
        failure = compare(gemm, expected, c);
        if (failure != null) {
            return failure;
        }
        ConvGeometry g = new ConvGeometry(2, 5, 4, 3, 2, 2, 1, 1, 0, 1, 2);
        float[] image = random(random, g.imageSize());
        failure = compile(im2col);
        if (failure != null) {
            return failure;
        }
        float[] columns = new float[g.columnRows() * g.columnCols()];
        float[] expectedColumns = columns.clone();
        cpu.im2col(g, image, 0, expectedColumns);
        im2col(g, image, 0, columns);
        failure = compare(im2col, expectedColumns, columns);
        if (failure != null) {
            return failure;
        }
        failure = compile(col2im);
        if (failure != null) {
            return failure;
        }
        float[] back = image.clone();
        float[] expectedBack = image.clone();
        cpu.col2im(g, expectedColumns, expectedBack, 0);
        col2im(g, expectedColumns, back, 0);
        return compare(col2im, expectedBack, back);
    }

    private static String compile(KernelSlot<?> slot) {
        synchronized (slot) {
            try {
                slot.compile();
                return null;
            } catch (CompileFailedException | RuntimeException | LinkageError e) {
                return "kernel '" + slot.name + "' " + slot.failure();
            }
        }
    }

    private static String compare(KernelSlot<?> slot, float[] expected, float[] actual) {
        synchronized (slot) {
            if (!slot.usable()) {
                return "kernel '" + slot.name + "': " + slot.failure();
            }
        }
        for (int i = 0; i < expected.length; i++) {
            float e = expected[i];
            if (!(Math.abs(e - actual[i]) <= CHECK_TOLERANCE * (1f + Math.abs(e)))) {
                return "kernel '" + slot.name + "' computed " + actual[i] + " instead of " + e + " at index " + i;
            }
        }
        return null;
    }

    private static float[] random(Random random, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = random.nextFloat() * 2f - 1f;
        }
        return x;
    }

    private static int roundUp(int x, int multiple) {
        return (x + multiple - 1) / multiple * multiple;
    }
}
