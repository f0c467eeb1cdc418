package nnlab.viz;

import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import nnlab.train.EpochRecord;
import nnlab.train.History;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Learning curves of a training run, two panels side by side: loss per epoch (left) and accuracy per epoch
 * (right), each with a "train" and a "test" line (Keras's {@code plot(history)}). A gap between train and test
 * that widens is the picture of overfitting.
 *
 * <p>Values that were not measured ({@code NaN}, e.g. no test set) are left out; a series with no value at all is
 * not drawn. Default size 1000 x 400 pixels.
 */
public final class TrainingCurves implements Figure {

    /** Default size of one panel in pixels. */
    public static final int PANEL_WIDTH = 500;
    /** Default height in pixels. */
    public static final int PANEL_HEIGHT = 400;

    private final XYChart loss;
    private final XYChart accuracy;

    private TrainingCurves(XYChart loss, XYChart accuracy) {
        this.loss = loss;
        this.accuracy = accuracy;
    }

    /**
     * Curves of {@code history}.
     *
     * @throws IllegalArgumentException if the history has no epoch (nothing to plot)
     */
    public static TrainingCurves of(History history) {
        FigureFiles.ensureHeadless();
        if (history == null || history.size() == 0) {
            throw new IllegalArgumentException("cannot plot training curves of an empty history; train for at least"
                    + " one epoch (Trainer.fit) or add EpochRecords first");
        }
        List<EpochRecord> epochs = history.epochs();
        XYChart loss = panel("Loss", "loss", Styler.LegendPosition.InsideNE);
        addSeries(loss, "train", epochs, EpochRecord::trainLoss);
        addSeries(loss, "test", epochs, EpochRecord::testLoss);
        XYChart accuracy = panel("Accuracy", "accuracy", Styler.LegendPosition.InsideSE);
        addSeries(accuracy, "train", epochs, EpochRecord::trainAccuracy);
        addSeries(accuracy, "test", epochs, EpochRecord::testAccuracy);
        if (!accuracy.getSeriesMap().isEmpty()) {
            accuracy.getStyler().setYAxisMax(1.0);
        }
        return new TrainingCurves(loss, accuracy);
    }

    /** The left panel (loss per epoch), for restyling. */
    public XYChart lossChart() {
        return loss;
    }

    /** The right panel (accuracy per epoch), for restyling. */
    public XYChart accuracyChart() {
        return accuracy;
    }

    @Override
    public int width() {
        return loss.getWidth() + accuracy.getWidth();
    }

    @Override
    public int height() {
        return Math.max(loss.getHeight(), accuracy.getHeight());
    }

    @Override
    public void paint(Graphics2D g) {
        Graphics2D left = (Graphics2D) g.create();
        loss.paint(left, loss.getWidth(), loss.getHeight());
        left.dispose();
        Graphics2D right = (Graphics2D) g.create();
        right.translate(loss.getWidth(), 0);
        accuracy.paint(right, accuracy.getWidth(), accuracy.getHeight());
        right.dispose();
    }

    /**
     * One panel; {@code legend} is the corner the curves usually leave free: top right for losses (they fall),
     * bottom right for accuracies (they rise).
     */
    private static XYChart panel(String title, String yTitle, Styler.LegendPosition legend) {
        XYChart chart = new XYChartBuilder().width(PANEL_WIDTH).height(PANEL_HEIGHT).title(title)
                .xAxisTitle("epoch").yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(legend);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setYAxisDecimalPattern("0.####");
        chart.getStyler().setPlotGridLinesColor(Palette.GRID);
        return chart;
    }

    private static void addSeries(XYChart chart, String name, List<EpochRecord> epochs,
                                  ToDoubleFunction<EpochRecord> value) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (EpochRecord e : epochs) {
            double v = value.applyAsDouble(e);
            if (Double.isFinite(v)) {
                xs.add((double) e.epoch());
                ys.add(v);
            }
        }
        if (!xs.isEmpty()) {
            XYSeries s = chart.addSeries(name, xs, ys);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setLineColor(Palette.classColor(chart.getSeriesMap().size() - 1));
            s.setMarkerColor(Palette.classColor(chart.getSeriesMap().size() - 1));
        }
    }
}
