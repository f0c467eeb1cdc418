package nnlab.viz;

import java.awt.Graphics2D;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * A {@link Figure} drawn by one XChart chart, which stays reachable through {@link #chart()} for restyling
 * (titles, colours, fonts) before saving.
 *
 * @param <C> the XChart chart type
 */
public abstract class XChartFigure<C extends Chart<?, ?>> implements Figure {

    private final C chart;

    /** Wraps {@code chart}. */
    protected XChartFigure(C chart) {
        this.chart = chart;
    }

    /** The XChart chart, for restyling. */
    public C chart() {
        return chart;
    }

    @Override
    public int width() {
        return chart.getWidth();
    }

    @Override
    public int height() {
        return chart.getHeight();
    }

    @Override
    public void paint(Graphics2D g) {
        chart.paint(g, chart.getWidth(), chart.getHeight());
    }
}
