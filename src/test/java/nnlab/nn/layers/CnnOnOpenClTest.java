package nnlab.nn.layers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nnlab.backend.Backend;
import nnlab.backend.Backends;
import nnlab.backend.CpuBackend;
import nnlab.backend.opencl.OpenClAssumptions;
import nnlab.backend.opencl.OpenClBackend;
import nnlab.nn.Parameter;
import nnlab.nn.Sequential;
import nnlab.tensor.Tensor;
import nnlab.testing.TestSeeds;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * A small CNN (Conv2d, ReLU, MaxPool2d, Conv2d, AdaptiveAvgPool2d, Flatten, Linear in a Sequential) gives the same
 * output, input gradient and parameter gradients on the {@code opencl} backend as on {@code cpu}, and the OpenCL
 * kernels (GEMM, im2col, col2im) provably ran on the device. Skipped without OpenCL; where
 * {@code NNLAB_REQUIRE_OPENCL=1} (CI, with PoCL) a missing OpenCL fails it instead.
 *
 * <p>Tolerance: every element within {@value #TOLERANCE} of the tensor's largest magnitude,
 * {@code |a - b| <= 1e-4 * max_j |b_j|}. Both backends round each of the ~10 chained sums (at most 72 products
 * deep) in a different order; each contributes at most {@code gamma_k ~ 1e-5} of the magnitudes involved, and the
 * largest differences measured over 20 seeds were below 1e-6 of that scale. The bound would fail if a ReLU input
 * or two max-pool candidates fell within rounding distance (about 1e-7) of each other and the backends took
 * different branches; with a few thousand such comparisons per run that is rare (about 1e-3 per seed), and the
 * default seed is checked.
 */
class CnnOnOpenClTest {

    static final double TOLERANCE = 1e-4;

    private static Sequential cnn(long seed) {
        RandomGenerator rng = Tensor.rng(seed);
        return new Sequential(
                Conv2d.builder(3, 8, 3).padding(1).rng(rng).build(),
                new ReLU(),
                new MaxPool2d(2),
                Conv2d.builder(8, 16, 3).rng(rng).build(),
                new AdaptiveAvgPool2d(2, 2),
                new Flatten(),
                new Linear(64, 10, true, rng));
    }

    /** Output, input gradient and every parameter gradient of one forward + backward, by name. */
    private static Map<String, Tensor> run(Backend backend, long seed) {
        Sequential model = cnn(seed);
        RandomGenerator rng = Tensor.rng(seed + 1);
        Tensor x = Tensor.uniform(rng, -1f, 1f, 4, 3, 16, 16);
        Tensor gradOut = Tensor.uniform(rng, -1f, 1f, 4, 10);
        Map<String, Tensor> out = new LinkedHashMap<>();
        try (BackendScope on = BackendScope.use(backend)) {
            out.put("output", model.forward(x));
            out.put("input gradient", model.backward(gradOut));
        }
        for (Map.Entry<String, Parameter> p : model.namedParameters().entrySet()) {
            out.put("grad of " + p.getKey(), p.getValue().grad());
        }
        return out;
    }

    @Test
    void openClMatchesCpuOnForwardAndEveryGradient() {
        OpenClAssumptions.assumeOpenCl();
        long seed = TestSeeds.of(341);
        Map<String, Tensor> expected = run(new CpuBackend(), seed);
        try (OpenClBackend opencl = (OpenClBackend) Backends.create("opencl")) {
            Map<String, Tensor> actual = run(opencl, seed);
            for (String kernel : List.of("gemm", "im2col", "col2im")) {
                assertTrue(opencl.lastExecution(kernel).proven(),
                        () -> kernel + " did not provably run on OpenCL: " + opencl.lastExecution(kernel));
            }
            List<String> problems = new ArrayList<>();
            expected.forEach((name, e) -> {
                double scale = e.abs().max();
                double diff = actual.get(name).maxAbsDiff(e);
                if (!(diff <= TOLERANCE * scale)) {
                    problems.add(name + ": max |opencl - cpu| = " + diff + " > " + TOLERANCE + " * " + scale);
                }
            });
            assertTrue(expected.size() == 8, "output, input gradient and 6 parameter gradients compared");
            assertTrue(problems.isEmpty(), () -> "seed " + seed + ":\n" + String.join("\n", problems));
        }
    }
}
