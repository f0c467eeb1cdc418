/**
 * The grading API for graded JUnit 5 suites (public and hidden): {@code @Graded} tests with points, partial
 * credit, markdown feedback and leaderboard entries, and Hamcrest matchers for tensors.
 */
package nnlab.grading;
