package nnlab.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nnlab.tensor.Tensor;

/**
 * Base class of every layer and model, as {@code torch.nn.Module}, with the backward pass written by hand.
 *
 * <p><b>Forward and backward.</b> {@link #forward(Tensor)} computes the output and keeps what the backward
 * pass needs in cache fields; {@link #backward(Tensor)} takes {@code dL/dy} (same shape as the output),
 * <em>adds</em> {@code dL/dθ} to each parameter's grad and returns {@code dL/dx} (same shape as the input).
 * A subclass implements {@link #doForward(Tensor)} and {@link #doBackward(Tensor)}; this class checks the
 * protocol around them so that mistakes give an error instead of a silently wrong gradient:
 * <ul>
 *   <li>backward before any forward, or a second backward after one forward (the cache belongs to one
 *       forward; PyTorch's "Trying to backward through the graph a second time");</li>
 *   <li>backward after the module was switched between {@link #train()} and {@link #eval()} since the forward
 *       (the cache was made in the other mode);</li>
 *   <li>{@code gradOut} whose shape is not the output's, and an implementation returning {@code dx} whose
 *       shape is not the input's.</li>
 * </ul>
 * A new forward replaces the cache of an earlier one, so evaluating without backward is always allowed.
 *
 * <p><b>Parameters, buffers, children.</b> A subclass registers its state in its constructor with
 * {@link #registerParameter}, {@link #registerBuffer} and {@link #registerModule}; registration order gives
 * PyTorch's names: {@code namedParameters()} of an AlexNet-style model yields {@code features.0.weight, ...,
 * classifier.6.bias}, and {@link #stateDict()} has the same keys as PyTorch's, so weights move between the two
 * (see {@code nnlab.io.SafeTensors}).
 *
 * <p><b>Modes.</b> Modules start in training mode. {@link #train()} and {@link #eval()} set the mode of the
 * whole subtree; Dropout and BatchNorm behave differently in each (see their docs).
 */
public abstract class Module {

    private final Map<String, Parameter> parameters = new LinkedHashMap<>();
    private final Map<String, Tensor> buffers = new LinkedHashMap<>();
    private final Map<String, Module> children = new LinkedHashMap<>();
    private boolean training = true;

    private boolean backwardPending;
    private boolean forwardWasTraining;
    private int[] forwardInputShape;
    private int[] forwardOutputShape;

    // =============================================================== forward / backward

    /**
     * Computes the output for input {@code x} and remembers what {@link #backward} needs.
     *
     * @throws IllegalArgumentException if {@code x} has a shape this module does not accept
     */
    public final Tensor forward(Tensor x) {
        if (x == null) {
            throw new IllegalArgumentException(describe() + ".forward: input is null");
        }
        Tensor y = doForward(x);
        forwardInputShape = x.shape();
        forwardOutputShape = y.shape();
        forwardWasTraining = training;
        backwardPending = true;
        return y;
    }

    /**
     * Back-propagates {@code gradOut = dL/dy} through the last forward: accumulates parameter gradients and
     * returns {@code dL/dx}.
     *
     * @throws IllegalStateException    if there is no forward to go back through (see the class comment)
     * @throws IllegalArgumentException if {@code gradOut} does not have the output's shape
     */
    public final Tensor backward(Tensor gradOut) {
        if (!backwardPending) {
            throw new IllegalStateException(describe() + ".backward called " + (forwardInputShape == null
                    ? "before any forward" : "twice after one forward")
                    + "; call forward(x) first: each forward allows exactly one backward");
        }
        if (forwardWasTraining != training) {
            throw new IllegalStateException(describe() + ".backward: the forward ran in "
                    + modeName(forwardWasTraining) + " mode but the module is now in " + modeName(training)
                    + " mode; call forward again after switching modes");
        }
        if (gradOut == null || !Arrays.equals(gradOut.shape(), forwardOutputShape)) {
            throw new IllegalArgumentException(describe() + ".backward expects gradOut of shape "
                    + Arrays.toString(forwardOutputShape) + " (the shape forward returned), got "
                    + (gradOut == null ? "null" : Arrays.toString(gradOut.shape())));
        }
        backwardPending = false;
        Tensor dx = doBackward(gradOut);
        if (dx == null || !Arrays.equals(dx.shape(), forwardInputShape)) {
            throw new IllegalStateException(getClass().getSimpleName() + ".doBackward returned dx of shape "
                    + (dx == null ? "null" : Arrays.toString(dx.shape())) + " but the input had shape "
                    + Arrays.toString(forwardInputShape) + "; dL/dx always has the input's shape");
        }
        return dx;
    }

