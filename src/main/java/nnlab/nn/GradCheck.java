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
 * {@code err = |analytic - numeric| / max(|analytic|, |numeric|, floor)}, where {@code floor} is the largest of
 * <ul>
 *   <li>1% of the root-mean-square numeric gradient of that tensor, so values near zero are judged against the
 *       tensor's scale;</li>
 *   <li>{@code 1e-4} of the largest such RMS over all checked tensors, so a gradient that is zero in exact
 *       arithmetic (a bias before BatchNorm, a saturated tanh) is not failed for a float32 residue of 1e-7;</li>
 *   <li>{@code 16 * 2^-24 * 1.5 * Σ|G ⊙ y|changed / (h * tolerance)}, the sum running over the outputs the
 *       perturbation changed: the worst-case float32 rounding of those outputs, seen through the stencil, so a
 *       derivative float32 cannot resolve is judged by that absolute bound;</li>
 *   <li>{@code 5 / tolerance} times the RMS disagreement, over the tensor, between the stencil with step {@code h}
 *       and with step {@code 2h}: the numeric estimate's own uncertainty, which catches rounding inside a loss
 *       (a log-sum-exp cancelling to a small value) and regions too curved for the step. There the check can only
 *       resolve errors above that uncertainty, and says so by passing rather than by failing correct code.</li>
 * </ul>
 * NaN or infinity on either side is always a failure.
 * The check passes when every {@code err <= tolerance}.
 *
 * <p><b>Tolerances.</b> Default {@value #DEFAULT_TOLERANCE}. Layers whose forward sums many float32 terms
 * (Conv2d, BatchNorm) are checked with {@code 2e-2}; a real backward bug gives errors of order 0.3 to 1 (a missing
 * term, a factor of the batch size, a transposed matrix) or NaN.
 *
 * <p><b>Kinks.</b> ReLU at 0 and ties inside a max-pool window have no derivative; a difference step across
 * them measures nonsense. {@link #kinkFreeInput} gives inputs whose elements are distinct and at least
 * {@code 10 h} apart and {@code 5 h} from zero, so no step of the stencils (at most {@code 4 h}) crosses a kink.
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

    /** Gradients below this fraction of the largest tensor's RMS gradient are judged absolutely (they are ~0). */
    private static final double GLOBAL_FLOOR = 1e-4;
    /** How many times the numeric estimate's own uncertainty an absolute error may reach before it counts. */
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
        List<Estimate> estimates = new ArrayList<>();
        estimates.add(estimate("input", dx, x, objective, rng));
        for (Map.Entry<String, Parameter> e : module.namedParameters().entrySet()) {
            Parameter p = e.getValue();
            if (p.requiresGrad()) {
                Tensor grad = p.hasGrad() ? p.grad().copy() : Tensor.zerosLike(p.value());
                estimates.add(estimate(e.getKey(), grad, p.value(), objective, rng));
            }
        }
        module.zeroGrad();
        return judge(module.toString(), estimates);
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
        return judge(loss.toString(), List.of(estimate("pred", analytic, pred, objective, rng)));
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

    /** Numerical derivatives at the sampled elements of one tensor, with the analytic values and rounding bounds. */
    private record Estimate(String name, int[] shape, int[] indices, double[] analytic, double[] numeric,
                            double[] roundingBound, double[] disagreement) {

        double disagreementRms() {
            double sumSq = 0;
            for (double d : disagreement) {
                sumSq += d * d;
            }
            return Math.sqrt(sumSq / Math.max(1, disagreement.length));
        }

        double numericRms() {
            double sumSq = 0;
            for (double n : numeric) {
                sumSq += n * n;
            }
            return Math.sqrt(sumSq / Math.max(1, numeric.length));
        }
    }

    private Estimate estimate(String name, Tensor analytic, Tensor wrt, Supplier<double[]> objective, RandomGenerator rng) {
        float[] v = wrt.data();
        float[] a = analytic.data();
        int[] indices = sample(v.length, rng);
        double[] analyticAt = new double[indices.length];
        double[] numeric = new double[indices.length];
        double[] roundingBound = new double[indices.length];
        double[] disagreement = new double[indices.length];
        double[] offsets = {2 * step, step, -step, -2 * step, 4 * step, -4 * step};
        for (int j = 0; j < indices.length; j++) {
            int i = indices[j];
            float original = v[i];
            double[] at = new double[offsets.length];
            double changedScale = 0;
            for (int s = 0; s < offsets.length; s++) {
                v[i] = (float) (original + offsets[s]);
                double[] eval = objective.get();
                at[s] = eval[0];
                changedScale = Math.max(changedScale, eval[1]);
            }
            v[i] = original;
            analyticAt[j] = a[i];
            numeric[j] = (-at[0] + 8 * at[1] - 8 * at[2] + at[3]) / (12 * step);
            double wide = (-at[4] + 8 * at[0] - 8 * at[3] + at[5]) / (24 * step); // the same stencil with step 2h
            disagreement[j] = Math.abs(numeric[j] - wide);
            // float32 rounding of the changed terms, through the stencil (weights sum to 1.5/h)
            roundingBound[j] = ROUNDING_MARGIN * FLOAT_EPSILON * changedScale * 1.5 / step;
        }
        return new Estimate(name, wrt.shape(), indices, analyticAt, numeric, roundingBound, disagreement);
    }

    /**
     * Scores every element: {@code err = |a - n| / max(|a|, |n|, floor)}, the floor being the largest of 1% of the
     * tensor's RMS numeric gradient, {@value #GLOBAL_FLOOR} of the largest RMS over all checked tensors, and the
     * element's rounding bound divided by the tolerance.
     */
    private GradCheckResult judge(String subject, List<Estimate> estimates) {
        double globalScale = 0;
        for (Estimate e : estimates) {
            globalScale = Math.max(globalScale, e.numericRms());
        }
        List<GradCheckResult.TensorCheck> checks = new ArrayList<>();
        for (Estimate e : estimates) {
            double floor = Math.max(Math.max(0.01 * e.numericRms(), GLOBAL_FLOOR * globalScale), 1e-12);
            floor = Math.max(floor, NOISE_MARGIN / tolerance * e.disagreementRms());
            int worst = -1;
            double worstErr = -1;
            for (int j = 0; j < e.indices().length; j++) {
                double an = e.analytic()[j];
                double nu = e.numeric()[j];
                double scale = Math.max(Math.max(Math.abs(an), Math.abs(nu)), Math.max(floor, e.roundingBound()[j] / tolerance));
                double err = Math.abs(an - nu) / scale;
                if (Double.isNaN(err) || Double.isInfinite(an) || Double.isInfinite(nu)) {
                    err = Double.POSITIVE_INFINITY;
                }
                if (err > worstErr) {
                    worstErr = err;
                    worst = j;
                }
            }
            checks.add(worst < 0
                    ? new GradCheckResult.TensorCheck(e.name(), e.shape(), new int[0], 0, 0, 0, 0)
                    : new GradCheckResult.TensorCheck(e.name(), e.shape(), unravel(e.indices()[worst], e.shape()),
                            e.analytic()[worst], e.numeric()[worst], worstErr, e.indices().length));
        }
        return new GradCheckResult(subject, checks, tolerance);
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
