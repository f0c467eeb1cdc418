#!/usr/bin/env python3
"""Turns JSON lines from `nnlab bench step --json` and step_pytorch.py into the Markdown table of
docs/benchmarks.md: milliseconds per training step and images/s per model and backend, and each
backend's speed as a ratio to PyTorch CPU measured in the same run (above 1 = faster than PyTorch).

Usage: step_report.py RESULTS.jsonl [MORE.jsonl ...] > table.md
"""
import sys

from jsonlines import records

PEER = "pytorch-cpu"


def main(paths):
    rows = {}
    for r in records(paths):
        rows.setdefault(r["model"], {})[r["backend"]] = r
    print("| model (batch) | backend | threads | ms / step | images/s | speed vs PyTorch CPU |")
    print("|---|---|---|---|---|---|")
    for model, by in rows.items():
        peer = by.get(PEER)
        for backend, r in sorted(by.items(), key=lambda kv: kv[0] == PEER):
            ratio = f"{peer['ms'] / r['ms']:.2f}x" if peer and r["ms"] > 0 else "-"
            name = "PyTorch CPU" if backend == PEER else backend
            print(f"| {model} ({r['batch']}) | {name} | {r['threads']} | {r['ms']:.2f} | "
                  f"{r['images_per_s']:.0f} | {ratio} |")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
