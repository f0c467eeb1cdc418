/**
 * Optimizers with PyTorch 1.13's update rules: {@link nnlab.optim.SGD} (momentum, Nesterov),
 * {@link nnlab.optim.Adam}, {@link nnlab.optim.AdamW}, {@link nnlab.optim.Adagrad} and
 * {@link nnlab.optim.RMSprop}, on the common base {@link nnlab.optim.Optimizer}.
 *
 * <p>Each optimizer's javadoc gives its update rule in PyTorch's pseudo-code, its defaults and what it
 * keeps per parameter; the {@code step()} loops follow that pseudo-code line by line on the parameters'
 * {@code float[]} data. Hyper-parameters are set with fluent setters that validate like PyTorch:
 * <pre>{@code
 * Optimizer opt = new SGD(model.parameters(), 0.1).momentum(0.9).weightDecay(5e-4);
 * }</pre>
 * {@link nnlab.optim.Optimizer#stateDict()} and {@link nnlab.optim.Optimizer#loadStateDict} save and
 * restore everything needed to continue training exactly ({@link nnlab.optim.OptimizerState}).
 * Learning-rate schedules live in {@link nnlab.optim.lr}.
 */
package nnlab.optim;
