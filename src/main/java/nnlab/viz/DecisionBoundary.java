package nnlab.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.util.Locale;
import java.util.function.Function;
import nnlab.data.Batch;
import nnlab.data.Dataset;
import nnlab.nn.Module;
import nnlab.tensor.Tensor;

/**
 * The decision regions of a classifier on 2-D points (the TensorFlow Playground picture): the plane around the data
 * is sampled on a {@code resolution x resolution} grid, the model is evaluated there in eval mode, and each grid
 * cell is coloured by its predicted class, paler where the model is less sure; the data points are drawn on top in
 * their label's colour with a dark outline.
 *
 * <p>Model outputs: {@code [M, C]} class scores ({@code C >= 2}: softmax, colour of the argmax, strength
 * {@code (p_max - 1/C) / (1 - 1/C)}) or {@code [M, 1]} binary logits (sigmoid {@code p}, class 1 when
 * {@code p > 0.5}, strength {@code |2p - 1|}). The plotted range is the data's range plus 10% on each side. The
 * model's train/eval mode is restored afterwards. Default size 560 x 560 pixels.
 */
public final class DecisionBoundary implements Figure {

    private static final int SIZE = 560;
    private static final int LEFT = 56;
    private static final int TOP = 32;
    private static final int MARGIN = 16;
    private static final int BOTTOM = 44;
    private static final int CHUNK = 4096;

    private final BufferedImage regions;
    private final float[] xs;
    private final float[] ys;
    private final int[] labels;
    private final double x0;
    private final double x1;
    private final double y0;
    private final double y1;

    private DecisionBoundary(BufferedImage regions, float[] xs, float[] ys, int[] labels, double[] range) {
        this.regions = regions;
        this.xs = xs;
        this.ys = ys;
        this.labels = labels;
        this.x0 = range[0];
        this.x1 = range[1];
        this.y0 = range[2];
        this.y1 = range[3];
    }

    /** The regions of {@code model}, which takes the points {@code [M, 2]} themselves as input. */
    public static DecisionBoundary of(Module model, Dataset points, int resolution) {
        return of(model, points, resolution, Function.identity());
    }

    /**
     * The regions of {@code model} over the points of {@code points}.
     *
     * @param model      a classifier; gets {@code features.apply(grid [M, 2])} and returns {@code [M, C]} or
     *                   {@code [M, 1]}
     * @param points     inputs {@code [N, 2]} and class labels {@code [N]} (or {@code [N, 1]} 0/1 targets)
     * @param resolution grid cells per side, 2 to 1000 (e.g. 200)
     * @param features   maps points {@code [M, 2]} to the model's input, e.g. {@code (x, y, x², y², xy)} in the
     *                   playground lab; {@code Function.identity()} when the model takes the points
     * @throws IllegalArgumentException if the points are not {@code [N, 2]}, {@code resolution} is out of range or
     *                                  the model's output is not {@code [M, C]}
     */
    public static DecisionBoundary of(Module model, Dataset points, int resolution, Function<Tensor, Tensor> features) {
        FigureFiles.ensureHeadless();
        if (resolution < 2 || resolution > 1000) {
            throw new IllegalArgumentException("resolution must be 2..1000 grid cells per side, got " + resolution
                    + "; 200 is a good default");
        }
        if (points == null || points.size() == 0 || points.inputShape().length != 1 || points.inputShape()[0] != 2) {
            throw new IllegalArgumentException("expected a non-empty data set of 2-D points (inputs [N, 2]), got "
                    + (points == null ? "null" : points.size() + " examples of shape "
                    + java.util.Arrays.toString(points.inputShape()))
                    + "; map richer inputs to 2-D first, or pass the points and a feature function");
        }
        Batch all = points.all();
        int n = all.size();
        float[] p = all.inputs().toArray();
        float[] xs = new float[n];
        float[] ys = new float[n];
        for (int i = 0; i < n; i++) {
            xs[i] = p[2 * i];
            ys[i] = p[2 * i + 1];
        }
        int[] labels = Labels.fromTargets(all.targets(), n);
        double[] range = range(xs, ys);
        boolean wasTraining = model.isTraining();
        model.eval();
        try {
            return new DecisionBoundary(regions(model, features, resolution, range), xs, ys, labels, range);
        } finally {
            model.train(wasTraining);
        }
    }

