package nnlab.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nnlab train} and {@code nnlab eval} end to end on the bundled MNIST, kept small with {@code --limit}: the
 * run folder holds the weights, the history and {@code run.json} with the keys scripts read, and eval reproduces
 * the accuracy from the weights alone.
 */
class TrainCommandTest {

    @TempDir
    Path dir;

    @Test
    void trainWritesARunFolderAndEvalReproducesTheAccuracy() throws IOException {
        Path run = dir.resolve("run");
        String text = InfoCommandTest.run("train", "--model", "softmax", "--iterations", "100", "--limit", "2000",
                "--seed", "3", "--out", run.toString());
        assertThat(text, containsString("exit=0"));
        assertThat(text, containsString("nnlab train: softmax on mnist (2000 training, 10000 test examples), sgd lr 0.005"));
        String json = Files.readString(run.resolve("run.json"));
        for (String key : new String[] {"\"test_accuracy\": 0.", "\"epoch_seconds\": [", "\"backend\": \"", "\"seed\": 3",
            "\"iterations\": 100", "\"limit\": 2000"}) {
            assertThat(json, containsString(key));
        }
        double accuracy = Double.parseDouble(json.replaceAll("(?s).*\"test_accuracy\": ([0-9.E-]+).*", "$1"));
        assertThat("100 SGD steps on 2000 digits already learn something", accuracy, greaterThan(0.7));
        assertThat(Files.readString(run.resolve("history.csv")), containsString("epoch,train_loss"));
        assertThat(Files.size(run.resolve("model.safetensors")), greaterThan(31_000L)); // 7850 floats
        for (String plot : new String[] {"training-curves.png", "confusion-matrix.png", "test-samples.png",
            "probabilities-first-test-image.png", "weights.png"}) {
            assertThat(plot, javax.imageio.ImageIO.read(run.resolve(plot).toFile()).getWidth(), greaterThan(300));
        }
        try (var files = Files.list(run)) {
            assertThat("no temporary files", files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), is(true));
        }

        String eval = InfoCommandTest.run("eval", "--weights", run.resolve("model.safetensors").toString());
        assertThat(eval, containsString("exit=0"));
        assertThat(eval, containsString(String.format(java.util.Locale.ROOT, "softmax on mnist test set (10000 examples): accuracy %.4f", accuracy)));
    }

    @Test
    void unknownDatasetIsAClearError() {
        String text = InfoCommandTest.run("train", "--dataset", "imagenet", "--out", dir.resolve("x").toString());
        assertThat(text, containsString("exit=1"));
        assertThat(text, containsString("nnlab train: unknown dataset 'imagenet'; use mnist, fashion-mnist or cifar10"));
        assertThat(text, not(containsString("\tat ")));
    }

    @Test
    void missingDataFolderIsOneLineThatSaysWhereToPutTheData() {
        String text = InfoCommandTest.run("train", "--data-dir", dir.resolve("no-data").toString(),
                "--out", dir.resolve("x").toString());
        assertThat(text, containsString("exit=1"));
        assertThat(text, containsString("does not exist"));
        assertThat(text, containsString("NNLAB_DATA"));
        assertThat(text, not(containsString("\tat ")));
        assertThat("nothing written for a run that could not start", Files.exists(dir.resolve("x")), is(false));
    }

    @Test
    void lrDecayOutsideZeroToOneIsRejected() {
        String text = InfoCommandTest.run("train", "--lr-decay", "1.5", "--out", dir.resolve("x").toString());
        assertThat(text, containsString("--lr-decay must be in (0, 1], got 1.5"));
    }
}
