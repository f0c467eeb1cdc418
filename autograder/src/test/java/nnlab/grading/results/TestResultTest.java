package nnlab.grading.results;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nnlab.grading.Visibility;

class TestResultTest {

    private static TestResult withScores(double score, double maxScore) {
        return new TestResult(score, maxScore, TestStatus.FAILED, "Linear.forward", null, null, null, null,
                List.of(), null, null);
    }

    private static String rejection(Runnable construction) {
        return assertThrows(IllegalArgumentException.class, construction::run).getMessage();
    }

    @Test
    void passedHasFullMarksAndNoOutput() {
        TestResult t = TestResult.passed("Linear.forward", 2.0);
        assertThat(t.score(), is(2.0));
        assertThat(t.maxScore(), is(2.0));
        assertThat(t.status(), is(TestStatus.PASSED));
        assertThat(t.output(), is(nullValue()));
        assertThat(t.tags(), is(empty()));
        assertThat(t.extraData().isEmpty(), is(true));
    }

    @Test
    void failedHasZeroPointsAndTheReasonAsOutput() {
        TestResult t = TestResult.failed("Linear.forward", 2.0, "timed out after 60 s");
        assertThat(t.score(), is(0.0));
        assertThat(t.status(), is(TestStatus.FAILED));
        assertThat(t.output(), is("timed out after 60 s"));
    }

    @Test
    void partialIsPassedOnlyWithFullMarks() {
        assertThat(TestResult.partial("t", 1.5, 3.0, "half").status(), is(TestStatus.FAILED));
        assertThat(TestResult.partial("t", 3.0, 3.0, null).status(), is(TestStatus.PASSED));
        assertThat(TestResult.partial("t", 0.0, 3.0, null).status(), is(TestStatus.FAILED));
    }

    @Test
    void aScoreAboveMaxScoreIsRejectedWithBothValues() {
        String message = rejection(() -> withScores(3.0, 2.0));
        assertThat(message, containsString("test 'Linear.forward' has score 3.0 outside [0, max_score = 2.0]"));
    }

    @Test
    void aNegativeScoreIsRejected() {
        assertThat(rejection(() -> withScores(-0.5, 2.0)), containsString("score -0.5 outside [0, max_score"));
    }

    @Test
    void nonFiniteScoresAreRejected() {
        assertThat(rejection(() -> withScores(Double.NaN, 2.0)), containsString("has score NaN"));
        assertThat(rejection(() -> withScores(Double.POSITIVE_INFINITY, 2.0)), containsString("has score Infinity"));
        assertThat(rejection(() -> withScores(0.0, Double.NaN)), containsString("has max_score NaN"));
        assertThat(rejection(() -> withScores(0.0, Double.POSITIVE_INFINITY)),
                containsString("has max_score Infinity"));
    }

    @Test
    void maxScoreMustBePositive() {
        assertThat(rejection(() -> withScores(0.0, 0.0)), containsString("max_score 0.0; it must be a finite number > 0"));
        assertThat(rejection(() -> withScores(0.0, -1.0)), containsString("max_score -1.0"));
    }

    @Test
    void aTestNeedsANameThatIsNotBlank() {
        assertThat(rejection(() -> TestResult.passed(null, 1.0)), containsString("needs a name that is not blank (got null)"));
        assertThat(rejection(() -> TestResult.passed("  ", 1.0)), containsString("(got \"  \")"));
    }

