package nnlab.nn.layers;

import java.util.Arrays;
import nnlab.nn.Module;
import nnlab.nn.Parameter;
import nnlab.tensor.Tensor;

/**
 * The math shared by {@link BatchNorm1d} and {@link BatchNorm2d} (PyTorch's {@code _BatchNorm}). Both see their
 * input as {@code [N, C, S]} with {@code S} values per sample and channel ({@code S = 1} for {@code [N, C]},
 * {@code L} for {@code [N, C, L]}, {@code H*W} for {@code [N, C, H, W]}); statistics are per channel over the
 * {@code m = N*S} values of that channel. Sums run in double.
 */
abstract class BatchNormBase extends Module {

    private final int numFeatures;
    private final double eps;
    private final double momentum;
    private final Parameter weight;
    private final Parameter bias;
    private final Tensor runningMean;
    private final Tensor runningVar;
    private final Tensor numBatchesTracked;

    /** Cache for backward: normalised input {@code xhat = (x - mean) * invStd}, laid out as the input. */
    private float[] xhat;
    /** Cache for backward: {@code 1 / sqrt(var + eps)} per channel, of the statistics the forward used. */
    private double[] invStd;
    /** Cache for backward: whether the forward normalised with batch statistics (then mean and var depend on x). */
    private boolean usedBatchStats;
    private int cachedN;
    private int cachedS;

