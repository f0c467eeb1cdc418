"""PyTorch 1.13 reference trajectories for nnlab.optim and nnlab.optim.lr.

Run with Debian's torch:  /usr/bin/python3 src/test/resources/parity/generate_optim.py

optim/<config>.safetensors, one per optimizer configuration (see OPTIMIZERS):
    param0.init [3, 4], param1.init [5]        F32  starting values (seeded randn)
    grad0 [10, 3, 4], grad1 [10, 5]            F32  the gradient for each of the 10 steps (seeded randn);
                                                    grad0[:, 0, 0] is 0 at every step and grad1[4, 2] is 0
    grad1.present [10]                         I64  0 where param1 has no gradient (grad = None) at that step,
                                                    so its state starts one step late
    param0.steps [10, 3, 4], param1.steps [10, 5]   F32  the values after each step
    metadata: optimizer (class name), torch (version), and the constructor arguments as strings
lr/<config>.safetensors, one per scheduler configuration (see SCHEDULERS), base lr 0.1:
    lrs [50]      F64  get_last_lr()[0] after construction (epoch 0) and after each of 49 further step() calls
    metrics [50]  F64  (ReduceLROnPlateau only) the metric passed to step() at each epoch;
                       lrs[e] is the lr after step(metrics[e])
    metadata: scheduler (class name), torch (version), and the arguments as strings
"""
import math
import os
import sys
import warnings

import torch
from torch.optim import SGD, Adam, AdamW, Adagrad, RMSprop
from torch.optim import lr_scheduler as sched

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fixtures import out_path, save  # noqa: E402

STEPS = 10
EPOCHS = 50
SEED = 20240607

# name -> (class, kwargs); foreach=False everywhere pins the single-tensor code path nnlab mirrors.
OPTIMIZERS = {
    "sgd_plain": (SGD, dict(lr=0.1)),
    "sgd_momentum": (SGD, dict(lr=0.05, momentum=0.9)),
    "sgd_nesterov_weight_decay": (SGD, dict(lr=0.05, momentum=0.9, nesterov=True, weight_decay=0.05)),
    "sgd_dampening": (SGD, dict(lr=0.05, momentum=0.9, dampening=0.5)),
    "adam_default": (Adam, dict()),
    "adam_amsgrad": (Adam, dict(lr=0.01, amsgrad=True)),
    "adam_weight_decay": (Adam, dict(lr=0.01, betas=(0.8, 0.99), weight_decay=0.1)),
    "adamw": (AdamW, dict(lr=0.01)),
    "adamw_amsgrad": (AdamW, dict(lr=0.01, weight_decay=0.1, amsgrad=True)),
    "adagrad_default": (Adagrad, dict()),
    "adagrad_decay": (Adagrad, dict(lr=0.1, lr_decay=0.05, weight_decay=0.1, initial_accumulator_value=0.1)),
    "rmsprop_plain": (RMSprop, dict(lr=0.01)),
    "rmsprop_centered_momentum_weight_decay": (RMSprop, dict(lr=0.01, centered=True, momentum=0.9, weight_decay=0.1)),
}


def optimizer_fixture(name, cls, kwargs):
    g = torch.Generator().manual_seed(SEED)
    p0 = torch.randn(3, 4, generator=g)
    p1 = torch.randn(5, generator=g)
    grad0 = torch.randn(STEPS, 3, 4, generator=g)
    grad1 = torch.randn(STEPS, 5, generator=g)
    grad0[:, 0, 0] = 0.0
    grad1[4, 2] = 0.0
    present1 = torch.ones(STEPS, dtype=torch.int64)
    present1[0] = 0
    params = [torch.nn.Parameter(p0.clone()), torch.nn.Parameter(p1.clone())]
    opt = cls(params, foreach=False, **kwargs)
    steps0, steps1 = [], []
    for t in range(STEPS):
        params[0].grad = grad0[t].clone()
        params[1].grad = grad1[t].clone() if present1[t] else None
        opt.step()
        steps0.append(params[0].detach().clone())
        steps1.append(params[1].detach().clone())
    meta = {"optimizer": cls.__name__, "torch": torch.__version__}
    meta.update({k: (",".join(map(repr, v)) if isinstance(v, tuple) else repr(v)) for k, v in kwargs.items()})
    save({"param0.init": p0, "param1.init": p1, "grad0": grad0, "grad1": grad1, "grad1.present": present1,
          "param0.steps": torch.stack(steps0), "param1.steps": torch.stack(steps1)},
         out_path("optim", name), meta)


def new_optimizer():
    return SGD([torch.nn.Parameter(torch.zeros(1))], lr=0.1)


