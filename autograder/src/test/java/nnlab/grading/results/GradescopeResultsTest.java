package nnlab.grading.results;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class GradescopeResultsTest {

    private static String rejection(GradescopeResults.Builder builder) {
        return assertThrows(IllegalArgumentException.class, builder::build).getMessage();
    }

    @Test
    void resultsNeedAScoreOrATest() {
        assertThat(rejection(GradescopeResults.builder().output("nothing ran")),
                containsString("needs an overall score or at least one test"));
        assertThat(GradescopeResults.builder().score(0.0).build().tests().isEmpty(), is(true));
    }

    @Test
    void theOverallScoreMustBeFiniteAndNotNegative() {
        assertThat(rejection(GradescopeResults.builder().score(Double.NaN)), containsString("overall score is NaN"));
        assertThat(rejection(GradescopeResults.builder().score(-1.0)), containsString("overall score is -1.0"));
    }

    @Test
    void executionTimeCannotBeNegative() {
        assertThat(rejection(GradescopeResults.builder().score(1.0).executionTime(Duration.ofSeconds(-3))),
                containsString("execution_time is PT-3S; it cannot be negative"));
    }

    @Test
    void leaderboardColumnsAreDistinct() {
        assertThat(rejection(GradescopeResults.builder().score(1.0)
                        .leaderboard(LeaderboardEntry.higherIsBetter("Accuracy", 0.9))
                        .leaderboard(LeaderboardEntry.higherIsBetter("Accuracy", 0.8))),
                containsString("two entries named 'Accuracy'"));
    }

    @Test
    void nullTestsAreRejected() {
        assertThat(rejection(GradescopeResults.builder().test(TestResult.passed("t", 1.0)).test(null)),
                containsString("tests[1] is null"));
    }

    @Test
    void extraDataIsCheckedWithThePathOfTheBadValue() {
        assertThat(rejection(GradescopeResults.builder().score(1.0).extraData("seed", null)),
                containsString("results.json extra_data.seed is null"));
        assertThat(rejection(GradescopeResults.builder().score(1.0)
                        .extraData("versions", Map.of("jdk", Double.POSITIVE_INFINITY))),
                containsString("results.json extra_data.versions.jdk is Infinity"));
    }

    @Test
    void totalScoreIsTheSumOfTheTestsUnlessAScoreIsGiven() {
        GradescopeResults summed = SampleResults.partialCredit();
        assertThat(summed.totalScore(), closeTo(2.0 + 1.5 + 0.0 + 2.0 + 2.0, 1e-12));
        assertThat(summed.totalMaxScore(), closeTo(12.0, 1e-12));
        GradescopeResults overridden = GradescopeResults.builder().score(5.0).tests(summed.tests()).build();
        assertThat(overridden.totalScore(), is(5.0));
    }

    @Test
    void theBuilderCopiesItsLists() {
        List<TestResult> tests = new ArrayList<>(List.of(TestResult.passed("a", 1.0)));
        GradescopeResults.Builder builder = GradescopeResults.builder().tests(tests);
        GradescopeResults results = builder.build();
        builder.test(TestResult.passed("b", 1.0));
        tests.add(TestResult.passed("c", 1.0));
        assertThat(results.tests(), contains(TestResult.passed("a", 1.0)));
        assertThrows(UnsupportedOperationException.class, () -> results.tests().add(TestResult.passed("d", 1.0)));
    }

    @Test
    void equalContentGivesEqualResults() {
        assertThat(SampleResults.crashed(), is(SampleResults.crashed()));
        assertThat(SampleResults.crashed().hashCode(), is(SampleResults.crashed().hashCode()));
    }
}
