package nnlab.grading.reconcile;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import nnlab.grading.Graded;
import nnlab.grading.GradesFiles;
import nnlab.grading.Visibility;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * Sample hidden test classes that {@link GradedTestDiscoveryTest} reads the manifest from. They are never run:
 * their names do not match surefire's includes, and each is {@link Disabled} for IDEs.
 */
final class DiscoverySamples {

    private DiscoverySamples() {
    }

    /** A composed annotation that carries {@code @Graded}, as a test author may write one. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @Graded(points = 3, name = "composed")
    @Test
    @interface ThreePoints {
    }

    @Disabled("a discovery sample; never run")
    @GradesFiles({"SoftmaxRegression.java", "Softmax.java"})
    static class SoftmaxSuite {
        @Test
        @Graded(points = 2, number = "1.10", name = "backward", visibility = Visibility.AFTER_DUE_DATE)
        void backward() {
        }

        @Test
        @Graded(points = 1, number = "1.2")
        void forward() {
        }

        @Test
        void ungraded() {
        }
    }

    @Disabled("a discovery sample; never run")
    static class TrainingSuite {
        @Test
        @Graded(points = 4)
        void trains() {
        }

        @ThreePoints
        void composed() {
        }

        @Test
        @Graded(points = 1, number = "2")
        void converges() {
        }
    }

    /** Must not be initialised by discovery: its static initializer throws. */
    @Disabled("a discovery sample; never run")
    static class ExplodingSuite {
        static final int VALUE = explode();

        static int explode() {
            throw new IllegalStateException("the static initializer ran during discovery");
        }

        @Test
        @Graded(points = 1)
        void graded() {
        }
    }

    @Disabled("a discovery sample; never run")
    static class NoGradedSuite {
        @Test
        void ungraded() {
        }
    }

    @Disabled("a discovery sample; never run")
    static class ZeroPointsSuite {
        @Test
        @Graded(points = 0)
        void free() {
        }
    }

    @Disabled("a discovery sample; never run")
    static class SameNumberSuite {
        @Test
        @Graded(points = 1, number = "1.2")
        void clash() {
        }
    }

    @Disabled("a discovery sample; never run")
    static class OverloadSuite {
        @Test
        @Graded(points = 1)
        void twice() {
        }

        @Graded(points = 1)
        void twice(int n) {
        }
    }

    @Disabled("a discovery sample; never run")
    @GradesFiles({})
    static class EmptyFilesSuite {
        @Test
        @Graded(points = 1)
        void graded() {
        }
    }

    @Disabled("a discovery sample; never run")
    @GradesFiles("src/Softmax.java")
    static class PathInFilesSuite {
        @Test
        @Graded(points = 1)
        void graded() {
        }
    }
}
