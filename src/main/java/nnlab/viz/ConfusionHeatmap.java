package nnlab.viz;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import nnlab.train.ConfusionMatrix;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * A confusion matrix as a heat map (scikit-learn's {@code ConfusionMatrixDisplay}): one cell per (true class,
 * predicted class), coloured from white (0) to dark blue (the largest count), with the count written in the cell.
 * True classes run down the rows (first class at the top), predicted classes along the columns, so a good
 * classifier shows a dark diagonal and the off-diagonal cells name its mistakes.
 *
 * <p>Default size 600 x 560 pixels.
 */
public final class ConfusionHeatmap extends XChartFigure<HeatMapChart> {

    private ConfusionHeatmap(HeatMapChart chart) {
        super(chart);
    }

    /** The heat map of {@code matrix} with classes named {@code 0, 1, ...}. */
    public static ConfusionHeatmap of(ConfusionMatrix matrix) {
        return of(matrix, null);
    }

    /**
     * The heat map of {@code matrix}.
     *
     * @param classNames one name per class, or {@code null} for {@code 0, 1, ...}
     * @throws IllegalArgumentException if {@code classNames} does not have one name per class
     */
    public static ConfusionHeatmap of(ConfusionMatrix matrix, String[] classNames) {
        FigureFiles.ensureHeadless();
        if (matrix == null) {
            throw new IllegalArgumentException("confusion matrix is null; build one with ConfusionMatrix.of(scores, targets)");
        }
        int c = matrix.classes();
        String[] names = Labels.classNames(classNames, c);
        List<String> columns = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < c; i++) {
            columns.add(names[i]);
            rows.add(names[c - 1 - i]); // XChart's y axis grows upwards; list the first class last to put it on top
        }
        List<Number[]> cells = new ArrayList<>();
        long max = 0;
        for (int t = 0; t < c; t++) {
            for (int p = 0; p < c; p++) {
                long n = matrix.count(t, p);
                max = Math.max(max, n);
                cells.add(new Number[] {p, c - 1 - t, n});
            }
        }
        int size = Math.max(360, Math.min(900, 140 + 48 * c));
        HeatMapChart chart = new HeatMapChartBuilder().width(size + 40).height(size)
                .title("Confusion matrix (accuracy " + String.format(java.util.Locale.ROOT, "%.2f%%",
                        100 * (matrix.total() == 0 ? 0 : matrix.accuracy())) + ")")
                .xAxisTitle("predicted class").yAxisTitle("true class").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        // Light to mid blue, not to navy: XChart writes every count in one colour, and near-black digits must stay
        // readable on the darkest (diagonal) cells.
        chart.getStyler().setRangeColors(new Color[] {Color.WHITE, new Color(0x9ecae1), new Color(0x3182bd)});
        chart.getStyler().setMin(0);
        chart.getStyler().setMax(Math.max(1, max));
        chart.getStyler().setShowValue(true);
        chart.getStyler().setValueFont(new Font(Font.SANS_SERIF, Font.BOLD, c > 12 ? 9 : 12));
        chart.getStyler().setValueFontColor(new Color(0x111111));
        chart.getStyler().setHeatMapValueDecimalPattern("0");
        chart.getStyler().setDrawBorder(true);
        chart.addSeries("count", columns, rows, cells);
        return new ConfusionHeatmap(chart);
    }

}
