package nnlab.nn.layers;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongFunction;
import nnlab.nn.GradCheck;
import nnlab.tensor.Tensor;
import nnlab.testing.GradCheckLog;
import nnlab.testing.GradCheckSeeds;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Not a test: a tool that runs the same gradient checks as {@link Conv2dGradCheckTest} (random and named
 * configurations) and {@link PoolGradCheckTest}, records them in {@link GradCheckLog} and prints the time taken per
 * op, then {@link GradCheckLog#summary()}: per op, the number of checks and failures, the largest relative error
 * over all seeds and tensors, and the report of that worst check. Used to back the tolerances in
 * {@link ConvPoolCases} with 1000 seeds:
 * <pre>
 *   java -Dnnlab.gradcheck.seeds=1000 --add-modules jdk.incubator.vector -cp target/test-classes:target/classes:$CP \
 *       nnlab.nn.layers.ConvPoolGradCheckSweep
 * </pre>
 */
public final class ConvPoolGradCheckSweep {

    private ConvPoolGradCheckSweep() {
    }

    /** The named configurations of {@link Conv2dGradCheckTest}, each over every seed. */
    private static void namedConv() {
        for (Arguments a : Conv2dGradCheckTest.namedConfigurations().toList()) {
            Conv2dBuilder config = (Conv2dBuilder) a.get()[1];
            int[] shape = (int[]) a.get()[2];
            for (long seed : GradCheckSeeds.forCase(302).toArray()) {
                RandomGenerator rng = Tensor.rng(seed);
                Conv2d conv = config.rng(rng).build();
                GradCheckLog.record("Conv2d (named configurations)", GradCheck.with().seed(seed)
                        .tolerance(ConvPoolCases.CONV_TOLERANCE).module(conv, Tensor.uniform(rng, -1f, 1f, shape)));
            }
        }
    }

    /** Random cases of one op over every seed of case {@code caseNo}. */
    private static void random(String op, long caseNo, LongFunction<ConvPoolCases.Case> cases, double tolerance) {
        GradCheckSeeds.forCase(caseNo).forEach(seed -> {
            ConvPoolCases.Case c = cases.apply(seed);
            GradCheckLog.record(op, GradCheck.with().seed(seed).tolerance(tolerance).module(c.module(), c.input()));
        });
    }

    public static void main(String[] args) {
        Map<String, Runnable> ops = new LinkedHashMap<>();
        ops.put("Conv2d (named configurations)", ConvPoolGradCheckSweep::namedConv);
        ops.put("Conv2d", () -> random("Conv2d", 301L, ConvPoolCases::conv, ConvPoolCases.CONV_TOLERANCE));
        ops.put("MaxPool2d", () -> random("MaxPool2d", 311L, ConvPoolCases::maxPool, ConvPoolCases.POOL_TOLERANCE));
        ops.put("AvgPool2d", () -> random("AvgPool2d", 312L, ConvPoolCases::avgPool, ConvPoolCases.POOL_TOLERANCE));
        ops.put("AdaptiveAvgPool2d", () -> random("AdaptiveAvgPool2d", 313L, ConvPoolCases::adaptiveAvgPool,
                ConvPoolCases.POOL_TOLERANCE));
        System.out.printf("%d seeds per op%n", GradCheckSeeds.count());
        for (Map.Entry<String, Runnable> op : ops.entrySet()) {
            long start = System.nanoTime();
            op.getValue().run();
            System.out.printf("%-30s %.1f s%n", op.getKey(), (System.nanoTime() - start) / 1e9);
        }
        System.out.print(GradCheckLog.summary());
    }
}