    @Test
    void aTestNeedsAStatus() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> new TestResult(1.0, 1.0, null, "t",
                null, null, null, null, List.of(), null, null));
        assertThat(e.getMessage(), containsString("test 't' needs a status"));
    }

    @Test
    void aBlankNumberIsRejected() {
        assertThat(rejection(() -> TestResult.passed("t", 1.0).withNumber(" ")),
                containsString("test 't' has a blank number"));
    }

    @Test
    void tagsMustBeDistinctAndNotBlank() {
        TestResult t = TestResult.passed("t", 1.0);
        assertThat(rejection(() -> t.withTags("lab02", "lab02")), containsString("has tag \"lab02\" twice"));
        assertThat(rejection(() -> t.withTags("lab02", "")), containsString("null or blank tag"));
        assertThat(rejection(() -> t.withTags("lab02", null)), containsString("null or blank tag"));
    }

    @Test
    void withersChangeOneFieldAndLeaveTheOriginalAlone() {
        TestResult original = TestResult.failed("t", 2.0, "wrong");
        TestResult changed = original.withNumber("1.2").withTags("lab02", "backward")
                .withVisibility(Visibility.AFTER_PUBLISHED).withOutput("**wrong**", OutputFormat.MD)
                .withNameFormat(OutputFormat.TEXT).withExtraData(Map.of("seed", 7));
        assertThat(changed.number(), is("1.2"));
        assertThat(changed.tags(), contains("lab02", "backward"));
        assertThat(changed.visibility(), is(Visibility.AFTER_PUBLISHED));
        assertThat(changed.output(), is("**wrong**"));
        assertThat(changed.outputFormat(), is(OutputFormat.MD));
        assertThat(changed.nameFormat(), is(OutputFormat.TEXT));
        assertThat(changed.extraData(), is(Map.of("seed", 7)));
        assertThat(changed.score(), is(0.0));
        assertThat(changed.maxScore(), is(2.0));
        assertThat(changed.status(), is(TestStatus.FAILED));
        assertThat(original, is(TestResult.failed("t", 2.0, "wrong")));
    }

    @Test
    void tagsAreCopiedAndUnmodifiable() {
        List<String> tags = new ArrayList<>(List.of("lab02"));
        TestResult t = new TestResult(1.0, 1.0, TestStatus.PASSED, "t", null, null, null, null, tags, null, null);
        tags.add("later");
        assertThat(t.tags(), contains("lab02"));
        assertThrows(UnsupportedOperationException.class, () -> t.tags().add("x"));
    }

    @Test
    void extraDataIsADeepSortedUnmodifiableCopy() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("z", 1);
        nested.put("a", 2);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("versions", nested);
        data.put("backend", "cpu");
        TestResult t = TestResult.passed("t", 1.0).withExtraData(data);
        nested.put("added later", 3);
        data.put("also later", 4);
        assertThat(List.copyOf(t.extraData().keySet()), contains("backend", "versions"));
        @SuppressWarnings("unchecked")
        Map<String, Object> copied = (Map<String, Object>) t.extraData().get("versions");
        assertThat(List.copyOf(copied.keySet()), contains("a", "z"));
        assertThrows(UnsupportedOperationException.class, () -> t.extraData().put("x", 1));
        assertThrows(UnsupportedOperationException.class, () -> copied.put("x", 1));
    }

    @Test
    void extraDataRejectsWhatJsonCannotHold() {
        TestResult t = TestResult.passed("t", 1.0);
        assertThat(rejection(() -> t.withExtraData(Map.of("loss", Double.NaN))),
                containsString("test 't' extra_data.loss is NaN; JSON has no NaN or infinity"));
        assertThat(rejection(() -> t.withExtraData(Map.of("started", new Object()))),
                containsString("extra_data.started is a java.lang.Object"));
        Map<String, Object> withNull = new LinkedHashMap<>();
        withNull.put("seed", null);
        assertThat(rejection(() -> t.withExtraData(withNull)), containsString("extra_data.seed is null; leave the key out"));
        assertThat(rejection(() -> t.withExtraData(Map.of("shape", List.of(Map.of(1, 2))))),
                containsString("extra_data.shape[0] has key 1 (java.lang.Integer); JSON object keys must be strings"));
    }

    @Test
    void extraDataThatContainsItselfIsRejected() {
        Map<String, Object> loop = new LinkedHashMap<>();
        loop.put("self", loop);
        assertThat(rejection(() -> TestResult.passed("t", 1.0).withExtraData(loop)),
                containsString("does a map or list contain itself?"));
    }
}
