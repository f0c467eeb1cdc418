package nnlab.grading.reconcile;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import nnlab.grading.MarkdownText;
import nnlab.grading.results.ResultsJson;
import nnlab.grading.results.TestResult;
import nnlab.grading.results.TestStatus;
import nnlab.grading.runner.OutcomeStatus;
import nnlab.grading.runner.TestOutcome;

/**
 * Scores one graded test from the outcomes the runner reported for its method (one, or one per invocation of a
 * parameterized or repeated test); see {@link Reconciler} for the rules.
 */
final class OutcomeScoring {

    /** Failed invocations listed in a test's output; the rest are counted. */
    static final int MAX_FAILURES_SHOWN = 10;

    private OutcomeScoring() {
    }

    /** The result of {@code spec} from its outcomes, which are not empty. */
    static TestResult score(GradedTestSpec spec, List<TestOutcome> outcomes) {
        int passed = 0;
        double minCredit = 1.0;
        for (TestOutcome outcome : outcomes) {
            if (outcome.passed()) {
                passed++;
                minCredit = Math.min(minCredit, outcome.grade().creditFraction());
            }
        }
        boolean full = passed == outcomes.size() && minCredit == 1.0;
        double fraction = passed == 0 ? 0.0 : (double) passed / outcomes.size() * minCredit;
        double score = full ? spec.points() : round(spec.points() * fraction, spec.points());
        TestStatus status = full ? TestStatus.PASSED : TestStatus.FAILED;
        return Reconciler.result(spec, score, status, output(outcomes, passed));
    }

    /** {@code x} rounded half-even to {@link ResultsJson#SCORE_DECIMALS} decimals, and at most {@code max}. */
    static double round(double x, double max) {
        double rounded = BigDecimal.valueOf(x).setScale(ResultsJson.SCORE_DECIMALS, RoundingMode.HALF_EVEN)
                .doubleValue();
        return Math.min(rounded, max);
    }

    private static String output(List<TestOutcome> outcomes, int passed) {
        List<String> parts = new ArrayList<>();
        if (outcomes.size() == 1) {
            TestOutcome only = outcomes.get(0);
            if (!only.passed()) {
                parts.add(verb(only.status()) + ":\n\n" + MarkdownText.fenced(only.reason()));
            }
        } else {
            parts.add(passed + " of " + outcomes.size() + " invocations passed; every invocation must pass for full "
                    + "credit.");
            List<TestOutcome> failures = outcomes.stream().filter(o -> !o.passed()).toList();
            for (TestOutcome failure : failures.subList(0, Math.min(MAX_FAILURES_SHOWN, failures.size()))) {
                parts.add("`" + failure.displayName().replace('`', '\'') + "` " + verb(failure.status()) + ":\n\n"
                        + MarkdownText.fenced(failure.reason()));
            }
            if (failures.size() > MAX_FAILURES_SHOWN) {
                parts.add("... and " + (failures.size() - MAX_FAILURES_SHOWN) + " more invocations did not pass.");
            }
        }
        Set<String> reasons = new LinkedHashSet<>();
        Set<String> feedback = new LinkedHashSet<>();
        for (TestOutcome outcome : outcomes) {
            if (outcome.passed()) {
                reasons.addAll(outcome.grade().reasons());
            }
            if (!outcome.grade().feedback().isBlank()) {
                feedback.add(outcome.grade().feedback());
            }
        }
        if (!reasons.isEmpty()) {
            StringBuilder list = new StringBuilder("Partial credit:");
            for (String reason : reasons) {
                list.append("\n- ").append(reason.replace("\n", "\n  "));
            }
            parts.add(list.toString());
        }
        parts.addAll(feedback);
        return String.join("\n\n", parts);
    }

    private static String verb(OutcomeStatus status) {
        return status == OutcomeStatus.NOT_RUN ? "did not run" : "failed";
    }
}
