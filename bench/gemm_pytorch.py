#!/usr/bin/env python3
"""The same GEMM benchmark as `nnlab bench gemm`, measured through PyTorch on the CPU.

Prints one JSON object per line with the keys of `nnlab bench gemm --json`
(backend, m, n, k, threads, gflops), backend "pytorch-cpu". Method as in nnlab's GemmBenchmark:
seeded inputs in [-1, 1), warm-up of at least 2 calls and 0.3 s, then timed calls until at least
--min-time seconds and 3 calls; the figure is the median call.

Requires Debian's python3-torch (and libopenblas0 for a fast BLAS): apt-get install python3-torch libopenblas0
"""
import argparse
import json
import statistics
import sys
import time

try:
    import torch
except ImportError:
    sys.exit("gemm_pytorch.py: PyTorch is missing; install it with: apt-get install python3-torch libopenblas0")

SHAPES = [(256, 256, 256), (512, 512, 512), (1024, 1024, 1024), (2048, 2048, 2048), (128, 784, 1000)]  # m, k, n


def measure(m, k, n, min_time):
    g = torch.Generator().manual_seed(20261125)
    a = torch.rand(m, k, generator=g, dtype=torch.float32) * 2 - 1
    b = torch.rand(k, n, generator=g, dtype=torch.float32) * 2 - 1
    c = torch.empty(m, n, dtype=torch.float32)
    start = time.perf_counter()
    calls = 0
    while calls < 2 or time.perf_counter() - start < 0.3:
        torch.mm(a, b, out=c)
        calls += 1
    times = []
    while len(times) < 3 or (sum(times) < min_time and len(times) < 64):
        t0 = time.perf_counter()
        torch.mm(a, b, out=c)
        times.append(time.perf_counter() - t0)
    return 2.0 * m * n * k / statistics.median(times) / 1e9


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--threads", type=int, default=None, help="torch threads (default: all cores)")
    p.add_argument("--min-time", type=float, default=1.0, help="timed seconds per shape")
    args = p.parse_args()
    if args.threads:
        torch.set_num_threads(args.threads)
    else:
        import os
        torch.set_num_threads(len(os.sched_getaffinity(0)))
    for m, k, n in SHAPES:
        gflops = measure(m, k, n, args.min_time)
        print(json.dumps({"backend": "pytorch-cpu", "m": m, "n": n, "k": k,
                          "threads": torch.get_num_threads(), "gflops": round(gflops, 3)}), flush=True)


if __name__ == "__main__":
    main()
