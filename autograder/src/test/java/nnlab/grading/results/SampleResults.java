package nnlab.grading.results;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import nnlab.grading.Visibility;

/**
 * Realistic {@code results.json} documents for a lab with five graded tests (12 points), one per way a grading can
 * end: everything passes, some tests fail with partial credit, a test JVM crashes, a test class times out, and the
 * submission does not compile.
 */
final class SampleResults {

    /** One expected test of the lab: its number, name and points. */
    record Expected(String number, String name, double points) {
    }

    static final List<Expected> LAB = List.of(
            new Expected("1.1", "Linear.forward matches PyTorch", 2.0),
            new Expected("1.2", "Linear.backward matches the numerical gradient", 3.0),
            new Expected("2.1", "ReLU forward and backward", 1.0),
            new Expected("2.2", "CrossEntropyLoss from logits", 2.0),
            new Expected("3.1", "MLP reaches 92% test accuracy on MNIST", 4.0));

    private SampleResults() {
    }

    /** Every test passes; the leaderboard shows accuracy and training time. */
    static GradescopeResults allPassing() {
        return base()
                .executionTime(Duration.ofSeconds(73))
                .output("All 5 tests passed: 12.0 / 12.0 points.")
                .tests(lab(e -> TestResult.passed(e.name(), e.points())))
                .leaderboard(LeaderboardEntry.higherIsBetter("Test accuracy", 0.9713))
                .leaderboard(LeaderboardEntry.lowerIsBetter("Training time (s)", 41.2))
                .build();
    }

    /** Three tests lose points, with Markdown feedback; the accuracy test is hidden until grades are published. */
    static GradescopeResults partialCredit() {
        return base()
                .testOutputFormat(OutputFormat.MD)
                .tests(lab(e -> switch (e.number()) {
                    case "1.2" -> TestResult.partial(e.name(), 1.5, e.points(), """
                            `dW` matches, `db` does not:

                            | parameter | max abs error | tolerance |
                            |---|---|---|
                            | dW | 2.1e-7 | 1e-5 |
                            | db | 0.5 | 1e-5 |

                            Did you sum `gradOut` over the batch dimension?""");
                    case "2.1" -> TestResult.failed(e.name(), e.points(),
                            "ReLU.backward passes the gradient where the input is negative: at [0, 3] input -1.5, "
                                    + "gradOut 1.0, expected 0.0 but got 1.0.");
                    case "3.1" -> TestResult.partial(e.name(), 2.0, e.points(),
                            "Test accuracy **0.884** after 3 epochs (seed 42); full marks from 0.92, half from 0.85.")
                            .withVisibility(Visibility.AFTER_PUBLISHED);
                    default -> TestResult.passed(e.name(), e.points());
                }))
                .leaderboard(LeaderboardEntry.higherIsBetter("Test accuracy", 0.884))
                .build();
    }

    /** The JVM running the Linear tests died (out of memory); the other tests ran. */
    static GradescopeResults crashed() {
        String reason = "The JVM running this test died before the test finished (exit code 134, "
                + "java.lang.OutOfMemoryError: Java heap space), so it scores 0. "
                + "Look for a tensor allocated inside a loop, or one far larger than the batch.";
        return base()
                .output("The JVM running Lab02LinearTest crashed; its 2 tests score 0.")
                .tests(lab(e -> e.number().startsWith("1.") ? TestResult.failed(e.name(), e.points(), reason)
                        : TestResult.passed(e.name(), e.points())))
                .build();
    }

    /** The training test was stopped at its time limit; the other tests ran. */
    static GradescopeResults timedOut() {
        return base()
                .output("Lab02TrainingTest was stopped after 120 s, its time limit.")
                .tests(lab(e -> e.number().equals("3.1")
                        ? TestResult.failed(e.name(), e.points(), "Timed out: stopped after 120 s, the limit for "
                        + "Lab02TrainingTest. The reference trains in 40 s; check for an endless loop or an epoch "
                        + "loop that never ends.")
                        : TestResult.passed(e.name(), e.points())))
                .build();
    }

    /**
     * The submission does not compile, so no test ran: each expected test fails with 0 points and a short "not run"
     * output, and the compiler's messages are shown once, at the top.
     */
    static GradescopeResults compileError() {
        return base()
                .output("""
                        ## Your submission does not compile

                        No test could run, so every test scores 0. The compiler said:

                        ```
                        src/main/java/lab02/Linear.java:41: error: cannot find symbol
                                Tensor dX = gradOut.matmul(weight.transpose());
                                                                 ^
                          symbol:   method transpose()
                          location: variable weight of type Parameter
                        1 error
                        ```""", OutputFormat.MD)
                .tests(lab(e -> TestResult.failed(e.name(), e.points(),
                        "Not run: the submission does not compile (see the compiler's messages above).")))
                .build();
    }

    /** All five documents, by name. */
    static Map<String, GradescopeResults> all() {
        Map<String, GradescopeResults> all = new TreeMap<>();
        all.put("all passing", allPassing());
        all.put("partial credit", partialCredit());
        all.put("crashed", crashed());
        all.put("timed out", timedOut());
        all.put("compile error", compileError());
        return all;
    }

    private static GradescopeResults.Builder base() {
        return GradescopeResults.builder()
                .stdoutVisibility(Visibility.HIDDEN)
                .extraData("seed", 42)
                .extraData("jdk", "17.0.13+11")
                .extraData("backend", "cpu")
                .extraData("versions", Map.of("nnlab", "0.1.0-SNAPSHOT", "autograder", "0.1.0-SNAPSHOT",
                        "suite", "lab02-mlp"));
    }

    private static List<TestResult> lab(Function<Expected, TestResult> outcome) {
        return LAB.stream().map(e -> outcome.apply(e).withNumber(e.number()).withTags("lab02")).toList();
    }
}
