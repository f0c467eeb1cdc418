package nnlab.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import nnlab.io.AtomicFile;

/**
 * The per-epoch record of a training run (Keras's {@code History}): loss and accuracy on the training and test
 * sets, learning rate and seconds. Exports to CSV and JSON, each written atomically.
 */
public final class History {

    private static final String[] COLUMNS = {
        "epoch", "train_loss", "train_accuracy", "test_loss", "test_accuracy", "learning_rate", "seconds"};

    private final List<EpochRecord> epochs = new ArrayList<>();

    /** Appends one epoch. */
    public void add(EpochRecord record) {
        epochs.add(record);
    }

    /** All epochs so far, oldest first (read-only). */
    public List<EpochRecord> epochs() {
        return Collections.unmodifiableList(epochs);
    }

    /** Number of epochs recorded. */
    public int size() {
        return epochs.size();
    }

    /**
     * The last epoch.
     *
     * @throws IllegalStateException if nothing was recorded
     */
    public EpochRecord last() {
        if (epochs.isEmpty()) {
            throw new IllegalStateException("the history is empty: no epoch has finished");
        }
        return epochs.get(epochs.size() - 1);
    }

    /** The epoch with the highest test accuracy (the first one on ties), or the last one without test data. */
    public EpochRecord best() {
        EpochRecord best = last();
        for (EpochRecord e : epochs) {
            if (e.testAccuracy() > best.testAccuracy() || (e.testAccuracy() == best.testAccuracy() && e.epoch() < best.epoch())) {
                best = e;
            }
        }
        return best;
    }

    /** The history as CSV with a header line: {@code epoch,train_loss,train_accuracy,test_loss,test_accuracy,learning_rate,seconds}. */
    public String toCsv() {
        StringBuilder sb = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        for (EpochRecord e : epochs) {
            sb.append(e.epoch());
            for (double v : values(e)) {
                sb.append(',').append(number(v));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The history as a JSON array of objects with the CSV's column names as keys ({@code NaN} becomes {@code null}). */
    public String toJson() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < epochs.size(); i++) {
            EpochRecord e = epochs.get(i);
            sb.append(i == 0 ? "\n  {" : ",\n  {").append("\"epoch\": ").append(e.epoch());
            double[] v = values(e);
            for (int c = 0; c < v.length; c++) {
                sb.append(", \"").append(COLUMNS[c + 1]).append("\": ")
                        .append(Double.isFinite(v[c]) ? number(v[c]) : "null");
            }
            sb.append('}');
        }
        return sb.append(epochs.isEmpty() ? "]\n" : "\n]\n").toString();
    }

    /** Writes {@link #toCsv()} to {@code file}, atomically. */
    public void writeCsv(Path file) throws IOException {
        AtomicFile.writeString(file, toCsv());
    }

    /** Writes {@link #toJson()} to {@code file}, atomically. */
    public void writeJson(Path file) throws IOException {
        AtomicFile.writeString(file, toJson());
    }

    private static double[] values(EpochRecord e) {
        return new double[] {e.trainLoss(), e.trainAccuracy(), e.testLoss(), e.testAccuracy(), e.learningRate(), e.seconds()};
    }

    /** Shortest text that reads back to the same double; {@code NaN} as in Java. */
    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%.1f", v) : Double.toString(v);
    }
}