    /** The forward computation; see {@link #forward(Tensor)}. Keep what backward needs in fields. */
    protected abstract Tensor doForward(Tensor x);

    /** The backward computation for the last forward; see {@link #backward(Tensor)}. */
    protected abstract Tensor doBackward(Tensor gradOut);

    // =============================================================== registration

    /** Registers a parameter under {@code name} (no dots) and returns it. */
    protected final Parameter registerParameter(String name, Parameter parameter) {
        checkNewName(name);
        parameters.put(name, parameter);
        return parameter;
    }

    /**
     * Registers a buffer: state that is saved in {@link #stateDict()} but is not trained, e.g. BatchNorm's
     * {@code running_mean}. Returns it.
     */
    protected final Tensor registerBuffer(String name, Tensor buffer) {
        checkNewName(name);
        buffers.put(name, buffer);
        return buffer;
    }

    /** Registers a child module under {@code name}; its parameters are named {@code name.<its names>}. */
    protected final <M extends Module> M registerModule(String name, M module) {
        checkNewName(name);
        children.put(name, requireModule(name, module));
        return module;
    }

    /** Replaces the registered child {@code name} (e.g. a new classifier head), keeping its position. */
    protected final void replaceModule(String name, Module module) {
        if (!children.containsKey(name)) {
            throw new IllegalArgumentException(describe() + " has no child named '" + name + "'; children: "
                    + children.keySet());
        }
        children.put(name, requireModule(name, module));
    }

    /** The buffer registered as {@code name} (for subclasses). */
    protected final Tensor buffer(String name) {
        return buffers.get(name);
    }

    private void checkNewName(String name) {
        if (name == null || name.isEmpty() || name.contains(".")) {
            throw new IllegalArgumentException("invalid name '" + name + "': use a non-empty name without dots");
        }
        if (parameters.containsKey(name) || buffers.containsKey(name) || children.containsKey(name)) {
            throw new IllegalArgumentException(describe() + " already has a member named '" + name + "'");
        }
    }

    private static Module requireModule(String name, Module module) {
        if (module == null) {
            throw new IllegalArgumentException("child module '" + name + "' is null");
        }
        return module;
    }

    // =============================================================== traversal

    /** Every parameter of this module and its descendants, in registration order (frozen ones included). */
    public final List<Parameter> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    /** Parameters with PyTorch-style dotted names, e.g. {@code 0.weight}, {@code classifier.6.bias}. */
    public final Map<String, Parameter> namedParameters() {
        Map<String, Parameter> out = new LinkedHashMap<>();
        collectParameters("", out);
        return out;
    }

    private void collectParameters(String prefix, Map<String, Parameter> out) {
        parameters.forEach((name, p) -> out.put(prefix + name, p));
        children.forEach((name, child) -> child.collectParameters(prefix + name + ".", out));
    }

    /** The direct children, in registration order. */
    public final List<Module> children() {
        return new ArrayList<>(children.values());
    }

    /** The direct children by name (read-only). */
    public final Map<String, Module> namedChildren() {
        return Collections.unmodifiableMap(children);
    }

    /** Total number of scalars in all parameters, e.g. 7850 for {@code Linear(784, 10)}. */
    public final long numParameters() {
        long n = 0;
        for (Parameter p : parameters()) {
            n += p.numel();
        }
        return n;
    }

    // =============================================================== modes and gradients

