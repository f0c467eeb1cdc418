package nnlab.train;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows training progress. On an interactive terminal: a progress bar per epoch (batches done, loss,
 * accuracy, ETA) drawn by the {@code progressbar} library. Elsewhere (CI, the autograder, a pipe): a plain log
 * line about every 10% of an epoch, so logs stay readable. Either way one summary line per epoch goes to
 * {@code out}.
 */
public final class ProgressReporter implements TrainingListener {

    private final PrintWriter out;
    private final boolean interactive;
    private ProgressBar bar;
    private int batches;
    private int nextLogBatch;

    /** Chooses the bar when a terminal is attached and {@code CI} is not set. */
    public ProgressReporter(PrintWriter out) {
        this(out, System.console() != null && System.getenv("CI") == null && !"dumb".equals(System.getenv("TERM")));
    }

    /** {@code interactive} forces the bar ({@code true}) or log lines ({@code false}). */
    public ProgressReporter(PrintWriter out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    /** Log lines and summaries to a stream, e.g. {@code System.out}; the bar as chosen by {@link #ProgressReporter(PrintWriter)}. */
    public ProgressReporter(PrintStream out) {
        this(new PrintWriter(out, true));
    }

    @Override
    public void epochStarted(int epoch, int epochs, int batches) {
        this.batches = batches;
        this.nextLogBatch = Math.max(1, batches / 10);
        if (interactive) {
            bar = new ProgressBarBuilder().setTaskName(String.format(Locale.ROOT, "epoch %d/%d", epoch, epochs))
                    .setInitialMax(batches).setStyle(ProgressBarStyle.ASCII).setUnit(" batches", 1).build();
        }
    }

    @Override
    public void batchFinished(int epoch, int batch, double loss, double runningAccuracy) {
        if (bar != null) {
            bar.stepTo(batch);
            bar.setExtraMessage(String.format(Locale.ROOT, "loss %.4f acc %.4f", loss, runningAccuracy));
        } else if (batch >= nextLogBatch || batch == batches) {
            out.printf(Locale.ROOT, "  epoch %d: batch %d/%d  loss %.4f  train acc %.4f%n", epoch, batch, batches, loss,
                    runningAccuracy);
            nextLogBatch = batch + Math.max(1, batches / 10);
            out.flush();
        }
    }

    @Override
    public void epochFinished(EpochRecord r) {
        if (bar != null) {
            bar.close();
            bar = null;
        }
        out.printf(Locale.ROOT, "epoch %d  train loss %.4f acc %.4f | test loss %.4f acc %.4f | lr %.3g | %.1f s%n",
                r.epoch(), r.trainLoss(), r.trainAccuracy(), r.testLoss(), r.testAccuracy(), r.learningRate(), r.seconds());
        out.flush();
    }
}
