package nnlab.grading.attacks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import nnlab.grading.results.GradescopeResults;
import nnlab.grading.results.TestResult;

/**
 * Compares the results of grading an attack case with what its {@code case.properties} expects: every test's score
 * (full points unless the case says otherwise), the test outputs' and the top-level output's patterns, and that every
 * test number the case names exists.
 */
final class Expectations {

    private Expectations() {
    }

    /**
     * What differs from the expectation, one line each; empty when the results are as expected.
     *
     * @param attack  the case and its expectations
     * @param results the results written for it
     */
    static List<String> problems(AttackCase attack, GradescopeResults results) {
        List<String> problems = new ArrayList<>();
        Set<String> numbers = new TreeSet<>();
        for (TestResult test : results.tests()) {
            String number = test.number();
            numbers.add(number);
            double expected = attack.scores().getOrDefault(number, test.maxScore());
            if (Double.compare(test.score(), expected) != 0) {
                problems.add("test " + number + " (" + test.name() + ") scored " + test.score() + " of "
                        + test.maxScore() + ", expected " + expected + "; its output: " + test.output());
            }
            Pattern pattern = attack.testOutputs().get(number);
            String output = test.output() == null ? "" : test.output();
            if (pattern != null && !pattern.matcher(output).find()) {
                problems.add("the output of test " + number + " has no match of /" + pattern + "/: " + output);
            }
        }
        for (String named : union(attack.scores().keySet(), attack.testOutputs().keySet())) {
            if (!numbers.contains(named)) {
                problems.add("the case names test " + named + ", but the results have only tests " + numbers);
            }
        }
        String output = results.output() == null ? "" : results.output();
        for (Map.Entry<String, Pattern> expected : attack.outputs().entrySet()) {
            if (!expected.getValue().matcher(output).find()) {
                problems.add("the top-level output has no match of output." + expected.getKey() + " = /"
                        + expected.getValue() + "/: " + output);
            }
        }
        return problems;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
