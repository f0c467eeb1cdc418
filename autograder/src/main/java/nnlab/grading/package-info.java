/**
 * The grading API for graded JUnit 5 suites (public and hidden): {@code @Graded} tests with points, partial
 * credit, markdown feedback and leaderboard entries, and Hamcrest matchers for tensors.
 *
 * <ul>
 *   <li>{@link nnlab.grading.Graded} marks a test as worth points (see its javadoc for a complete example);</li>
 *   <li>inside it, {@link nnlab.grading.Grade#partial}, {@link nnlab.grading.Feedback#markdown} and
 *       {@link nnlab.grading.Leaderboard#report} record partial credit, feedback and leaderboard values;</li>
 *   <li>{@link nnlab.grading.GradingExtension} (registered by {@code @Graded}) publishes what a test recorded
 *       as a JUnit report entry, a {@link nnlab.grading.GradeReport} that the runner decodes;</li>
 *   <li>{@link nnlab.grading.TensorMatchers#allClose} compares tensors as {@code torch.allclose} and explains a
 *       mismatch (worst element, likely cause).</li>
 * </ul>
 *
 * <pre>{@code
 * @Test
 * @Graded(points = 2, number = "1.2")
 * void forwardMatchesReference() {
 *     assertThat(layer.forward(x), TensorMatchers.allClose(expected, 1e-5, 1e-6));
 * }
 * }</pre>
 */
package nnlab.grading;
