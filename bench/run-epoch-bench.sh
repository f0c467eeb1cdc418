#!/usr/bin/env bash
# Runs the MNIST epoch benchmark of nnlab (simd backend by default) and of PyTorch CPU (2 threads) one after
# the other, on an otherwise idle machine, and prints the Markdown table for docs/benchmarks.md. Output files
# go to target/bench/. EPOCHS (default 3) timed epochs per model on both sides, the median reported; THREADS
# (default "1 2") the thread counts, each measured on both sides (nnlab sees that many processors through
# -XX:ActiveProcessorCount, PyTorch gets torch.set_num_threads). Extra arguments go to `nnlab bench epoch`
# (e.g. --backends simd,opencl --models cnn).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/target/bench"
mkdir -p "$out"
python=/usr/bin/python3
[ -x "$python" ] || python=python3
epochs="${EPOCHS:-3}"
load="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
: >"$out/epoch-nnlab.jsonl"
: >"$out/epoch-pytorch.jsonl"
for threads in ${THREADS:-1 2}; do
  NNLAB_JAVA_OPTS="${NNLAB_JAVA_OPTS:-} -XX:ActiveProcessorCount=$threads" \
    "$root/nnlab" bench epoch --json --backends simd --epochs "$epochs" "$@" | tee -a "$out/epoch-nnlab.jsonl"
  "$python" "$root/bench/epoch_pytorch.py" --threads "$threads" --epochs "$epochs" | tee -a "$out/epoch-pytorch.jsonl"
done
{
  echo "Machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores; $(java -version 2>&1 | head -n 1);"
  echo "PyTorch $("$python" -c 'import torch; print(torch.__version__)'); date $(date -u +%Y-%m-%d);"
  echo "load average at the start $load, at the end $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')."
  echo
  "$python" "$root/bench/epoch_report.py" "$out/epoch-nnlab.jsonl" "$out/epoch-pytorch.jsonl"
} | tee "$out/epoch-table.md"
