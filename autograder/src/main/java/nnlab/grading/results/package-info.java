/**
 * Gradescope's {@code results.json}: an immutable model ({@link nnlab.grading.results.GradescopeResults},
 * {@link nnlab.grading.results.TestResult}, {@link nnlab.grading.results.LeaderboardEntry}), a deterministic, atomic
 * writer ({@link nnlab.grading.results.ResultsJson}) and the JSON Schema of the file
 * ({@value nnlab.grading.results.ResultsJson#SCHEMA_RESOURCE}).
 *
 * <p>The runner writes {@code results.json} for every submission, also when nothing could be graded:
 * <ul>
 *   <li>a test that failed: {@link nnlab.grading.results.TestResult#failed} (or
 *       {@link nnlab.grading.results.TestResult#partial} for partial credit), with the feedback as output;</li>
 *   <li>a crash (the test JVM died) or a time-out: every test that had not finished is failed with 0 points and
 *       an output that says what happened and what to check;</li>
 *   <li>a submission that does not compile: no test ran, so every expected test is failed with 0 points and a short
 *       "not run" output, and the compiler's messages go once into the top-level output. The student then sees
 *       what the assignment is worth and why nothing was awarded, and the maximum score stays that of the
 *       assignment.</li>
 * </ul>
 *
 * @see <a href="https://gradescope-autograders.readthedocs.io/en/latest/specs/">Gradescope autograder specifications</a>
 */
package nnlab.grading.results;
