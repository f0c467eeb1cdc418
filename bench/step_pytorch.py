#!/usr/bin/env python3
"""The same training-step benchmark as `nnlab bench step`, measured through PyTorch on the CPU.

Prints one JSON object per line with the keys of `nnlab bench step --json`
(backend, model, batch, threads, ms, images_per_s, runs), backend "pytorch-cpu". Models and method as in
nnlab's StepBenchmark: mlp = Linear(784,1000) ReLU Linear(1000,10), batch 128, Adam lr 1e-3; cnn =
Conv2d(1,32,3,padding=1) ReLU MaxPool2d(2) Conv2d(32,64,3,padding=1) ReLU MaxPool2d(2) Flatten
Linear(3136,10), batch 64, SGD lr 0.01 momentum 0.9. One step = zero_grad, forward, CrossEntropyLoss,
backward, optimizer step. Seeded inputs in [0, 1) and labels 0..9; warm-up of at least 2 steps and
--warmup seconds, then timed steps until at least --min-time seconds and 5 steps; the figure is the median.

Requires Debian's python3-torch: apt-get install python3-torch libopenblas0
"""
import argparse
import json
import statistics
import sys
import time

try:
    import torch
    from torch import nn
except ImportError:
    sys.exit("step_pytorch.py: PyTorch is missing; install it with: apt-get install python3-torch libopenblas0")

SEED = 20261125
MIN_RUNS = 5
MAX_RUNS = 10000


def build(model):
    torch.manual_seed(SEED)
    g = torch.Generator().manual_seed(SEED)
    if model == "mlp":
        net = nn.Sequential(nn.Linear(784, 1000), nn.ReLU(), nn.Linear(1000, 10))
        opt = torch.optim.Adam(net.parameters(), lr=1e-3)
        batch = 128
        x = torch.rand(batch, 784, generator=g)
    else:
        net = nn.Sequential(nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                            nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                            nn.Flatten(), nn.Linear(64 * 7 * 7, 10))
        opt = torch.optim.SGD(net.parameters(), lr=0.01, momentum=0.9)
        batch = 64
        x = torch.rand(batch, 1, 28, 28, generator=g)
    y = torch.randint(0, 10, (batch,), generator=g)
    return net, opt, x, y, batch


def measure(model, warmup, min_time):
    net, opt, x, y, batch = build(model)
    net.train()
    loss_fn = nn.CrossEntropyLoss()

    def step():
        opt.zero_grad()
        loss = loss_fn(net(x), y)
        loss.backward()
        opt.step()

    start = time.perf_counter()
    steps = 0
    while steps < 2 or time.perf_counter() - start < warmup:
        step()
        steps += 1
    times = []
    while len(times) < MIN_RUNS or (sum(times) < min_time and len(times) < MAX_RUNS):
        t0 = time.perf_counter()
        step()
        times.append(time.perf_counter() - t0)
    ms = statistics.median(times) * 1e3
    return {"backend": "pytorch-cpu", "model": model, "batch": batch, "threads": torch.get_num_threads(),
            "ms": round(ms, 3), "images_per_s": round(batch * 1e3 / ms, 1), "runs": len(times)}


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--threads", type=int, default=2, help="torch threads (default: 2)")
    p.add_argument("--models", default="mlp,cnn", help="comma-separated: mlp, cnn (default: both)")
    p.add_argument("--min-time", type=float, default=2.0, help="timed seconds per model (default: 2)")
    p.add_argument("--warmup", type=float, default=1.0, help="warm-up seconds per model (default: 1)")
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    for model in args.models.split(","):
        if model not in ("mlp", "cnn"):
            sys.exit(f"step_pytorch.py: unknown model '{model}'; choose from mlp, cnn")
        print(json.dumps(measure(model, args.warmup, args.min_time)), flush=True)


if __name__ == "__main__":
    main()
