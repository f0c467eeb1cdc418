/**
 * Learning-rate schedulers with PyTorch 1.13's semantics: the epoch-based {@link nnlab.optim.lr.LRScheduler}s
 * {@link nnlab.optim.lr.StepLR}, {@link nnlab.optim.lr.MultiStepLR}, {@link nnlab.optim.lr.ExponentialLR},
 * {@link nnlab.optim.lr.CosineAnnealingLR}, {@link nnlab.optim.lr.LinearLR} and
 * {@link nnlab.optim.lr.SequentialLR}, and the metric-driven {@link nnlab.optim.lr.ReduceLROnPlateau}.
 *
 * <p>A scheduler wraps an {@link nnlab.optim.Optimizer} and sets its lr; call {@code step()} once per epoch,
 * after the epoch's {@code optimizer.step()} calls. The formulas are PyTorch's recursive ("chainable")
 * ones, evaluated in the same order in double precision, so the learning rates agree with PyTorch's to
 * the last bit or two (at most 6e-16 relative over the parity tests' 50-epoch schedules).
 */
package nnlab.optim.lr;
