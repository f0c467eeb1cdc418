package nnlab.train;

import nnlab.tensor.Tensor;

/**
 * Counts of (true class, predicted class) pairs: {@code count(t, p)} is the number of examples of class {@code t}
 * predicted as {@code p}; the diagonal holds the correct ones. Gives accuracy and, per class,
 * <pre>
 *   precision_c = TP / (TP + FP) = count(c, c) / Σ_t count(t, c)     (of those predicted c, how many are c)
 *   recall_c    = TP / (TP + FN) = count(c, c) / Σ_p count(c, p)     (of those that are c, how many were found)
 *   F1_c        = 2 precision recall / (precision + recall)
 * </pre>
 * A ratio whose denominator is 0 is 0, as scikit-learn's {@code zero_division=0}.
 */
public final class ConfusionMatrix {

    private final int classes;
    private final long[][] counts;

    /** An empty matrix for {@code classes} classes. */
    public ConfusionMatrix(int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("a confusion matrix needs at least 1 class, got " + classes);
        }
        this.classes = classes;
        this.counts = new long[classes][classes];
    }

    /** The matrix of scores {@code [N, C]} (argmax is the prediction) against targets {@code [N]}. */
    public static ConfusionMatrix of(Tensor scores, Tensor targets) {
        ConfusionMatrix m = new ConfusionMatrix(scores.dim(1));
        m.add(scores, targets);
        return m;
    }

    /** Adds a batch (for evaluation batch by batch); returns this. */
    public ConfusionMatrix add(Tensor scores, Tensor targets) {
        if (scores.ndim() != 2 || scores.dim(1) != classes) {
            throw new IllegalArgumentException("expected scores [N, " + classes + "], got "
                    + java.util.Arrays.toString(scores.shape()));
        }
        int[] labels = Metrics.labels(scores, targets);
        int[] predicted = scores.argmax(1);
        for (int i = 0; i < labels.length; i++) {
            counts[labels[i]][predicted[i]]++;
        }
        return this;
    }

    /** Number of classes. */
    public int classes() {
        return classes;
    }

    /** Examples of class {@code trueClass} predicted as {@code predictedClass}. */
    public long count(int trueClass, int predictedClass) {
        return counts[trueClass][predictedClass];
    }

    /** All examples counted. */
    public long total() {
        long n = 0;
        for (long[] row : counts) {
            for (long v : row) {
                n += v;
            }
        }
        return n;
    }

    /** Correct fraction: trace / total (NaN when empty). */
    public double accuracy() {
        long diag = 0;
        for (int c = 0; c < classes; c++) {
            diag += counts[c][c];
        }
        return (double) diag / total();
    }

    /** Precision of class {@code c}. */
    public double precision(int c) {
        long predicted = 0;
        for (int t = 0; t < classes; t++) {
            predicted += counts[t][c];
        }
        return ratio(counts[c][c], predicted);
    }

    /** Recall of class {@code c}. */
    public double recall(int c) {
        long actual = 0;
        for (int p = 0; p < classes; p++) {
            actual += counts[c][p];
        }
        return ratio(counts[c][c], actual);
    }

    /** F1 score of class {@code c}, the harmonic mean of precision and recall. */
    public double f1(int c) {
        double p = precision(c);
        double r = recall(c);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** The counts as a {@code [C, C]} tensor (rows: true class, columns: predicted class), e.g. for a heat map. */
    public Tensor toTensor() {
        Tensor t = Tensor.zeros(classes, classes);
        for (int i = 0; i < classes; i++) {
            for (int j = 0; j < classes; j++) {
                t.set(counts[i][j], i, j);
            }
        }
        return t;
    }

    /** A text table with per-class precision, recall and F1, then the overall accuracy. */
    public String report(String[] classNames) {
        StringBuilder sb = new StringBuilder(String.format("%-14s %9s %9s %9s %8s%n", "class", "precision", "recall", "f1", "support"));
        for (int c = 0; c < classes; c++) {
            long support = 0;
            for (int p = 0; p < classes; p++) {
                support += counts[c][p];
            }
            String name = classNames != null && c < classNames.length ? classNames[c] : Integer.toString(c);
            sb.append(String.format("%-14s %9.4f %9.4f %9.4f %8d%n", name, precision(c), recall(c), f1(c), support));
        }
        return sb.append(String.format("accuracy %.4f on %d examples%n", accuracy(), total())).toString();
    }

    private static double ratio(long num, long den) {
        return den == 0 ? 0 : (double) num / den;
    }
}
