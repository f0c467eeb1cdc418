package nnlab.tensor;

import nnlab.backend.Backend;
import nnlab.backend.Backends;

/**
 * Matrix products of 2-D tensors through {@link Backend#gemm}, behind {@link Tensor#matmul} and
 * {@link Tensor#matmulInto}. Its job is the shape checking and the error messages; the arithmetic is the backend's.
 */
final class MatMul {

    private MatMul() {
    }

    /** {@code op(a) * op(b)} as a new {@code [m, n]} tensor. */
    static Tensor matmul(Tensor a, Tensor b, boolean transA, boolean transB) {
        int[] mnk = dims("matmul", a, b, transA, transB);
        Tensor out = new Tensor(new float[Shape.validate("matmul", new int[] {mnk[0], mnk[1]})], new int[] {mnk[0], mnk[1]});
        gemm(out, a, b, transA, transB, 1f, 0f, mnk);
        return out;
    }

    /** {@code out = alpha * op(a) * op(b) + beta * out}. */
    static void matmulInto(Tensor out, Tensor a, Tensor b, boolean transA, boolean transB, float alpha, float beta) {
        int[] mnk = dims("matmulInto", a, b, transA, transB);
        if (out == null) {
            throw new IllegalArgumentException("matmulInto: out is null; allocate it, e.g. Tensor.zeros(" + mnk[0] + ", " + mnk[1] + ")");
        }
        if (out.shape.length != 2 || out.shape[0] != mnk[0] || out.shape[1] != mnk[1]) {
            throw new IllegalArgumentException("matmulInto: " + describe(a, b, transA, transB) + " gives [" + mnk[0] + ", "
                    + mnk[1] + "], but out has shape " + Shape.format(out.shape) + "; pass an out of shape ["
                    + mnk[0] + ", " + mnk[1] + "]");
        }
        if ((out.data == a.data || out.data == b.data) && out.data.length > 0) {
            throw new IllegalArgumentException("matmulInto: out shares its data with an operand, but gemm reads the "
                    + "operands while it writes out; pass a separate out tensor (e.g. a.matmul(b), then copy)");
        }
        gemm(out, a, b, transA, transB, alpha, beta, mnk);
    }

    private static void gemm(Tensor out, Tensor a, Tensor b, boolean transA, boolean transB, float alpha, float beta, int[] mnk) {
        // Leading dimensions are the stored row lengths; BLAS wants at least 1 even for an empty matrix.
        Backends.current().gemm(transA, transB, mnk[0], mnk[1], mnk[2],
                alpha, a.data, 0, Math.max(1, a.shape[1]),
                b.data, 0, Math.max(1, b.shape[1]),
                beta, out.data, 0, Math.max(1, mnk[1]));
    }

    /** Checks both operands and returns {@code {m, n, k}}. */
    private static int[] dims(String op, Tensor a, Tensor b, boolean transA, boolean transB) {
        if (a == null || b == null) {
            throw new IllegalArgumentException(op + ": an operand is null; pass two 2-D tensors");
        }
        if (a.shape.length != 2 || b.shape.length != 2) {
            throw new IllegalArgumentException(op + ": expects 2-D tensors [m, k] x [k, n], got " + describe(a, b, transA, transB)
                    + "; flatten(1) a batch of images to [N, features], or reshape(1, D) / reshape(D, 1) a vector");
        }
        int m = transA ? a.shape[1] : a.shape[0];
        int k = transA ? a.shape[0] : a.shape[1];
        int kb = transB ? b.shape[1] : b.shape[0];
        int n = transB ? b.shape[0] : b.shape[1];
        if (k != kb) {
            throw new IllegalArgumentException(op + ": " + describe(a, b, transA, transB) + ": inner dimensions " + k + " and "
                    + kb + " differ; " + suggestion(op, a, b, transA, transB));
        }
        return new int[] {m, n, k};
    }

    /** {@code [128, 784] x [10, 784]^T}: the shapes as stored, with {@code ^T} on a transposed operand. */
    private static String describe(Tensor a, Tensor b, boolean transA, boolean transB) {
        return Shape.format(a.shape) + (transA ? "^T" : "") + " x " + Shape.format(b.shape) + (transB ? "^T" : "");
    }

    /** Names a flip of the transpose flags that would make the inner dimensions agree, if there is one. */
    private static String suggestion(String op, Tensor a, Tensor b, boolean transA, boolean transB) {
        String nameA = op.equals("matmul") ? "transposeThis" : "transA";
        String nameB = op.equals("matmul") ? "transposeOther" : "transB";
        boolean[][] flips = {{false, true}, {true, false}, {true, true}};
        for (boolean[] flip : flips) {
            boolean ta = transA ^ flip[0];
            boolean tb = transB ^ flip[1];
            if ((ta ? a.shape[0] : a.shape[1]) == (tb ? b.shape[1] : b.shape[0])) {
                String s = "did you mean ";
                if (flip[0]) {
                    s += nameA + "=" + ta;
                }
                if (flip[0] && flip[1]) {
                    s += ", ";
                }
                if (flip[1]) {
                    s += nameB + "=" + tb;
                }
                return s + "?";
            }
        }
        return "the column count of the left operand must equal the row count of the right one";
    }
}
