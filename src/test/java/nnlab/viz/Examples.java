package nnlab.viz;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import nnlab.data.TensorDataset;
import nnlab.nn.Module;
import nnlab.nn.layers.Linear;
import nnlab.tensor.Tensor;

/** Small, deterministic inputs for the plot tests: digit-like images, weight patterns, 2-D points. */
final class Examples {

    private Examples() {
    }

    /** {@code n} images {@code [n, 1, 28, 28]} of the digit {@code i % 10} drawn in white on black, values in [0, 1]. */
    static Tensor digits(int n) {
        float[] data = new float[n * 784];
        for (int i = 0; i < n; i++) {
            BufferedImage img = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D g = img.createGraphics();
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
            g.drawString(Integer.toString(i % 10), 7, 23);
            g.dispose();
            for (int p = 0; p < 784; p++) {
                data[i * 784 + p] = (img.getRaster().getSample(p % 28, p / 28, 0)) / 255f;
            }
        }
        return Tensor.of(data, n, 1, 28, 28);
    }

    /** {@code [10, 784]}: row k is the mean-free image of digit k, so a positive template on a negative ground. */
    static Tensor weights() {
        Tensor d = digits(10).reshape(10, 784);
        float[] w = d.toArray();
        for (int k = 0; k < 10; k++) {
            float mean = 0;
            for (int p = 0; p < 784; p++) {
                mean += w[k * 784 + p] / 784;
            }
            for (int p = 0; p < 784; p++) {
                w[k * 784 + p] = 0.1f * (w[k * 784 + p] - mean);
            }
        }
        return Tensor.of(w, 10, 784);
    }

    /** Linear(2, 2) that predicts class 0 where x1 &gt; 0 and class 1 where x1 &lt; 0 (scores {@code (x1, -x1)}). */
    static Module signOfX1() {
        Linear model = new Linear(2, 2);
        model.namedParameters().get("weight").value().copyFrom(Tensor.fromArray(new float[][] {{1, 0}, {-1, 0}}));
        model.namedParameters().get("bias").value().zeroFill();
        return model;
    }

    /** {@code n} points on a seeded square [-1, 1]^2 labelled 0 where x1 &gt; 0, else 1. */
    static TensorDataset halfPlanes(int n, long seed) {
        Tensor x = Tensor.uniform(Tensor.rng(seed), -1, 1, n, 2);
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            y[i] = x.get(i, 0) > 0 ? 0 : 1;
        }
        return new TensorDataset(x, Tensor.vector(y));
    }

    /** {@code n} seeded points in [-2, 2]^2 labelled 1 outside the unit circle, 0 inside; targets [n, 1]. */
    static TensorDataset ring(int n, long seed) {
        Tensor x = Tensor.uniform(Tensor.rng(seed), -2, 2, n, 2);
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            y[i] = x.get(i, 0) * x.get(i, 0) + x.get(i, 1) * x.get(i, 1) > 1 ? 1 : 0;
        }
        return new TensorDataset(x, Tensor.of(y, n, 1));
    }

    /** Features {@code [M, 1]}: {@code r^2 = x1^2 + x2^2} of points {@code [M, 2]}. */
    static Tensor squaredRadius(Tensor points) {
        int m = points.dim(0);
        float[] r = new float[m];
        for (int i = 0; i < m; i++) {
            r[i] = points.get(i, 0) * points.get(i, 0) + points.get(i, 1) * points.get(i, 1);
        }
        return Tensor.of(r, m, 1);
    }

    /** Linear(1, 1) with logit {@code r^2 - 1}: class 1 outside the unit circle. */
    static Module outsideUnitCircle() {
        Linear model = new Linear(1, 1);
        model.namedParameters().get("weight").value().fill(1);
        model.namedParameters().get("bias").value().fill(-1);
        return model;
    }
}
