/**
 * The runner's test JVMs: hidden test classes run one at a time in fresh, limited JVMs, and every test is
 * accounted for even when the student's code kills, hangs or floods its JVM.
 *
 * <ul>
 *   <li>{@link nnlab.grading.runner.ForkedTestRun} runs a class and returns a
 *       {@link nnlab.grading.runner.ClassRunResult}: a {@link nnlab.grading.runner.TestOutcome} per test (passed,
 *       failed or not run, with the reason and the {@code @Graded} report), the JVMs it took, and the isolation;</li>
 *   <li>{@link nnlab.grading.runner.TestJvmOptions} sets the limits: JUnit's per-test time-out, the wall-clock
 *       limit of a JVM, heap, stack, processors, processes, file size and output;</li>
 *   <li>{@link nnlab.grading.runner.Isolation} walls the JVM off: bubblewrap, {@code unshare} or nothing, as
 *       user {@code nobody} where the runner is root, with {@code prlimit} limits;</li>
 *   <li>{@link nnlab.grading.runner.TestJvmMain} is the test JVM's main class; it reports over an outcome file
 *       the runner owns, never over standard output.</li>
 * </ul>
 */
package nnlab.grading.runner;
