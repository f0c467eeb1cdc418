package nnlab.tensor;

import java.util.Arrays;

import nnlab.backend.Backend;
import nnlab.backend.Backends;

/**
 * Element-wise arithmetic with nnlab's broadcasting rules, behind {@link Tensor#add}, {@link Tensor#mulInPlace}
 * and friends. Operations that a {@link Backend} provides (add, mul, axpy, scale, bias broadcast, relu) go
 * through {@link nnlab.backend.Backends#current()}, so a faster backend speeds them up; the rest are plain loops.
 *
 * <p>Broadcasting, a small subset of PyTorch's: two shapes combine when they are
 * <ol>
 *   <li>equal, or</li>
 *   <li>one is a row vector {@code [D]} or {@code [1, D]} and the other has at least 2 dimensions and last
 *       dimension {@code D}: the row is applied to every row (the bias case, {@code [N, D] + [D]}).</li>
 * </ol>
 * Everything else is rejected with a message that names both shapes. For a one-element tensor use the
 * scalar overloads ({@code t.add(s.item())}).
 */
final class TensorOps {

    /** A function {@code (float, float) -> float}; internal, to avoid boxing. */
    @FunctionalInterface
    interface FloatBinaryOperator {
        float apply(float a, float b);
    }

    /** How the shapes of {@code a} and {@code b} combine; see the class comment. */
    enum Broadcast {
        /** Equal shapes. */
        SAME,
        /** {@code a} is {@code [..., D]}, {@code b} is the row {@code [D]} or {@code [1, D]}. */
        ROW_RIGHT,
        /** {@code a} is the row, {@code b} is {@code [..., D]}. */
        ROW_LEFT
    }

    private TensorOps() {
    }

    static Broadcast broadcast(String op, Tensor a, Tensor b) {
        if (Arrays.equals(a.shape, b.shape)) {
            return Broadcast.SAME;
        }
        if (isRowFor(b.shape, a.shape)) {
            return Broadcast.ROW_RIGHT;
        }
        if (isRowFor(a.shape, b.shape)) {
            return Broadcast.ROW_LEFT;
        }
        throw new IllegalArgumentException(op + ": shapes " + Shape.format(a.shape) + " and " + Shape.format(b.shape)
                + " do not broadcast; " + broadcastHint(op, a, b));
    }

    private static boolean isRowFor(int[] row, int[] matrix) {
        if (matrix.length < 2) {
            return false;
        }
        int d = matrix[matrix.length - 1];
        return (row.length == 1 && row[0] == d) || (row.length == 2 && row[0] == 1 && row[1] == d);
    }

    private static String broadcastHint(String op, Tensor a, Tensor b) {
        int[] big = a.shape.length >= 2 ? a.shape : b.shape.length >= 2 ? b.shape : null;
        String hint;
        if (big == null) {
            hint = "element-wise ops need equal shapes, or a row [D] / [1, D] with an [N, D] tensor";
        } else {
            int d = big[big.length - 1];
            String rows = big.length == 2 ? "[N, " + d + "]" : "[..., " + d + "]";
            hint = "a bias row for " + rows + " must be [" + d + "] or [1, " + d + "]";
        }
        if (a.numel() == b.numel()) {
            hint += "; both have " + a.numel() + " elements, so reshape(...) one to the other's shape if that is what you mean";
        } else if (a.numel() == 1 || b.numel() == 1) {
            String name = op.endsWith("InPlace") ? op.substring(0, op.length() - "InPlace".length()) : op;
            hint += "; for a one-element tensor t use " + name + "(t.item())";
        }
        return hint;
    }

    /** Rows of the row broadcast: all elements of {@code matrix} divided into rows of its last dimension. */
    private static int rows(int[] matrix) {
        return Shape.product(matrix, 0, matrix.length - 1);
    }

    // ---------------------------------------------------------------- out of place

