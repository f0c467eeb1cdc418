#!/usr/bin/env bash
# Runs the MNIST epoch benchmark of nnlab (simd backend by default) and of PyTorch CPU (2 threads) one after
# the other, on an otherwise idle machine, and prints the Markdown table for docs/benchmarks.md. Output files
# go to target/bench/. Extra arguments go to `nnlab bench epoch` (e.g. --epochs 3 --backends simd,opencl).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/target/bench"
mkdir -p "$out"
python=/usr/bin/python3
[ -x "$python" ] || python=python3
load="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
"$root/nnlab" bench epoch --json --backends simd "$@" | tee "$out/epoch-nnlab.jsonl"
"$python" "$root/bench/epoch_pytorch.py" --threads 2 | tee "$out/epoch-pytorch.jsonl"
{
  echo "Machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores; $(java -version 2>&1 | head -n 1);"
  echo "PyTorch $("$python" -c 'import torch; print(torch.__version__)'); date $(date -u +%Y-%m-%d);"
  echo "load average at the start $load, at the end $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')."
  echo
  "$python" "$root/bench/epoch_report.py" "$out/epoch-nnlab.jsonl" "$out/epoch-pytorch.jsonl"
} | tee "$out/epoch-table.md"
