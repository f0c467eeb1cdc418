package nnlab.nn;

import java.util.Iterator;
import java.util.List;
import nnlab.tensor.Tensor;

/**
 * A chain of modules applied in order, as {@code torch.nn.Sequential}: {@code forward} feeds each module's output
 * to the next; {@code backward} goes through them in reverse. Children are named {@code "0"}, {@code "1"}, ...,
 * so parameters are {@code 0.weight}, {@code 0.bias}, {@code 2.weight}, ...
 *
 * <pre>{@code
 * Sequential model = new Sequential(new Linear(784, 1000), new ReLU(), new Linear(1000, 10));
 * model.set(2, new Linear(1000, 5));   // replace the head, as model[2] = nn.Linear(1000, 5)
 * }</pre>
 */
public class Sequential extends Module implements Iterable<Module> {

    /** A chain of {@code modules} (none is allowed: then forward is the identity). */
    public Sequential(Module... modules) {
        for (Module m : modules) {
            add(m);
        }
    }

    /** Appends {@code module} under the next index; returns this. */
    public Sequential add(Module module) {
        registerModule(Integer.toString(size()), module);
        return this;
    }

    /** The module at {@code index}, as {@code model[index]}. */
    public Module get(int index) {
        checkIndex(index);
        return children().get(index);
    }

    /** Replaces the module at {@code index}, as {@code model[index] = module}; the new one keeps the name. */
    public void set(int index, Module module) {
        checkIndex(index);
        replaceModule(Integer.toString(index), module);
    }

    /** Number of modules. */
    public int size() {
        return namedChildren().size();
    }

    @Override
    public Iterator<Module> iterator() {
        return List.copyOf(children()).iterator();
    }

    @Override
    protected Tensor doForward(Tensor x) {
        Tensor out = x;
        for (Module m : children()) {
            out = m.forward(out);
        }
        return out;
    }

    @Override
    protected Tensor doBackward(Tensor gradOut) {
        List<Module> modules = children();
        Tensor grad = gradOut;
        for (int i = modules.size() - 1; i >= 0; i--) {
            grad = modules.get(i).backward(grad);
        }
        return grad;
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("Sequential index " + index + " out of range: it has " + size()
                    + " modules (0.." + (size() - 1) + ")");
        }
    }
}