    static Tensor add(Tensor a, Tensor b) {
        Broadcast kind = broadcast("add", a, b);
        Backend be = Backends.current();
        switch (kind) {
            case SAME: {
                Tensor out = new Tensor(new float[a.data.length], a.shape.clone());
                be.add(a.data.length, a.data, b.data, out.data);
                return out;
            }
            case ROW_RIGHT: {
                Tensor out = a.copy();
                be.addRowVector(rows(a.shape), b.data.length, b.data, out.data);
                return out;
            }
            default: {
                Tensor out = b.copy();
                be.addRowVector(rows(b.shape), a.data.length, a.data, out.data);
                return out;
            }
        }
    }

    static Tensor sub(Tensor a, Tensor b) {
        Broadcast kind = broadcast("sub", a, b);
        if (kind == Broadcast.SAME) {
            Tensor out = a.copy();
            Backends.current().axpy(a.data.length, -1f, b.data, out.data); // a + (-1) * b == a - b exactly
            return out;
        }
        return apply(a, b, kind, (x, y) -> x - y);
    }

    static Tensor mul(Tensor a, Tensor b) {
        Broadcast kind = broadcast("mul", a, b);
        if (kind == Broadcast.SAME) {
            Tensor out = new Tensor(new float[a.data.length], a.shape.clone());
            Backends.current().mul(a.data.length, a.data, b.data, out.data);
            return out;
        }
        return apply(a, b, kind, (x, y) -> x * y);
    }

    static Tensor div(Tensor a, Tensor b) {
        return apply(a, b, broadcast("div", a, b), (x, y) -> x / y);
    }

    /** {@code out = f(a, b)} element by element, broadcasting as {@code kind} says; {@code out} is new. */
    private static Tensor apply(Tensor a, Tensor b, Broadcast kind, FloatBinaryOperator f) {
        int[] shape = kind == Broadcast.ROW_LEFT ? b.shape : a.shape;
        Tensor out = new Tensor(new float[Shape.product(shape, 0, shape.length)], shape.clone());
        applyInto(a, b, kind, f, out.data);
        return out;
    }

    /** Writes {@code f(a, b)} into {@code out}, which may be {@code a.data} (each element is read before it is written). */
    private static void applyInto(Tensor a, Tensor b, Broadcast kind, FloatBinaryOperator f, float[] out) {
        if (kind == Broadcast.SAME) {
            for (int i = 0; i < out.length; i++) {
                out[i] = f.apply(a.data[i], b.data[i]);
            }
            return;
        }
        boolean rowOnRight = kind == Broadcast.ROW_RIGHT;
        float[] row = rowOnRight ? b.data : a.data;
        float[] matrix = rowOnRight ? a.data : b.data;
        int cols = row.length;
        for (int i = 0; i < out.length; i++) {
            float r = row[i % cols];
            out[i] = rowOnRight ? f.apply(matrix[i], r) : f.apply(r, matrix[i]);
        }
    }

    // ---------------------------------------------------------------- in place (result keeps a's shape)

    static void addInPlace(Tensor a, Tensor b) {
        Broadcast kind = inPlaceBroadcast("addInPlace", a, b);
        if (kind == Broadcast.SAME) {
            Backends.current().add(a.data.length, a.data, b.data, a.data);
        } else {
            Backends.current().addRowVector(rows(a.shape), b.data.length, b.data, a.data);
        }
    }

    static void subInPlace(Tensor a, Tensor b) {
        Broadcast kind = inPlaceBroadcast("subInPlace", a, b);
        if (kind == Broadcast.SAME) {
            Backends.current().axpy(a.data.length, -1f, b.data, a.data);
        } else {
            applyInto(a, b, kind, (x, y) -> x - y, a.data);
        }
    }

    static void mulInPlace(Tensor a, Tensor b) {
        Broadcast kind = inPlaceBroadcast("mulInPlace", a, b);
        if (kind == Broadcast.SAME) {
            Backends.current().mul(a.data.length, a.data, b.data, a.data);
        } else {
            applyInto(a, b, kind, (x, y) -> x * y, a.data);
        }
    }

    static void divInPlace(Tensor a, Tensor b) {
        applyInto(a, b, inPlaceBroadcast("divInPlace", a, b), (x, y) -> x / y, a.data);
    }

