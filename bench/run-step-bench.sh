#!/usr/bin/env bash
# Runs the training-step benchmark of every nnlab backend and of PyTorch CPU (2 threads) in one go, on an
# otherwise idle machine, and prints the Markdown table for docs/benchmarks.md. Output files go to
# target/bench/. Extra arguments go to `nnlab bench step` (e.g. --min-time 5 --backends simd).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/target/bench"
mkdir -p "$out"
python=/usr/bin/python3
[ -x "$python" ] || python=python3
load="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
"$root/nnlab" bench step --json "$@" | tee "$out/step-nnlab.jsonl"
"$python" "$root/bench/step_pytorch.py" --threads 2 | tee "$out/step-pytorch.jsonl"
{
  echo "Machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores; $(java -version 2>&1 | head -n 1);"
  echo "PyTorch $("$python" -c 'import torch; print(torch.__version__)'); date $(date -u +%Y-%m-%d);"
  echo "load average at the start $load."
  echo
  "$python" "$root/bench/step_report.py" "$out/step-nnlab.jsonl" "$out/step-pytorch.jsonl"
} | tee "$out/step-table.md"
