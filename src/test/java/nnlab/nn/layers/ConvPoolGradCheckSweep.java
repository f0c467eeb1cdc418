package nnlab.nn.layers;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongFunction;
import nnlab.nn.GradCheck;
import nnlab.nn.GradCheckResult;
import nnlab.tensor.Tensor;
import nnlab.testing.GradCheckSeeds;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Not a test: a tool that runs the same gradient checks as {@link Conv2dGradCheckTest} (random and named
 * configurations) and {@link PoolGradCheckTest} and prints, per op, the largest relative error over all seeds and tensors, how
 * many checks failed, and the time taken. Used to back the tolerances in {@link ConvPoolCases} with 1000 seeds:
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
        long start = System.nanoTime();
        double worst = 0;
        int failures = 0;
        for (Arguments a : Conv2dGradCheckTest.namedConfigurations().toList()) {
            Conv2dBuilder config = (Conv2dBuilder) a.get()[1];
            int[] shape = (int[]) a.get()[2];
            for (long seed : GradCheckSeeds.forCase(302).toArray()) {
                RandomGenerator rng = Tensor.rng(seed);
                Conv2d conv = config.rng(rng).build();
                GradCheckResult r = GradCheck.with().seed(seed).tolerance(ConvPoolCases.CONV_TOLERANCE)
                        .module(conv, Tensor.uniform(rng, -1f, 1f, shape));
                failures += r.passed() ? 0 : 1;
                worst = Math.max(worst, r.worst().relativeError());
            }
        }
        System.out.printf("%-18s tolerance %.0e  max relative error %.3e  failures %d  %.1f s  (named configurations)%n",
                "Conv2d", ConvPoolCases.CONV_TOLERANCE, worst, failures, (System.nanoTime() - start) / 1e9);
    }

    public static void main(String[] args) {
        Map<String, Object[]> ops = new LinkedHashMap<>();
        ops.put("Conv2d", new Object[] {301L, (LongFunction<ConvPoolCases.Case>) ConvPoolCases::conv,
                ConvPoolCases.CONV_TOLERANCE});
        ops.put("MaxPool2d", new Object[] {311L, (LongFunction<ConvPoolCases.Case>) ConvPoolCases::maxPool,
                ConvPoolCases.POOL_TOLERANCE});
        ops.put("AvgPool2d", new Object[] {312L, (LongFunction<ConvPoolCases.Case>) ConvPoolCases::avgPool,
                ConvPoolCases.POOL_TOLERANCE});
        ops.put("AdaptiveAvgPool2d", new Object[] {313L,
                (LongFunction<ConvPoolCases.Case>) ConvPoolCases::adaptiveAvgPool, ConvPoolCases.POOL_TOLERANCE});
        System.out.printf("%d seeds per op%n", GradCheckSeeds.count());
        namedConv();
        for (Map.Entry<String, Object[]> op : ops.entrySet()) {
            long caseNo = (Long) op.getValue()[0];
            @SuppressWarnings("unchecked")
            LongFunction<ConvPoolCases.Case> cases = (LongFunction<ConvPoolCases.Case>) op.getValue()[1];
            double tolerance = (Double) op.getValue()[2];
            long start = System.nanoTime();
            double[] worst = {0};
            String[] worstCase = {""};
            int[] failures = {0};
            GradCheckSeeds.forCase(caseNo).forEach(seed -> {
                ConvPoolCases.Case c = cases.apply(seed);
                GradCheckResult r = GradCheck.with().seed(seed).tolerance(tolerance).module(c.module(), c.input());
                if (!r.passed()) {
                    failures[0]++;
                }
                if (r.worst().relativeError() > worst[0]) {
                    worst[0] = r.worst().relativeError();
                    worstCase[0] = c.description() + ", tensor " + r.worst().name();
                }
            });
            System.out.printf("%-18s tolerance %.0e  max relative error %.3e  failures %d  %.1f s  (worst: %s)%n",
                    op.getKey(), tolerance, worst[0], failures[0], (System.nanoTime() - start) / 1e9, worstCase[0]);
        }
    }
}
