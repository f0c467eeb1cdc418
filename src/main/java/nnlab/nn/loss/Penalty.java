package nnlab.nn.loss;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import nnlab.nn.Module;
import nnlab.nn.Parameter;

/**
 * A regularization term {@code λ · Σ_p Σ_i r(p_i)} over chosen parameters, added to a data loss by hand as in
 * PyTorch courses:
 * <pre>{@code
 *   // PyTorch: loss = ce + lam * sum(p.abs().sum() for p in model.parameters()); loss.backward()
 *   List<Parameter> params = model.parameters();           // or Penalty.weightsOf(model)
 *   float loss = ce.forward(model.forward(x), y) + l1.value(params);
 *   model.backward(ce.backward());
 *   l1.backward(params);                                    // adds λ · r'(p) to every p.grad
 *   optimizer.step();
 * }</pre>
 * {@link #value} counts every given parameter, frozen ones included (as PyTorch's expression does: they are
 * constants there); {@link #backward} adds to the gradient of the parameters that require grad only, and
 * creates a zero gradient first where there is none. Sums run in double.
 */
public abstract class Penalty {

    private final double lambda;

    /** @param lambda the strength {@code λ}, finite and {@code >= 0} */
    protected Penalty(double lambda) {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": lambda must be finite and >= 0, got "
                    + lambda + "; typical values are 1e-5 to 1e-2");
        }
        this.lambda = lambda;
    }

    /** The strength {@code λ}. */
    public final double lambda() {
        return lambda;
    }

    /** {@code λ · Σ_p Σ_i r(p_i)} over {@code parameters}, to add to the data loss. */
    public final float value(Iterable<Parameter> parameters) {
        double sum = 0;
        for (Parameter p : checked(parameters)) {
            for (float v : p.value().data()) {
                sum += term(v);
            }
        }
        return (float) (lambda * sum);
    }

    /** Adds {@code λ · r'(p_i)} to the gradient of every parameter in {@code parameters} that requires grad. */
    public final void backward(Iterable<Parameter> parameters) {
        for (Parameter p : checked(parameters)) {
            if (!p.requiresGrad()) {
                continue;
            }
            float[] v = p.value().data();
            float[] g = p.gradBuffer().data();
            for (int i = 0; i < v.length; i++) {
                g[i] += (float) (lambda * derivative(v[i]));
            }
        }
    }

    /** The per-element term {@code r(v)}. */
    protected abstract double term(float v);

    /** Its derivative {@code r'(v)}. */
    protected abstract double derivative(float v);

    /**
     * The parameters of {@code model} whose name is {@code weight} or ends in {@code .weight}: the usual choice
     * for regularization, which leaves biases alone. Note that BatchNorm's scale is also called {@code weight}.
     */
    public static List<Parameter> weightsOf(Module model) {
        return select(model, name -> name.equals("weight") || name.endsWith(".weight"));
    }

    /** The parameters of {@code model} whose dotted name (as in {@code namedParameters()}) passes {@code byName}. */
    public static List<Parameter> select(Module model, Predicate<String> byName) {
        List<Parameter> chosen = new ArrayList<>();
        for (Map.Entry<String, Parameter> e : model.namedParameters().entrySet()) {
            if (byName.test(e.getKey())) {
                chosen.add(e.getValue());
            }
        }
        return chosen;
    }

    private Iterable<Parameter> checked(Iterable<Parameter> parameters) {
        if (parameters == null) {
            throw new IllegalArgumentException(getClass().getSimpleName()
                    + ": parameters are null; pass e.g. model.parameters() or Penalty.weightsOf(model)");
        }
        for (Parameter p : parameters) {
            if (p == null) {
                throw new IllegalArgumentException(getClass().getSimpleName() + ": the parameter list holds null");
            }
        }
        return parameters;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + lambda + ")";
    }
}
