package nnlab.viz;

import java.awt.Color;
import nnlab.tensor.Tensor;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler;

/**
 * A bar chart of a model's class probabilities for one example: one bar per class, height {@code p_c} in
 * {@code [0, 1]}, the most probable class (the prediction) in orange, the others in blue. Takes probabilities,
 * i.e. {@code softmax(logits)}, not raw scores.
 *
 * <p>Default size 600 x 360 pixels.
 */
public final class ProbabilityBars extends XChartFigure<CategoryChart> {

    /** How far the probabilities may sum from 1 before they are taken for logits. */
    static final double SUM_TOLERANCE = 1e-3;

    private ProbabilityBars(CategoryChart chart) {
        super(chart);
    }

    /** Bars of {@code probabilities [C]} with classes named {@code 0, 1, ...}. */
    public static ProbabilityBars of(Tensor probabilities) {
        return of(probabilities, null);
    }

    /**
     * Bars of {@code probabilities}.
     *
     * @param probabilities {@code [C]} or {@code [1, C]}, non-negative, summing to 1 (within 1e-3)
     * @param classNames    one name per class, or {@code null} for {@code 0, 1, ...}
     * @throws IllegalArgumentException if the shape is not {@code [C]} / {@code [1, C]}, a value is negative or
     *                                  not finite, or the values do not sum to 1 (e.g. logits: apply softmax first)
     */
    public static ProbabilityBars of(Tensor probabilities, String[] classNames) {
        FigureFiles.ensureHeadless();
        if (probabilities == null || probabilities.numel() == 0
                || !(probabilities.ndim() == 1 || (probabilities.ndim() == 2 && probabilities.dim(0) == 1))) {
            throw new IllegalArgumentException("expected probabilities [C] or [1, C] of one example, got "
                    + (probabilities == null ? "null" : Labels.shape(probabilities))
                    + "; for a batch, plot one row: probs.slice(i, i + 1)");
        }
        float[] p = probabilities.toArray();
        double sum = 0;
        for (float v : p) {
            if (!(v >= 0) || Float.isInfinite(v)) {
                throw new IllegalArgumentException("probabilities must be finite and >= 0, got " + v
                        + "; if these are logits, apply softmax first");
            }
            sum += v;
        }
        if (Math.abs(sum - 1) > SUM_TOLERANCE) {
            throw new IllegalArgumentException("probabilities must sum to 1, got sum " + sum
                    + "; if these are logits or scores, apply softmax first");
        }
        String[] names = Labels.classNames(classNames, p.length);
        int predicted = probabilities.argmax();
        double[] top = new double[p.length];
        double[] rest = new double[p.length];
        for (int c = 0; c < p.length; c++) {
            (c == predicted ? top : rest)[c] = p[c];
        }
        CategoryChart chart = new CategoryChartBuilder().width(Math.max(600, 40 + 50 * p.length)).height(360)
                .title("Class probabilities (prediction: " + names[predicted] + ")")
                .xAxisTitle("class").yAxisTitle("probability").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesColor(Palette.GRID);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setStacked(true);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        java.util.List<String> xs = java.util.Arrays.asList(names);
        CategorySeries others = chart.addSeries("others", xs, box(rest));
        others.setFillColor(Palette.classColor(0));
        CategorySeries prediction = chart.addSeries("prediction", xs, box(top));
        prediction.setFillColor(Palette.classColor(1));
        return new ProbabilityBars(chart);
    }


    private static java.util.List<Double> box(double[] v) {
        java.util.List<Double> out = new java.util.ArrayList<>(v.length);
        for (double x : v) {
            out.add(x);
        }
        return out;
    }
}