    private static BufferedImage regions(Module model, Function<Tensor, Tensor> features, int res, double[] r) {
        BufferedImage img = new BufferedImage(res, res, BufferedImage.TYPE_INT_RGB);
        int total = res * res;
        for (int start = 0; start < total; start += CHUNK) {
            int m = Math.min(CHUNK, total - start);
            float[] grid = new float[2 * m];
            for (int k = 0; k < m; k++) {
                int col = (start + k) % res;
                int row = (start + k) / res; // row 0 is the top of the picture: the largest y
                grid[2 * k] = (float) (r[0] + (col + 0.5) * (r[1] - r[0]) / res);
                grid[2 * k + 1] = (float) (r[3] - (row + 0.5) * (r[3] - r[2]) / res);
            }
            Tensor out = model.forward(features.apply(Tensor.of(grid, m, 2)));
            if (out.ndim() != 2 || out.dim(0) != m) {
                throw new IllegalArgumentException("expected the model to output scores [M, C] or logits [M, 1] for "
                        + "input points [M, 2], got " + Labels.shape(out) + " for M = " + m);
            }
            int c = out.dim(1);
            float[] o = out.toArray();
            for (int k = 0; k < m; k++) {
                int cls;
                double strength;
                if (c == 1) {
                    double prob = 1 / (1 + Math.exp(-o[k]));
                    cls = prob > 0.5 ? 1 : 0;
                    strength = Math.abs(2 * prob - 1);
                } else {
                    cls = 0;
                    for (int j = 1; j < c; j++) {
                        cls = o[k * c + j] > o[k * c + cls] ? j : cls;
                    }
                    double sum = 0;
                    for (int j = 0; j < c; j++) {
                        sum += Math.exp(o[k * c + j] - o[k * c + cls]);
                    }
                    strength = (1 / sum - 1.0 / c) / (1 - 1.0 / c);
                }
                Color tint = Palette.tint(Palette.classColor(cls), 0.15 + 0.45 * strength);
                img.setRGB((start + k) % res, (start + k) / res, tint.getRGB());
            }
        }
        return img;
    }

    private static double[] range(float[] xs, float[] ys) {
        double[] r = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int i = 0; i < xs.length; i++) {
            r[0] = Math.min(r[0], xs[i]);
            r[1] = Math.max(r[1], xs[i]);
            r[2] = Math.min(r[2], ys[i]);
            r[3] = Math.max(r[3], ys[i]);
        }
        for (int a = 0; a < 4; a += 2) {
            double pad = r[a + 1] > r[a] ? 0.1 * (r[a + 1] - r[a]) : 1;
            r[a] -= pad;
            r[a + 1] += pad;
        }
        return r;
    }

    /** The plotted range {@code [xMin, xMax, yMin, yMax]}: the data's range plus 10% on each side. */
    public double[] range() {
        return new double[] {x0, x1, y0, y1};
    }

    /** The predicted-class raster, {@code resolution x resolution}, top row at {@code yMax}. */
    public BufferedImage regions() {
        return regions;
    }

    @Override
    public int width() {
        return SIZE;
    }

    @Override
    public int height() {
        return SIZE;
    }

    @Override
    public void paint(Graphics2D g) {
        int w = SIZE - LEFT - MARGIN;
        int h = SIZE - TOP - BOTTOM;
        g.drawImage(regions, LEFT, TOP, w, h, null);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.setColor(Palette.TEXT);
        FontMetrics fm = g.getFontMetrics();
        g.drawString("Decision regions", (SIZE - fm.stringWidth("Decision regions")) / 2, TOP - 10);
        g.setStroke(new BasicStroke(1f));
        double radius = Math.max(2.5, Math.min(5, 200.0 / Math.sqrt(xs.length)));
        for (int i = 0; i < xs.length; i++) {
            double px = LEFT + (xs[i] - x0) / (x1 - x0) * w;
            double py = TOP + (y1 - ys[i]) / (y1 - y0) * h;
            Ellipse2D dot = new Ellipse2D.Double(px - radius, py - radius, 2 * radius, 2 * radius);
            g.setColor(Palette.classColor(labels[i]));
            g.fill(dot);
            g.setColor(Palette.TEXT);
            g.draw(dot);
        }
        g.setColor(Palette.TEXT);
        g.drawRect(LEFT, TOP, w, h);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        fm = g.getFontMetrics();
        for (int t = 0; t <= 4; t++) {
            String xl = String.format(Locale.ROOT, "%.2f", x0 + t * (x1 - x0) / 4);
            int px = LEFT + t * w / 4;
            g.drawLine(px, TOP + h, px, TOP + h + 4);
            g.drawString(xl, px - fm.stringWidth(xl) / 2, TOP + h + 17);
            String yl = String.format(Locale.ROOT, "%.2f", y1 - t * (y1 - y0) / 4);
            int py = TOP + t * h / 4;
            g.drawLine(LEFT - 4, py, LEFT, py);
            g.drawString(yl, LEFT - 7 - fm.stringWidth(yl), py + fm.getAscent() / 2 - 1);
        }
        g.drawString("x1", LEFT + w / 2, SIZE - 8);
        g.drawString("x2", 8, TOP + h / 2);
    }
}
