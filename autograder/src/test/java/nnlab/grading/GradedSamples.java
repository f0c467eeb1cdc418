package nnlab.grading;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sample graded suites, written as a test author would, that {@link GradingExtensionTest} runs through the
 * Launcher and inspects. Each is a {@link SampleSuite}: disabled when surefire or an IDE finds it.
 */
final class GradedSamples {

    private GradedSamples() {
    }

    @SampleSuite
    static class PartialCredit {
        @Test
        @Graded(points = 2)
        void threePartials() {
            Grade.partial(0.75, "first: missing bias");
            Grade.partial(0.5, "second: wrong sign\non two lines");
            Grade.partial(0.9, "third: higher, cannot raise the credit");
        }

        @Test
        @Graded(points = 1)
        void noPartial() {
        }
    }

    @SampleSuite
    static class FeedbackAndLeaderboard {
        @Test
        @Graded(points = 1)
        void feedback() {
            Feedback.markdown("**loss** after 5 epochs: `0.31`");
            Feedback.markdown("");
            Feedback.markdown("| a | b |\n|---|---|\n| 1 | 2 |");
        }

        @Test
        @Graded(points = 1)
        void leaderboard() {
            Leaderboard.report("accuracy", 0.5);
            Leaderboard.report("test loss", 0.31, LeaderboardOrder.ASC);
            Leaderboard.report("accuracy", 0.97);
        }

        @Test
        @Graded(points = 1)
        void tooMuchFeedback() {
            for (int i = 0; i < 100; i++) {
                Feedback.markdown(Integer.toString(i % 10).repeat(1000));
            }
        }
    }

    @SampleSuite
    static class Failing {
        @Test
        @Graded(points = 1)
        void failsAfterRecording() {
            Grade.partial(0.5, "half");
            Feedback.markdown("written before the failure");
            Leaderboard.report("accuracy", 0.1);
            fail("the output is wrong");
        }

        @Test
        @Graded(points = 1)
        void throwsAfterRecording() {
            Grade.partial(0.25, "a quarter");
            throw new IllegalStateException("student code threw");
        }
    }

    @SampleSuite
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class Sequence {
        private static ExecutorService pool;

        @Test
        @Order(1)
        @Graded(points = 1)
        void recordsEverything() throws Exception {
            Grade.partial(0.1, "from the first test");
            Feedback.markdown("first test's feedback");
            Leaderboard.report("first", 1);
            pool = Executors.newSingleThreadExecutor(); // its thread starts now, inside this test
            pool.submit(() -> Feedback.markdown("first test's pool thread")).get();
        }

        @Test
        @Order(2)
        @Graded(points = 1)
        void recordsNothing() throws Exception {
            // The pool thread outlived the first test; what it records now must reach neither test.
            pool.submit(() -> Grade.partial(0.2, "from the first test's thread, during the second")).get();
        }

        @Test
        @Order(3)
        @Graded(points = 1)
        void recordsItsOwn() {
            Grade.partial(0.3, "from the third test");
        }

        @AfterAll
        static void stopPool() {
            pool.shutdownNow();
        }
    }

    @SampleSuite
    static class Timeout {
        @Test
        @Graded(points = 1)
        void recordsFromTheTimeoutThread() {
            String thread = Thread.currentThread().getName();
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                if (Thread.currentThread().getName().equals(thread)) {
                    fail("assertTimeoutPreemptively ran on the test thread; this sample needs another one");
                }
                Grade.partial(0.25, "from the timeout thread");
                Feedback.markdown("from the timeout thread");
            });
        }
    }

    @SampleSuite
    static class Lifecycle {
        @BeforeEach
        void setUp() {
            Feedback.markdown("from @BeforeEach");
        }

        @AfterEach
        void tearDown() {
            Grade.partial(0.5, "from @AfterEach");
        }

        @Test
        @Graded(points = 1)
        void body() {
            Feedback.markdown("from the test");
        }
    }

    @SampleSuite
    static class Parameterized {
        @ParameterizedTest
        @ValueSource(doubles = {0.25, 0.5})
        @Graded(points = 1)
        void eachInvocation(double fraction) {
            Grade.partial(fraction, "fraction " + fraction);
        }
    }

    @SampleSuite
    @ExtendWith(GradingExtension.class)
    static class RegisteredTwice {
        @Test
        @Graded(points = 1)
        void publishesOnce() {
            Grade.partial(0.5, "once");
        }
    }

    @SampleSuite
    static class NegativePoints {
        @Test
        @Graded(points = -1)
        void misconfigured() {
        }
    }

    @SampleSuite
    static class ZeroPoints {
        @Test
        @Graded(points = 0)
        void misconfigured() {
        }
    }

    @SampleSuite
    static class Ungraded {
        @Test
        void callsAreIgnored() {
            Grade.partial(0.5, "not a graded test");
            Feedback.markdown("not a graded test");
            Leaderboard.report("accuracy", 0.5);
        }
    }
}
