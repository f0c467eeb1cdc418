/**
 * Plots for teaching, rendered without a display and saved atomically as PNG or SVG: {@link nnlab.viz.TrainingCurves}
 * (loss and accuracy per epoch, train vs test), {@link nnlab.viz.ConfusionHeatmap}, {@link nnlab.viz.DecisionBoundary}
 * (a 2-D classifier over its data), {@link nnlab.viz.WeightImages} (rows of a {@code [10, 784]} weight matrix as
 * images), {@link nnlab.viz.SampleGrid} (images with labels and predictions) and {@link nnlab.viz.ProbabilityBars}.
 * Every plot is a {@link nnlab.viz.Figure}; the chart-like ones are drawn with XChart.
 */
package nnlab.viz;
