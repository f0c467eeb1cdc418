#!/usr/bin/env python3
"""Turns JSON lines from `nnlab bench gemm --json` and gemm_pytorch.py into the Markdown table of
docs/benchmarks.md: GFLOP/s per backend and shape, and each nnlab backend as a ratio to PyTorch CPU and
to the naive Java triple loop measured in the same run.

Usage: gemm_report.py RESULTS.jsonl [MORE.jsonl ...] > table.md
"""
import sys

from jsonlines import records


def main(paths):
    rows = {}
    backends = []
    for r in records(paths):
        key = (r["m"], r["k"], r["n"])
        rows.setdefault(key, {})[r["backend"]] = r
        if r["backend"] not in backends:
            backends.append(r["backend"])
    nnlab = [b for b in backends if b not in ("naive", "pytorch-cpu")]
    head = ["m x k x n"] + [f"{b} GFLOP/s" for b in backends]
    head += [f"{b} / PyTorch" for b in nnlab] + [f"{b} / naive" for b in nnlab]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for (m, k, n), by in rows.items():
        cells = [f"{m}x{k}x{n}"]
        cells += [f"{by[b]['gflops']:.1f}" if b in by else "-" for b in backends]
        for peer in ("pytorch-cpu", "naive"):
            for b in nnlab:
                ok = b in by and peer in by and by[peer]["gflops"] > 0
                cells.append(f"{by[b]['gflops'] / by[peer]['gflops']:.2f}x" if ok else "-")
        print("| " + " | ".join(cells) + " |")
    threads = {b: next(r[b]["threads"] for r in rows.values() if b in r) for b in backends}
    print()
    print("Threads: " + ", ".join(f"{b} {t}" for b, t in threads.items()) + ".")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
