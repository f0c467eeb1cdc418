package nnlab.train;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryTest {

    @TempDir
    Path dir;

    private static History twoEpochs() {
        History h = new History();
        h.add(new EpochRecord(1, 0.5, 0.9, 0.25, 0.95, 1e-3, 12.5));
        h.add(new EpochRecord(2, 0.125, 0.97, Double.NaN, 0.97, 1e-3, 11.0));
        return h;
    }

    @Test
    void csvHasAHeaderAndOneLinePerEpoch() {
        assertThat(twoEpochs().toCsv(), is("epoch,train_loss,train_accuracy,test_loss,test_accuracy,learning_rate,seconds\n"
                + "1,0.5,0.9,0.25,0.95,0.001,12.5\n"
                + "2,0.125,0.97,NaN,0.97,0.001,11.0\n"));
    }

    @Test
    void jsonUsesTheSameKeysAndNullForMissingValues() {
        assertThat(twoEpochs().toJson(), is("[\n"
                + "  {\"epoch\": 1, \"train_loss\": 0.5, \"train_accuracy\": 0.9, \"test_loss\": 0.25, \"test_accuracy\": 0.95, \"learning_rate\": 0.001, \"seconds\": 12.5},\n"
                + "  {\"epoch\": 2, \"train_loss\": 0.125, \"train_accuracy\": 0.97, \"test_loss\": null, \"test_accuracy\": 0.97, \"learning_rate\": 0.001, \"seconds\": 11.0}\n"
                + "]\n"));
    }

    @Test
    void bestIsTheFirstEpochWithTheHighestTestAccuracy() {
        History h = twoEpochs();
        h.add(new EpochRecord(3, 0.1, 0.98, 0.2, 0.96, 1e-4, 10));
        assertThat(h.best().epoch(), is(2));
        assertThat(h.last().epoch(), is(3));
    }

    @Test
    void filesAreWrittenCompletely() throws IOException {
        History h = twoEpochs();
        h.writeCsv(dir.resolve("history.csv"));
        h.writeJson(dir.resolve("history.json"));
        assertThat(Files.readString(dir.resolve("history.csv")), is(h.toCsv()));
        assertThat(Files.readString(dir.resolve("history.json")), is(h.toJson()));
        try (var files = Files.list(dir)) {
            assertThat("no temporary files left", files.count(), is(2L));
        }
    }
}
