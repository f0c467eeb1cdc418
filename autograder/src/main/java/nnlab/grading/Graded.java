package nnlab.grading;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a JUnit 5 test as graded: it is worth {@link #points()} points, shown to the student under
 * {@link #number()} and {@link #name()} with the given {@link #visibility()}. Put it <em>next to</em>
 * {@code @Test} (or {@code @ParameterizedTest}, {@code @RepeatedTest}), never instead of it:
 *
 * <pre>{@code
 * class LinearHiddenTest {
 *
 *     @Test
 *     @Graded(points = 2, number = "1.2", name = "Linear.backward: dX, dW and db")
 *     void backwardMatchesReference() {
 *         Tensor dX = layer.backward(gradOut);
 *         assertThat(dX, TensorMatchers.allClose(expectedDX, 1e-5, 1e-6));     // wrong dX: no credit
 *         if (!layer.bias().grad().allClose(expectedDb, 1e-5, 1e-6)) {
 *             Grade.partial(0.5, "db is wrong: sum gradOut over the batch (dim 0)");
 *             Feedback.markdown("Your `db`: `" + layer.bias().grad() + "`");
 *         }
 *     }
 *
 *     @Test
 *     @Graded(points = 1, number = "2.1", visibility = Visibility.AFTER_DUE_DATE)
 *     void trainsToNinetyPercent() {
 *         double accuracy = trainAndEvaluate();
 *         Leaderboard.report("accuracy", accuracy);                            // larger is better
 *         assertThat(accuracy, greaterThanOrEqualTo(0.9));
 *     }
 * }
 * }</pre>
 *
 * <p><b>Scoring</b> (done by the runner, from what {@link GradingExtension} publishes): a test that fails or
 * throws earns 0; a test that passes earns {@code points} times the smallest fraction given to
 * {@link Grade#partial}, or all its points if {@code Grade.partial} was never called.
 *
 * <p>{@code @Graded} registers {@link GradingExtension} itself, so graded tests work even when JUnit's
 * extension autodetection is off. It may also be used as a meta-annotation on a composed annotation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@ExtendWith(GradingExtension.class)
public @interface Graded {

    /**
     * The most points the test can earn; finite and {@code > 0} (Gradescope needs a positive maximum; leave
     * {@code @Graded} off a test that should not be scored). Any other value fails the test with a message saying
     * so, and the grader refuses the suite.
     */
    double points();

    /** The Gradescope test number, e.g. {@code "1.2"}; empty (the default) for none. */
    String number() default "";

    /** The name shown to the student; empty (the default) means the test's JUnit display name. */
    String name() default "";

    /** When the student sees this test and its output; {@link Visibility#VISIBLE} by default. */
    Visibility visibility() default Visibility.VISIBLE;
}
