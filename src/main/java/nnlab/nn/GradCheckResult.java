package nnlab.nn;

import java.util.Arrays;
import java.util.List;

/**
 * The outcome of a {@link GradCheck}: for each checked tensor (the input, then each parameter by name) the
 * element with the largest relative error.
 *
 * @param subject   the checked module or loss, as printed
 * @param checks    one entry per checked tensor
 * @param tolerance the relative error allowed
 */
public record GradCheckResult(String subject, List<TensorCheck> checks, double tolerance) {

    public GradCheckResult {
        checks = List.copyOf(checks);
    }

    /**
     * The worst element of one tensor.
     *
     * @param name          {@code input}, {@code pred} or a parameter name such as {@code weight}
     * @param shape         the tensor's shape
     * @param index         the worst element's index
     * @param analytic      the gradient backward produced there
     * @param numeric       the central-difference estimate there
     * @param relativeError {@code |analytic - numeric| / max(|analytic|, |numeric|, floor)}; infinite for NaN
     * @param checked       how many elements were compared
     */
    public record TensorCheck(String name, int[] shape, int[] index, double analytic, double numeric,
                              double relativeError, int checked) {
    }

    /** Whether every checked element is within the tolerance. */
    public boolean passed() {
        return checks.stream().allMatch(c -> c.relativeError() <= tolerance);
    }

    /** The check with the largest error. */
    public TensorCheck worst() {
        TensorCheck w = checks.get(0);
        for (TensorCheck c : checks) {
            if (c.relativeError() > w.relativeError()) {
                w = c;
            }
        }
        return w;
    }

    /** Throws an {@link AssertionError} with {@link #message()} unless the check passed. */
    public void assertPassed() {
        if (!passed()) {
            throw new AssertionError(message());
        }
    }

    /** A report naming every failing tensor's worst element and a likely cause, or a one-line pass summary. */
    public String message() {
        StringBuilder sb = new StringBuilder();
        sb.append(passed() ? "GradCheck passed for " : "GradCheck FAILED for ").append(subject.replace("\n", " "))
                .append(" (tolerance ").append(tolerance).append(")");
        for (TensorCheck c : checks) {
            boolean bad = !(c.relativeError() <= tolerance);
            sb.append("\n  ").append(bad ? "FAIL " : "ok   ").append(c.name()).append(Arrays.toString(c.shape()))
                    .append(": worst at ").append(Arrays.toString(c.index()))
                    .append(String.format(" analytic %.6g, numeric %.6g, relative error %.3g (%d elements checked)",
                            c.analytic(), c.numeric(), c.relativeError(), c.checked()));
            if (bad) {
                sb.append("\n       ").append(hint(c));
            }
        }
        return sb.toString();
    }

    private static String hint(TensorCheck c) {
        double a = c.analytic();
        double n = c.numeric();
        if (Double.isNaN(a) || Double.isInfinite(a)) {
            return "backward produced " + a + ": look for overflow (exp of a large number; subtract the max first) "
                    + "or a division by zero";
        }
        if (Double.isNaN(n) || Double.isInfinite(n)) {
            return "the forward itself produced " + n + " near this point: it overflows (exp of a large number? "
                    + "subtract the max first) or divides by zero, so no gradient can be right there";
        }
        if (a == 0 && n != 0) {
            return "backward left this gradient at 0: is it computed and accumulated into the grad at all?";
        }
        double ratio = n / a;
        if (Math.abs(ratio + 1) < 0.05) {
            return "the gradient has the wrong sign";
        }
        if (Math.abs(ratio - Math.rint(ratio)) < 0.05 && Math.abs(ratio) >= 2) {
            return "numeric is " + Math.round(ratio) + "x analytic: a sum over the batch or a scale factor "
                    + "(such as 1/(1-p) or 1/N) may be missing";
        }
        if (Math.abs(1 / ratio - Math.rint(1 / ratio)) < 0.05 && Math.abs(1 / ratio) >= 2) {
            return "analytic is " + Math.round(1 / ratio) + "x numeric: a term is counted too often, or a 1/N is missing";
        }
        return "analytic and numeric disagree: re-derive this gradient (check transposes, which cached values "
                + "backward uses, and the train/eval branch)";
    }
}
