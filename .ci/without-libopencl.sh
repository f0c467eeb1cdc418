#!/usr/bin/env bash
# Runs a command as if the OpenCL ICD loader (libOpenCL.so.1) were not installed: inside a private mount
# namespace, an overlay over the library directory hides the file. The host's files are never touched.
# Needs root (CI runs as root). Usage: .ci/without-libopencl.sh ./nnlab info
set -euo pipefail
lib="$(ldconfig -p | sed -n 's/.*libOpenCL\.so\.1 (libc6,x86-64) => //p' | head -n 1)"
[ -n "$lib" ] || { echo "without-libopencl: libOpenCL.so.1 is not installed anyway"; exec "$@"; }
dir="$(dirname "$(readlink -f "$lib")")"
work="$(mktemp -d)"
exec unshare --mount --propagation private bash -c '
  set -euo pipefail
  dir="$1"; work="$2"; shift 2
  mkdir -p "$work/upper" "$work/work"
  mount -t overlay overlay -o "lowerdir=$dir,upperdir=$work/upper,workdir=$work/work" "$dir"
  rm -f "$dir"/libOpenCL.so.1*
  mount -t tmpfs tmpfs /etc/ld.so.cache 2>/dev/null || mount --bind /dev/null /etc/ld.so.cache
  exec "$@"
' bash "$dir" "$work" "$@"