    /** Switches this module and all descendants to training mode; returns this. */
    public Module train() {
        return train(true);
    }

    /** Sets training mode ({@code true}) or evaluation mode ({@code false}) for the whole subtree; returns this. */
    public Module train(boolean mode) {
        training = mode;
        for (Module child : children.values()) {
            child.train(mode);
        }
        return this;
    }

    /** Switches this module and all descendants to evaluation mode ({@code model.eval()}); returns this. */
    public Module eval() {
        return train(false);
    }

    /** Whether this module is in training mode. */
    public final boolean isTraining() {
        return training;
    }

    /** Zeros the gradients of all parameters (they accumulate otherwise; see {@link Parameter}). */
    public final void zeroGrad() {
        for (Parameter p : parameters()) {
            p.zeroGrad();
        }
    }

    /** Sets {@code requiresGrad} of every parameter in the subtree; {@code false} freezes them. Returns this. */
    public Module requiresGrad(boolean flag) {
        for (Parameter p : parameters()) {
            p.setRequiresGrad(flag);
        }
        return this;
    }

    // =============================================================== state dict

    /**
     * Parameters and buffers by dotted name, in PyTorch's order (a module's parameters, then its buffers, then
     * its children's). The tensors are copies: changing them does not change the module.
     */
    public final Map<String, Tensor> stateDict() {
        Map<String, Tensor> live = new LinkedHashMap<>();
        collectState("", live);
        Map<String, Tensor> out = new LinkedHashMap<>();
        live.forEach((k, v) -> out.put(k, v.copy()));
        return out;
    }

    private void collectState(String prefix, Map<String, Tensor> out) {
        parameters.forEach((name, p) -> out.put(prefix + name, p.value()));
        buffers.forEach((name, b) -> out.put(prefix + name, b));
        children.forEach((name, child) -> child.collectState(prefix + name + ".", out));
    }

    /**
     * Copies values from {@code state} into this module's parameters and buffers, as PyTorch's
     * {@code load_state_dict}. Everything is checked before anything is copied, so a failed load changes nothing.
     *
     * @param strict if true, missing and unexpected keys are errors; if false they are only reported
     * @return the keys this module has but {@code state} lacks, and the keys of {@code state} this module lacks
     * @throws IllegalArgumentException for a shape mismatch (always), or for missing/unexpected keys when strict
     */
    public final StateDictLoad loadStateDict(Map<String, Tensor> state, boolean strict) {
        return StateDictLoad.apply(this, liveState(), state, strict);
    }

    /** {@code loadStateDict(state, true)}. */
    public final StateDictLoad loadStateDict(Map<String, Tensor> state) {
        return loadStateDict(state, true);
    }

    private Map<String, Tensor> liveState() {
        Map<String, Tensor> live = new LinkedHashMap<>();
        collectState("", live);
        return live;
    }

    // =============================================================== printing

    /**
     * Extra text inside the parentheses of {@link #toString()}, e.g. {@code in_features=784, out_features=10,
     * bias=true} for Linear, as PyTorch's {@code extra_repr}. Empty by default.
     */
    protected String extraRepr() {
        return "";
    }

    /** One line naming this module, e.g. {@code Linear(in_features=784, out_features=10, bias=true)}. */
    protected final String describe() {
        return getClass().getSimpleName() + "(" + extraRepr() + ")";
    }

    /** A PyTorch-style tree: {@code Sequential(\n  (0): Linear(...)\n  (1): ReLU()\n)}. */
    @Override
    public String toString() {
        if (children.isEmpty()) {
            return describe();
        }
        StringBuilder sb = new StringBuilder(getClass().getSimpleName()).append("(");
        if (!extraRepr().isEmpty()) {
            sb.append(extraRepr());
        }
        sb.append("\n");
        children.forEach((name, child) -> sb.append("  (").append(name).append("): ")
                .append(child.toString().replace("\n", "\n  ")).append("\n"));
        return sb.append(")").toString();
    }

    private static String modeName(boolean training) {
        return training ? "train()" : "eval()";
    }
}
