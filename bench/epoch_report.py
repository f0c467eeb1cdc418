#!/usr/bin/env python3
"""Turns JSON lines from `nnlab bench epoch --json` and epoch_pytorch.py into the Markdown table of
docs/benchmarks.md: seconds per MNIST training epoch and images/s per model and backend, each backend's time as
a ratio to PyTorch CPU's with the same thread count in the same run (time / PyTorch's time: below 1 = faster
than PyTorch), and the mean
training loss of the epoch (both sides train the same model from different random weights, so the losses
should be close, not equal).

Usage: epoch_report.py RESULTS.jsonl [MORE.jsonl ...] > table.md
"""
import sys

from jsonlines import records

PEER = "pytorch-cpu"


def main(paths):
    rows = {}
    for r in records(paths):
        rows.setdefault((r["model"], r["threads"]), {})[r["backend"]] = r
    print("| model (batch) | backend | threads | s / epoch | images/s | time vs PyTorch CPU | mean loss |")
    print("|---|---|---|---|---|---|---|")
    for (model, _), by in sorted(rows.items(), key=lambda kv: (kv[0][0] != "mlp", kv[0][1])):
        peer = by.get(PEER)
        for backend, r in sorted(by.items(), key=lambda kv: kv[0] == PEER):
            ratio = f"{r['seconds'] / peer['seconds']:.2f}x" if peer and peer["seconds"] > 0 else "-"
            name = "PyTorch CPU" if backend == PEER else backend
            print(f"| {model} ({r['batch']}) | {name} | {r['threads']} | {r['seconds']:.2f} | "
                  f"{r['images_per_s']:.0f} | {ratio} | {r['mean_loss']:.4f} |")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