def plateau_metrics(mode):
    """A loss (min) or accuracy (max) that improves, stalls, wiggles within the threshold, improves again."""
    out = []
    for e in range(EPOCHS):
        trend = 1.0 / (1 + min(e, 8) + max(0, min(e, 30) - 20) * 0.5)  # improves until 8, flat, improves 20-30, flat
        wiggle = 1e-5 * math.sin(e)  # below the rel threshold 1e-4 of values near 0.1-1
        loss = trend + wiggle
        out.append(loss if mode == "min" else 1.0 - loss)
    return out


SCHEDULERS = {
    "step_lr": lambda o: (sched.StepLR(o, step_size=7, gamma=0.3), dict(step_size=7, gamma=0.3)),
    "multistep_lr": lambda o: (sched.MultiStepLR(o, milestones=[5, 12, 30], gamma=0.2), dict(milestones="5,12,30", gamma=0.2)),
    "exponential_lr": lambda o: (sched.ExponentialLR(o, gamma=0.93), dict(gamma=0.93)),
    "cosine_lr": lambda o: (sched.CosineAnnealingLR(o, T_max=20, eta_min=0.001), dict(T_max=20, eta_min=0.001)),
    "cosine_lr_no_floor": lambda o: (sched.CosineAnnealingLR(o, T_max=13), dict(T_max=13, eta_min=0)),
    "linear_lr_default": lambda o: (sched.LinearLR(o), dict(start_factor=1 / 3, end_factor=1.0, total_iters=5)),
    "linear_lr_decay": lambda o: (sched.LinearLR(o, start_factor=1.0, end_factor=0.1, total_iters=30),
                                  dict(start_factor=1.0, end_factor=0.1, total_iters=30)),
    "sequential_linear_cosine": lambda o: (sched.SequentialLR(o, [sched.LinearLR(o, start_factor=0.1, total_iters=5),
                                                                  sched.CosineAnnealingLR(o, T_max=45)], milestones=[5]),
                                           dict(schedulers="LinearLR(start_factor=0.1,total_iters=5),CosineAnnealingLR(T_max=45)",
                                                milestones="5")),
    "sequential_linear_step": lambda o: (sched.SequentialLR(o, [sched.LinearLR(o, start_factor=0.25, total_iters=4),
                                                                sched.StepLR(o, step_size=10, gamma=0.5)], milestones=[4]),
                                         dict(schedulers="LinearLR(start_factor=0.25,total_iters=4),StepLR(step_size=10,gamma=0.5)",
                                              milestones="4")),
    "sequential_three": lambda o: (sched.SequentialLR(o, [sched.LinearLR(o, start_factor=0.5, total_iters=3),
                                                          sched.ExponentialLR(o, gamma=0.9),
                                                          sched.MultiStepLR(o, milestones=[3, 10], gamma=0.5)], milestones=[5, 20]),
                                   dict(schedulers="LinearLR(start_factor=0.5,total_iters=3),ExponentialLR(gamma=0.9),"
                                                   "MultiStepLR(milestones=[3,10],gamma=0.5)", milestones="5,20")),
}

PLATEAUS = {
    "plateau_min": dict(mode="min", factor=0.5, patience=3, threshold=1e-4, threshold_mode="rel", cooldown=2, min_lr=0.004),
    "plateau_max": dict(mode="max", factor=0.3, patience=2, threshold=0.01, threshold_mode="abs", cooldown=0, min_lr=0.0),
}


def scheduler_fixture(name, make):
    o = new_optimizer()
    s, args = make(o)
    lrs = [s.get_last_lr()[0]]
    for _ in range(EPOCHS - 1):
        o.step()
        s.step()
        lrs.append(s.get_last_lr()[0])
    meta = {"scheduler": type(s).__name__, "torch": torch.__version__, "lr": "0.1"}
    meta.update({k: str(v) for k, v in args.items()})
    save({"lrs": torch.tensor(lrs, dtype=torch.float64)}, out_path("lr", name), meta)


def plateau_fixture(name, kwargs):
    o = new_optimizer()
    s = sched.ReduceLROnPlateau(o, **kwargs)
    metrics = plateau_metrics(kwargs["mode"])
    lrs = []
    for m in metrics:
        o.step()
        s.step(m)
        lrs.append(o.param_groups[0]["lr"])
    meta = {"scheduler": "ReduceLROnPlateau", "torch": torch.__version__, "lr": "0.1"}
    meta.update({k: str(v) for k, v in kwargs.items()})
    save({"lrs": torch.tensor(lrs, dtype=torch.float64), "metrics": torch.tensor(metrics, dtype=torch.float64)},
         out_path("lr", name), meta)


def main():
    warnings.simplefilter("ignore")  # SequentialLR's step(0) warns about the deprecated epoch argument
    for name, (cls, kwargs) in OPTIMIZERS.items():
        optimizer_fixture(name, cls, kwargs)
    for name, make in SCHEDULERS.items():
        scheduler_fixture(name, make)
    for name, kwargs in PLATEAUS.items():
        plateau_fixture(name, kwargs)


if __name__ == "__main__":
    main()