    private static Broadcast inPlaceBroadcast(String op, Tensor a, Tensor b) {
        Broadcast kind = broadcast(op, a, b);
        if (kind == Broadcast.ROW_LEFT) {
            String outOfPlace = op.substring(0, op.length() - "InPlace".length());
            throw new IllegalArgumentException(op + ": the result would have shape " + Shape.format(b.shape)
                    + ", but this tensor has shape " + Shape.format(a.shape) + " and an in-place op cannot change it; use "
                    + outOfPlace + "(...) to get a new tensor");
        }
        return kind;
    }

    static void addScaledInPlace(Tensor a, float alpha, Tensor b) {
        if (!Arrays.equals(a.shape, b.shape)) {
            throw new IllegalArgumentException("addScaledInPlace: shapes " + Shape.format(a.shape) + " and "
                    + Shape.format(b.shape) + " differ; this += alpha * other needs equal shapes (e.g. a parameter and its gradient)");
        }
        Backends.current().axpy(a.data.length, alpha, b.data, a.data);
    }

    // ---------------------------------------------------------------- with a scalar, unary

    static Tensor map(Tensor a, FloatUnaryOperator f) {
        float[] out = new float[a.data.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = f.apply(a.data[i]);
        }
        return new Tensor(out, a.shape.clone());
    }

    static Tensor scale(Tensor a, float alpha) {
        Tensor out = new Tensor(new float[a.data.length], a.shape.clone());
        Backends.current().scale(a.data.length, alpha, a.data, out.data);
        return out;
    }

    static Tensor relu(Tensor a) {
        Tensor out = new Tensor(new float[a.data.length], a.shape.clone());
        Backends.current().relu(a.data.length, a.data, out.data);
        return out;
    }

    /** Logistic sigmoid in the form that never overflows: {@code exp} is only taken of {@code -|x|}. */
    static float sigmoid(float x) {
        if (x >= 0f) {
            return (float) (1.0 / (1.0 + Math.exp(-x)));
        }
        double e = Math.exp(x);
        return (float) (e / (1.0 + e));
    }

    // ---------------------------------------------------------------- comparisons

    static boolean allClose(Tensor a, Tensor b, double rtol, double atol) {
        requireSameShape("allClose", a, b);
        if (!(rtol >= 0) || !(atol >= 0)) {
            throw new IllegalArgumentException("allClose: rtol and atol must be >= 0 (and not NaN), got rtol=" + rtol
                    + ", atol=" + atol + "; typical values are rtol=1e-5, atol=1e-8");
        }
        for (int i = 0; i < a.data.length; i++) {
            if (!isClose(a.data[i], b.data[i], rtol, atol)) {
                return false;
            }
        }
        return true;
    }

    /** PyTorch's {@code isclose}: equal (including equal infinities), or a finite error within {@code atol + rtol*|b|}. */
    static boolean isClose(float a, float b, double rtol, double atol) {
        if (a == b) {
            return true;
        }
        double error = Math.abs((double) a - (double) b);
        return Double.isFinite(error) && error <= atol + rtol * Math.abs((double) b);
    }

    static double maxAbsDiff(Tensor a, Tensor b) {
        requireSameShape("maxAbsDiff", a, b);
        double max = 0;
        for (int i = 0; i < a.data.length; i++) {
            float x = a.data[i];
            float y = b.data[i];
            double d = x == y ? 0.0 : Math.abs((double) x - (double) y); // equal infinities differ by 0, not NaN
            if (!(d <= max)) { // also takes NaN, which then stays
                max = d;
                if (Double.isNaN(d)) {
                    return d;
                }
            }
        }
        return max;
    }

    static void requireSameShape(String op, Tensor a, Tensor b) {
        if (!Arrays.equals(a.shape, b.shape)) {
            throw new IllegalArgumentException(op + ": shapes " + Shape.format(a.shape) + " and " + Shape.format(b.shape)
                    + " differ; compare tensors of the same shape (reshape one if only the layout differs)");
        }
    }
}
