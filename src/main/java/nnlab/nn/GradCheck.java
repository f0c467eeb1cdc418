package nnlab.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import nnlab.nn.loss.Loss;
import nnlab.tensor.Tensor;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Numerical gradient check: compares the gradients a hand-written {@code backward} returns with central
 * differences of {@code forward}, and reports the worst element in words a student can act on.
 *
 * <p><b>What is compared.</b> For a module {@code y = f(x; θ)} a random upstream gradient {@code G} (same shape
 * as {@code y}, entries {@code ±U(0.5, 1.5)}, so that no error can cancel out as it might with all ones) defines
 * the scalar {@code L = Σ G ⊙ f(x; θ)}, summed in double. Then {@code backward(G)} must give {@code dL/dx} and
 * add {@code dL/dθ} to every parameter's grad. For a loss, {@code L} is the loss itself and {@code backward()}
 * must give {@code dL/dpred}. Each numerical derivative uses the fourth-order central difference
 * <pre>
 *   dL/dv ≈ (-L(v+2h) + 8 L(v+h) - 8 L(v-h) + L(v-2h)) / (12 h),   h = 2^-8 (default)
 * </pre>
 * whose truncation error is {@code O(h^4)}; with float32 forwards the rounding noise is about
 * {@code 1e-7 |L-terms| / h}, which the tolerance absorbs. Each element is compared by
 * {@code err = |analytic - numeric| / max(|analytic|, |numeric|, floor)}, where {@code floor} is the larger of
 * 1% of the root-mean-square numeric gradient of that tensor (so values near zero are judged against the tensor's
 * scale) and {@code 5 / tolerance} times the measured float32 rounding noise (the RMS disagreement between the
 * central differences with steps {@code h} and {@code 2h}, which is pure noise for a smooth function): a gradient
 * that float32 cannot resolve is then judged by an absolute error of at most 5 noise levels. Each element's
 * scale is also at least {@code 16 * 2^-24 * 1.5 * Σ|G ⊙ y|changed / (h * tolerance)}, where the sum runs over the
 * outputs the perturbation changed: the worst-case float32 rounding of those outputs, seen through the stencil.
 * The check passes when every {@code err <= tolerance}.
 *
 * <p><b>Tolerances.</b> Default {@value #DEFAULT_TOLERANCE}. Layers whose forward sums many float32 terms
 * (Conv2d, BatchNorm) are checked with {@code 2e-2}; a real backward bug gives errors of order 0.3 to 1 (a missing
 * term, a factor of the batch size, a transposed matrix) or NaN.
 *
 * <p><b>Kinks.</b> ReLU at 0 and ties inside a max-pool window have no derivative; a difference step across
 * them measures nonsense. {@link #kinkFreeInput} gives inputs whose elements are distinct and at least
 * {@code 10 h} away from each other and from zero, so no step of the stencil crosses a kink.
 *
 * <p><b>Side effects.</b> The check zeroes the module's gradients and leaves the values of inputs and parameters
 * as they were. Stochastic modules ({@link Stochastic}, e.g. Dropout) are reseeded before each forward.
 */
public final class GradCheck {

    /** Default relative tolerance for float32 layers. */
    public static final double DEFAULT_TOLERANCE = 1e-2;
    /** Default difference step, a power of two so that {@code v ± h} and {@code v ± 2h} are exact for {@code |v| < 2^14}. */
    public static final double DEFAULT_STEP = 0x1.0p-8;
    /** Default number of elements checked per tensor (all of them if it has fewer); chosen at random. */
    public static final int DEFAULT_MAX_ELEMENTS = 200;

    /** How many times the measured rounding noise an absolute error may reach before it counts. */
    private static final double NOISE_MARGIN = 5;
    /** float32 unit roundoff, {@code 2^-24}. */
    private static final double FLOAT_EPSILON = 0x1.0p-24;
    /** Rounding steps allowed per changed output term (a term is the result of a short float32 sum). */
    private static final double ROUNDING_MARGIN = 16;

    private double tolerance = DEFAULT_TOLERANCE;
    private double step = DEFAULT_STEP;
    private int maxElements = DEFAULT_MAX_ELEMENTS;
    private long seed = 0;

    private GradCheck() {
    }

    /** A check with the defaults; set options with the fluent methods, then call {@link #module} or {@link #loss}. */
    public static GradCheck with() {
        return new GradCheck();
    }

    /** Checks {@code module} at input {@code x} with the defaults and seed {@code seed}. */
    public static GradCheckResult checkModule(Module module, Tensor x, long seed) {
        return with().seed(seed).module(module, x);
    }

    /** Checks {@code loss} at {@code (pred, target)} with the defaults. */
    public static GradCheckResult checkLoss(Loss loss, Tensor pred, Tensor target) {
        return with().loss(loss, pred, target);
    }

    /** Sets the relative tolerance (see the class comment). */
    public GradCheck tolerance(double tolerance) {
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("tolerance must be > 0, got " + tolerance);
        }
        this.tolerance = tolerance;
        return this;
    }

    /** Sets the difference step {@code h}. */
    public GradCheck step(double h) {
        if (!(h > 0)) {
            throw new IllegalArgumentException("step must be > 0, got " + h);
        }
        this.step = h;
        return this;
    }

    /** Sets how many elements per tensor are checked at most. */
    public GradCheck maxElements(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("maxElements must be >= 1, got " + n);
        }
        this.maxElements = n;
        return this;
    }

    /** Seeds the upstream gradient, the element sampling and the reseeding of stochastic modules. */
    public GradCheck seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Checks {@code dL/dx} and {@code dL/dθ} of every parameter that requires grad, at input {@code x}. */
    public GradCheckResult module(Module module, Tensor x) {
        RandomGenerator rng = Tensor.rng(seed);
        long forwardSeed = rng.nextLong();
        reseedAll(module, forwardSeed);
        Tensor probe = module.forward(x);
        Tensor upstream = Tensor.uniform(rng, 0.5f, 1.5f, probe.shape());
        float[] g = upstream.data();
        for (int i = 0; i < g.length; i++) {
            g[i] = rng.nextBoolean() ? g[i] : -g[i];
        }
        module.zeroGrad();
        reseedAll(module, forwardSeed);
        module.forward(x);
        Tensor dx = module.backward(upstream);

        reseedAll(module, forwardSeed);
        Tensor base = module.forward(x);
        Supplier<double[]> objective = () -> {
            reseedAll(module, forwardSeed);
            return objectiveAndChangedScale(upstream, module.forward(x), base);
        };
        List<GradCheckResult.TensorCheck> checks = new ArrayList<>();
        checks.add(compare("input", dx, x, objective, rng));
        for (Map.Entry<String, Parameter> e : module.namedParameters().entrySet()) {
            Parameter p = e.getValue();
            if (p.requiresGrad()) {
                Tensor grad = p.hasGrad() ? p.grad().copy() : Tensor.zerosLike(p.value());
                checks.add(compare(e.getKey(), grad, p.value(), objective, rng));
            }
        }
        module.zeroGrad();
        return new GradCheckResult(module.toString(), checks, tolerance);
    }

    /** Checks {@code dL/dpred} of {@code loss} at {@code (pred, target)}. */
    public GradCheckResult loss(Loss loss, Tensor pred, Tensor target) {
        RandomGenerator rng = Tensor.rng(seed);
        loss.forward(pred, target);
        Tensor analytic = loss.backward();
        Supplier<double[]> objective = () -> {
            double value = loss.forward(pred, target);
            return new double[] {value, Math.abs(value)};
        };
        List<GradCheckResult.TensorCheck> checks = List.of(compare("pred", analytic, pred, objective, rng));
        return new GradCheckResult(loss.toString(), checks, tolerance);
    }

    /**
     * A random input of {@code shape} free of kinks: a random permutation of {@code ±(k + 1/2) * spacing},
     * with {@code spacing = 10 h} ({@code h} the default step), so elements are distinct, at least
     * {@code 10 h} apart and {@code 5 h} from zero. Elements lie within {@code ±numel * 5h} (±2 for 100 elements).
     */
    public static Tensor kinkFreeInput(RandomGenerator rng, int... shape) {
        Tensor t = Tensor.zeros(shape);
        float[] d = t.data();
        int n = d.length;
        double spacing = 10 * DEFAULT_STEP;
        for (int i = 0; i < n; i++) {
            d[i] = (float) ((i - n / 2 + 0.5) * spacing);
        }
        for (int i = n - 1; i > 0; i--) { // Fisher-Yates shuffle
            int j = rng.nextInt(i + 1);
            float tmp = d[i];
            d[i] = d[j];
            d[j] = tmp;
        }
        return t;
    }

    private GradCheckResult.TensorCheck compare(String name, Tensor analytic, Tensor wrt, Supplier<double[]> objective,
                                                RandomGenerator rng) {
        float[] v = wrt.data();
        int[] indices = sample(v.length, rng);
        double[] numeric = new double[indices.length];
        double[] roundingBound = new double[indices.length];
        double sumSq = 0;
        double noiseSq = 0;
        for (int j = 0; j < indices.length; j++) {
            int i = indices[j];
            float original = v[i];
            double[] at = new double[4];
            double[] offsets = {2 * step, step, -step, -2 * step};
            double changedScale = 0;
            for (int s = 0; s < 4; s++) {
                v[i] = (float) (original + offsets[s]);
                double[] eval = objective.get();
                at[s] = eval[0];
                changedScale = Math.max(changedScale, eval[1]);
            }
            // float32 rounding of the changed terms, through the stencil (weights sum to 1.5/h)
            roundingBound[j] = ROUNDING_MARGIN * FLOAT_EPSILON * changedScale * 1.5 / step;
            v[i] = original;
            double narrow = (at[1] - at[2]) / (2 * step); // central difference with step h
            double wide = (at[0] - at[3]) / (4 * step);   // ... and with step 2h
            numeric[j] = (4 * narrow - wide) / 3;          // Richardson: the fourth-order stencil
            sumSq += numeric[j] * numeric[j];
            noiseSq += (narrow - wide) * (narrow - wide);
        }
        int count = Math.max(1, indices.length);
        // Below the floor errors are judged absolutely: the floor is 1% of the tensor's gradient scale, raised to
        // NOISE_MARGIN / tolerance times the float32 rounding noise seen as the disagreement of the two differences.
        double floor = Math.max(0.01 * Math.sqrt(sumSq / count), NOISE_MARGIN / tolerance * Math.sqrt(noiseSq / count));
        floor = Math.max(floor, 1e-12);
        float[] a = analytic.data();
        int worst = -1;
        double worstErr = -1;
        for (int j = 0; j < indices.length; j++) {
            double an = a[indices[j]];
            double scale = Math.max(Math.max(Math.abs(an), Math.abs(numeric[j])), Math.max(floor, roundingBound[j] / tolerance));
            double err = Math.abs(an - numeric[j]) / scale;
            if (Double.isNaN(err)) {
                err = Double.POSITIVE_INFINITY;
            }
            if (err > worstErr) {
                worstErr = err;
                worst = j;
            }
        }
        if (worst < 0) {
            return new GradCheckResult.TensorCheck(name, wrt.shape(), new int[0], 0, 0, 0, 0);
        }
        return new GradCheckResult.TensorCheck(name, wrt.shape(), unravel(indices[worst], wrt.shape()),
                a[indices[worst]], numeric[worst], worstErr, indices.length);
    }

    private int[] sample(int n, RandomGenerator rng) {
        if (n <= maxElements) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] pool = new int[n];
        for (int i = 0; i < n; i++) {
            pool[i] = i;
        }
        for (int i = 0; i < maxElements; i++) { // partial Fisher-Yates: a uniform sample without repeats
            int j = i + rng.nextInt(n - i);
            int tmp = pool[i];
            pool[i] = pool[j];
            pool[j] = tmp;
        }
        return java.util.Arrays.copyOf(pool, maxElements);
    }

    /**
     * {@code L = Σ G ⊙ y} in double, and {@code Σ |G ⊙ y|} over the outputs that differ from {@code base}: the
     * size of the terms whose float32 rounding reaches the difference quotient.
     */
    private static double[] objectiveAndChangedScale(Tensor upstream, Tensor y, Tensor base) {
        float[] g = upstream.data();
        float[] out = y.data();
        float[] b = base.data();
        double sum = 0;
        double changed = 0;
        for (int i = 0; i < g.length; i++) {
            double term = (double) g[i] * out[i];
            sum += term;
            if (Float.floatToIntBits(out[i]) != Float.floatToIntBits(b[i])) {
                changed += Math.abs(term);
            }
        }
        return new double[] {sum, changed};
    }

    private static void reseedAll(Module m, long seed) {
        if (m instanceof Stochastic s) {
            s.reseed(seed);
        }
        long childSeed = seed;
        for (Module child : m.children()) {
            childSeed = childSeed * 6364136223846793005L + 1442695040888963407L;
            reseedAll(child, childSeed);
        }
    }

    static int[] unravel(int flat, int[] shape) {
        int[] idx = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            idx[d] = flat % shape[d];
            flat /= shape[d];
        }
        return idx;
    }
}
