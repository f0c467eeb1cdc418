package nnlab.train;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nnlab.data.DataLoader;
import nnlab.data.TensorDataset;
import nnlab.nn.Sequential;
import nnlab.nn.layers.Linear;
import nnlab.nn.layers.ReLU;
import nnlab.nn.loss.CrossEntropyLoss;
import nnlab.optim.Adam;
import nnlab.optim.SGD;
import nnlab.optim.lr.StepLR;
import nnlab.tensor.Tensor;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class TrainerTest {

    /** Two Gaussian blobs centred at (-1, -1) (class 0) and (1, 1) (class 1), std 0.5: about 99.8% separable. */
    private static TensorDataset blobs(int n, long seed) {
        RandomGenerator rng = Tensor.rng(seed);
        Tensor x = Tensor.zeros(n, 2);
        Tensor y = Tensor.zeros(n);
        for (int i = 0; i < n; i++) {
            int c = i % 2;
            float centre = c == 0 ? -1f : 1f;
            x.set(centre + 0.5f * (float) rng.nextGaussian(), i, 0).set(centre + 0.5f * (float) rng.nextGaussian(), i, 1);
            y.set(c, i);
        }
        return new TensorDataset(x, y);
    }

    @Test
    void fitLearnsSeparableBlobsAndRecordsEveryEpoch() {
        Sequential model = new Sequential(new Linear(2, 8, true, Tensor.rng(1)), new ReLU(), new Linear(8, 2, true, Tensor.rng(2)));
        Adam adam = new Adam(model.parameters(), 0.05);
        List<Integer> batchesSeen = new ArrayList<>();
        History h = new Trainer(model, new CrossEntropyLoss(), adam)
                .listener(new TrainingListener() {
                    @Override
                    public void batchFinished(int epoch, int batch, double loss, double acc) {
                        batchesSeen.add(batch);
                    }
                })
                .fit(new DataLoader(blobs(400, 3), 32, true, 4), blobs(200, 5), 5);
        assertThat(h.size(), is(5));
        assertThat(batchesSeen.size(), is(5 * 13)); // ceil(400 / 32) = 13 batches per epoch
        assertThat(h.last().testAccuracy(), greaterThan(0.97));
        assertThat(h.last().trainLoss(), lessThan(h.epochs().get(0).trainLoss()));
        assertThat(model.isTraining(), is(true));
    }

    @Test
    void schedulerStepsOncePerEpochAfterTheOptimizer() {
        Sequential model = new Sequential(new Linear(2, 2, true, Tensor.rng(1)));
        SGD sgd = new SGD(model.parameters(), 0.1);
        History h = new Trainer(model, new CrossEntropyLoss(), sgd).scheduler(new StepLR(sgd, 1, 0.5))
                .fit(new DataLoader(blobs(40, 1), 10, false, 0), null, 3);
        assertThat(h.epochs().get(0).learningRate(), is(0.1));
        assertThat(h.epochs().get(2).learningRate(), is(0.025));
        assertThat(Double.isNaN(h.last().testAccuracy()), is(true));
    }

    @Test
    void maxStepsStopsInTheMiddleOfAnEpochAndStillRecordsIt() {
        Sequential model = new Sequential(new Linear(2, 2, true, Tensor.rng(1)));
        List<Integer> batchesSeen = new ArrayList<>();
        Trainer trainer = new Trainer(model, new CrossEntropyLoss(), new SGD(model.parameters(), 0.1))
                .maxSteps(25)
                .listener(new TrainingListener() {
                    @Override
                    public void batchFinished(int epoch, int batch, double loss, double acc) {
                        batchesSeen.add(batch);
                    }
                });
        History h = trainer.fit(new DataLoader(blobs(100, 1), 10, true, 0), blobs(20, 2), 100);
        assertThat(trainer.steps(), is(25L));
        assertThat(h.size(), is(3)); // 10 + 10 + 5 steps
        assertThat(batchesSeen.get(batchesSeen.size() - 1), is(5));
    }

    @Test
    void earlyStoppingEndsWhenTestAccuracyStopsImproving() {
        Sequential model = new Sequential(new Linear(2, 2, true, Tensor.rng(1)));
        // learning rate 0: accuracy never changes, so training stops after 1 + patience epochs
        History h = new Trainer(model, new CrossEntropyLoss(), new SGD(model.parameters(), 0.0)).earlyStopping(2, 0)
                .fit(new DataLoader(blobs(40, 1), 10, false, 0), blobs(20, 2), 50);
        assertThat(h.size(), is(3));
    }

    @Test
    void withoutATerminalProgressIsPlainLogLines() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Sequential model = new Sequential(new Linear(2, 2, true, Tensor.rng(1)));
        new Trainer(model, new CrossEntropyLoss(), new SGD(model.parameters(), 0.1))
                .listener(new ProgressReporter(new java.io.PrintWriter(out, true), false))
                .fit(new DataLoader(blobs(100, 1), 10, false, 0), blobs(20, 2), 1);
        String log = bytes.toString(StandardCharsets.UTF_8);
        assertThat(log, containsString("  epoch 1: batch 1/10  loss "));
        assertThat(log, containsString("  epoch 1: batch 10/10  loss "));
        assertThat(log, containsString("epoch 1  train loss "));
        assertThat("no carriage returns in logs", log.contains("\r"), is(false));
    }

    @Test
    void evaluationRestoresTheModelsMode() {
        Sequential model = new Sequential(new Linear(2, 2, true, Tensor.rng(1)));
        Evaluation e = Evaluation.of(model, new CrossEntropyLoss(), blobs(30, 1), 7);
        assertThat(e.confusion().total(), is(30L));
        assertThat(model.isTraining(), is(true));
    }
}