    BatchNormBase(int numFeatures, double eps, double momentum, boolean affine, boolean trackRunningStats) {
        if (numFeatures < 1) {
            throw new IllegalArgumentException(getClass().getSimpleName() + "(" + numFeatures
                    + "): numFeatures is the number of channels C and must be >= 1");
        }
        if (!(eps > 0) || Double.isInfinite(eps)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": eps must be a small positive number "
                    + "such as 1e-5 (it keeps 1/sqrt(var + eps) finite), got " + eps);
        }
        if (!(momentum >= 0 && momentum <= 1)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": momentum must be in [0, 1] "
                    + "(running = (1 - momentum) * running + momentum * batch), got " + momentum);
        }
        this.numFeatures = numFeatures;
        this.eps = eps;
        this.momentum = momentum;
        this.weight = affine ? registerParameter("weight", new Parameter(Tensor.ones(numFeatures))) : null;
        this.bias = affine ? registerParameter("bias", new Parameter(Tensor.zeros(numFeatures))) : null;
        this.runningMean = trackRunningStats ? registerBuffer("running_mean", Tensor.zeros(numFeatures)) : null;
        this.runningVar = trackRunningStats ? registerBuffer("running_var", Tensor.ones(numFeatures)) : null;
        this.numBatchesTracked = trackRunningStats ? registerBuffer("num_batches_tracked", Tensor.scalar(0)) : null;
    }

    /** Throws an {@link IllegalArgumentException} naming the expected shape unless {@code x} is accepted. */
    abstract void checkInput(Tensor x);

    // =============================================================== accessors

    /** Number of channels {@code C}. */
    public int numFeatures() {
        return numFeatures;
    }

    /** The {@code eps} added to the variance. */
    public double eps() {
        return eps;
    }

    /** The momentum of the running statistics. */
    public double momentum() {
        return momentum;
    }

    /** {@code gamma [C]} (initially ones), or {@code null} when {@code affine = false}. */
    public Parameter weight() {
        return weight;
    }

    /** {@code beta [C]} (initially zeros), or {@code null} when {@code affine = false}. */
    public Parameter bias() {
        return bias;
    }

    /** The live {@code running_mean [C]} buffer (writes change the module), or {@code null} without running stats. */
    public Tensor runningMean() {
        return runningMean;
    }

    /** The live {@code running_var [C]} buffer (unbiased estimates), or {@code null} without running stats. */
    public Tensor runningVar() {
        return runningVar;
    }

    /** How many training-mode forwards updated the running statistics (0 without running stats). */
    public long numBatchesTracked() {
        return numBatchesTracked == null ? 0 : (long) numBatchesTracked.item();
    }

    /** Resets {@code running_mean} to zeros, {@code running_var} to ones and {@code num_batches_tracked} to 0. */
    public void resetRunningStats() {
        if (runningMean != null) {
            runningMean.fill(0f);
            runningVar.fill(1f);
            numBatchesTracked.fill(0f);
        }
    }

    // =============================================================== forward / backward

    @Override
    protected Tensor doForward(Tensor x) {
        checkInput(x);
        int n = x.dim(0);
        int s = x.numel() / Math.max(1, n * numFeatures);
        usedBatchStats = isTraining() || runningMean == null;
        if (usedBatchStats && (long) n * s <= 1) {
            throw new IllegalArgumentException(describe() + ": expected more than 1 value per channel when training, "
                    + "got input size " + Arrays.toString(x.shape()) + "; use a batch of at least 2 samples, "
                    + "or call eval() to normalise with the running statistics");
        }
        float[] in = x.data();
        double[] mean = new double[numFeatures];
        double[] var = new double[numFeatures];
        if (usedBatchStats) {
            batchStatistics(in, n, s, mean, var);
            if (isTraining() && runningMean != null) {
                updateRunningStats(mean, var, (long) n * s);
            }
        } else {
            for (int c = 0; c < numFeatures; c++) {
                mean[c] = runningMean.data()[c];
                var[c] = runningVar.data()[c];
            }
        }
        invStd = new double[numFeatures];
        for (int c = 0; c < numFeatures; c++) {
            invStd[c] = 1 / Math.sqrt(var[c] + eps);
        }
        xhat = new float[in.length];
        Tensor y = Tensor.zerosLike(x);
        float[] out = y.data();
        forEachChannelRun(n, s, (c, base) -> {
            for (int k = base; k < base + s; k++) {
                double h = (in[k] - mean[c]) * invStd[c];
                xhat[k] = (float) h;
                out[k] = (float) (h * gamma(c) + beta(c));
            }
        });
        cachedN = n;
        cachedS = s;
        return y;
    }

    /** Per-channel mean and biased variance (divided by {@code m = N*S}), two passes in double. */
    private void batchStatistics(float[] in, int n, int s, double[] mean, double[] var) {
        double m = (double) n * s;
        forEachChannelRun(n, s, (c, base) -> {
            for (int k = base; k < base + s; k++) {
                mean[c] += in[k];
            }
        });
        for (int c = 0; c < numFeatures; c++) {
            mean[c] /= m;
        }
        forEachChannelRun(n, s, (c, base) -> {
            for (int k = base; k < base + s; k++) {
                double d = in[k] - mean[c];
                var[c] += d * d;
            }
        });
        for (int c = 0; c < numFeatures; c++) {
            var[c] /= m;
        }
    }

    /** {@code running = (1 - momentum) * running + momentum * batch}, with the unbiased variance {@code var * m/(m-1)}. */
    private void updateRunningStats(double[] mean, double[] biasedVar, long m) {
        float[] rm = runningMean.data();
        float[] rv = runningVar.data();
        for (int c = 0; c < numFeatures; c++) {
            double unbiased = biasedVar[c] * m / (m - 1);
            rm[c] = (float) ((1 - momentum) * rm[c] + momentum * mean[c]);
            rv[c] = (float) ((1 - momentum) * rv[c] + momentum * unbiased);
        }
        numBatchesTracked.fill(numBatchesTracked.item() + 1);
    }

    /**
     * With batch statistics ({@code m = N*S} values per channel, sums over them):
     * {@code dx = gamma * invStd / m * (m * dy - sum(dy) - xhat * sum(dy * xhat))}; with running statistics
     * (evaluation) they are constants and {@code dx = gamma * invStd * dy}. In both cases
     * {@code dgamma += sum(dy * xhat)} and {@code dbeta += sum(dy)}.
     */
    @Override
    protected Tensor doBackward(Tensor gradOut) {
        float[] dy = gradOut.data();
        double[] sumDy = new double[numFeatures];
        double[] sumDyXhat = new double[numFeatures];
        forEachChannelRun(cachedN, cachedS, (c, base) -> {
            for (int k = base; k < base + cachedS; k++) {
                sumDy[c] += dy[k];
                sumDyXhat[c] += (double) dy[k] * xhat[k];
            }
        });
        if (weight != null && weight.requiresGrad()) {
            float[] dw = weight.gradBuffer().data();
            for (int c = 0; c < numFeatures; c++) {
                dw[c] += (float) sumDyXhat[c];
            }
        }
        if (bias != null && bias.requiresGrad()) {
            float[] db = bias.gradBuffer().data();
            for (int c = 0; c < numFeatures; c++) {
                db[c] += (float) sumDy[c];
            }
        }
        Tensor dx = Tensor.zerosLike(gradOut);
        float[] out = dx.data();
        double m = (double) cachedN * cachedS;
        forEachChannelRun(cachedN, cachedS, (c, base) -> {
            double scale = gamma(c) * invStd[c];
            for (int k = base; k < base + cachedS; k++) {
                out[k] = (float) (usedBatchStats
                        ? scale / m * (m * dy[k] - sumDy[c] - xhat[k] * sumDyXhat[c])
                        : scale * dy[k]);
            }
        });
        return dx;
    }

    private interface ChannelRun {
        void accept(int channel, int base);
    }

    /** Calls {@code run} for every (sample, channel) pair of an {@code [n, C, s]} layout with the start of its s values. */
    private void forEachChannelRun(int n, int s, ChannelRun run) {
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < numFeatures; c++) {
                run.accept(c, (i * numFeatures + c) * s);
            }
        }
    }

    private double gamma(int c) {
        return weight == null ? 1 : weight.value().data()[c];
    }

    private double beta(int c) {
        return bias == null ? 0 : bias.value().data()[c];
    }

    @Override
    protected String extraRepr() {
        return numFeatures + ", eps=" + PythonRepr.ofFloat(eps) + ", momentum=" + PythonRepr.ofFloat(momentum) + ", affine="
                + (weight != null) + ", track_running_stats=" + (runningMean != null);
    }
}
