#!/usr/bin/env bash
# Runs the GEMM benchmark of every nnlab backend and of PyTorch CPU in one go, on an otherwise idle
# machine, and prints the Markdown table for docs/benchmarks.md. Output files go to target/bench/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/target/bench"
mkdir -p "$out"
python=/usr/bin/python3
[ -x "$python" ] || python=python3
"$root/nnlab" bench gemm --json "$@" | tee "$out/gemm-nnlab.jsonl"
"$python" "$root/bench/gemm_pytorch.py" | tee "$out/gemm-pytorch.jsonl"
{
  echo "Machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores; $(java -version 2>&1 | head -n 1);"
  echo "PyTorch $("$python" -c 'import torch; print(torch.__version__)'); date $(date -u +%Y-%m-%d)."
  echo
  "$python" "$root/bench/gemm_report.py" "$out/gemm-nnlab.jsonl" "$out/gemm-pytorch.jsonl"
} | tee "$out/gemm-table.md"
