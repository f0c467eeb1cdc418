"""Fixtures for nnlab.io.SafeTensorsTest: one file with the same values in every dtype nnlab reads.

    /usr/bin/python3 src/test/resources/parity/generate_safetensors.py          # writes safetensors/dtypes.safetensors
    /usr/bin/python3 src/test/resources/parity/generate_safetensors.py --check FILE

--check reads FILE (written by nnlab's Java writer) with struct and json only, checks the layout rules of
safetensors.torch.save_file (header padded to 8 bytes, entries ordered by dtype rank then name, data
contiguous and complete), and compares every tensor bit for bit, and the metadata, with the tensor of the same
name that this script writes. It prints one line per check and exits 1 on the first difference.
"""
import json
import math
import os
import struct
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fixtures  # noqa: E402

# One list of doubles, converted by torch to each float dtype. Chosen for the conversions they exercise:
# signed zeros, values exact everywhere, values rounded differently per dtype (1/3, 0.1), the largest F16
# (65504) and the first value that rounds to F16 inf (65520), F16 subnormal (1e-7) and underflow to 0 (1e-8),
# F16 overflow that BF16 still holds (3e38), an F32 subnormal (1e-40), inf, -inf, NaN, and 2^24 + 1
# (the first integer float32 cannot hold).
VALUES = [0.0, -0.0, 1.0, -2.5, 1.0 / 3.0, 0.1, 65504.0, 65520.0, 1e-7, 1e-8, 3.0e38, 1e-40,
          math.inf, -math.inf, math.nan, 16777217.0]

# IEEE 754 binary16 bit patterns: 0, -0, smallest subnormal (2^-24), largest subnormal (1023 * 2^-24),
# smallest normal (2^-14), 1, 1/3 rounded (0x3555 = 0.333251953125), largest normal (65504), inf, -inf,
# quiet NaN, and a NaN with payload 1.
F16_BITS = [0x0000, 0x8000, 0x0001, 0x03FF, 0x0400, 0x3C00, 0x3555, 0x7BFF, 0x7C00, 0xFC00, 0x7E00, 0x7C01]

# bfloat16 bit patterns (the top half of a float32): 0, -0, smallest subnormal (2^-133), largest subnormal
# (127 * 2^-133), smallest normal (2^-126), 1, 3.140625, largest normal, inf, -inf, quiet NaN, NaN payload 1.
BF16_BITS = [0x0000, 0x8000, 0x0001, 0x007F, 0x0080, 0x3F80, 0x4049, 0x7F7F, 0x7F80, 0xFF80, 0x7FC0, 0x7F81]

I64 = [0, 1, -1, 2 ** 24 + 1, 2 ** 53 + 1, 2 ** 63 - 1, -2 ** 63]
I32 = [0, 1, -1, 2 ** 24 + 1, 2 ** 31 - 1, -2 ** 31]
I16 = [0, -1, 2 ** 15 - 1, -2 ** 15]
I8 = [0, -1, 127, -128]
U8 = [0, 1, 127, 128, 255]
BOOL = [True, False, True]

METADATA = {
    "format": "pt",
    "source": "generate_safetensors.py",
    # Non-ASCII, quotes, a backslash, a tab and an emoji: json.dumps writes \u00fc, \", \\, \t and the
    # surrogate pair \ud83d\ude00, which the Java JSON parser must decode.
    "text": "\u00fcn\u00efc\u00f6de \"quoted\" back\\slash tab\t emoji \U0001F600",
}


def bits(values, dtype):
    return torch.tensor([v - 0x10000 if v >= 0x8000 else v for v in values], dtype=torch.int16).view(dtype)


def tensors():
    v = torch.tensor(VALUES, dtype=torch.float64)
    return {
        "f64": v,
        "f32": v.to(torch.float32),
        "f16": v.to(torch.float16),
        "bf16": v.to(torch.bfloat16),
        "f16_bits": bits(F16_BITS, torch.float16),
        "bf16_bits": bits(BF16_BITS, torch.bfloat16),
        "i64": torch.tensor(I64, dtype=torch.int64),
        "i32": torch.tensor(I32, dtype=torch.int32),
        "i16": torch.tensor(I16, dtype=torch.int16),
        "i8": torch.tensor(I8, dtype=torch.int8),
        "u8": torch.tensor(U8, dtype=torch.uint8),
        "bool": torch.tensor(BOOL, dtype=torch.bool),
        "matrix": torch.arange(6, dtype=torch.float32).reshape(2, 3),  # row-major order check
        "scalar": torch.tensor(3.5),  # 0-d F32
        "step": torch.tensor(7, dtype=torch.int64),  # 0-d I64, as num_batches_tracked
        "empty": torch.zeros(0),  # shape [0]
        "empty_2d": torch.zeros(2, 0, dtype=torch.float64),
    }


_DTYPES = {"F64": (torch.float64, 8), "F32": (torch.float32, 4), "F16": (torch.float16, 2),
           "BF16": (torch.bfloat16, 2), "I64": (torch.int64, 8), "I32": (torch.int32, 4),
           "I16": (torch.int16, 2), "I8": (torch.int8, 1), "U8": (torch.uint8, 1), "BOOL": (torch.bool, 1)}


# safetensors.torch.save_file sorts entries by the Rust crate's Dtype enum in reverse declaration order, then by
# name. This groups element sizes largest first, but I64 comes before F64 (observed with safetensors 0.8.0).
# fixtures.save sorts by element size, then name, which agrees except for same-size mixes such as I64 and F64.
_SAVE_FILE_RANK = ["U64", "I64", "F64", "F32", "U32", "I32", "BF16", "F16", "U16", "I16", "F8_E4M3", "F8_E5M2",
                   "I8", "U8", "BOOL"]


def as_bits(t):
    """The tensor's raw bytes as a flat uint8 tensor, so that NaN payloads and -0.0 compare exactly."""
    return t.reshape(-1).view(torch.uint8) if t.numel() else torch.zeros(0, dtype=torch.uint8)


def check(path):
    def fail(msg):
        print("FAIL:", msg)
        sys.exit(1)

    def ok(msg):
        print("ok:", msg)

    raw = open(path, "rb").read()
    (n,) = struct.unpack("<Q", raw[:8])
    text = raw[8:8 + n].decode("utf-8")
    if n % 8:
        fail(f"header length {n} is not a multiple of 8")
    pad = len(text) - len(text.rstrip(" "))
    if pad >= 8 or not text.rstrip(" ").endswith("}"):
        fail(f"header padding is {pad} spaces after {text.rstrip(' ')[-1:]!r}; expected 0-7 after the closing brace")
    ok(f"header of {n} bytes, padded with {pad} spaces to a multiple of 8")
    def no_duplicates(pairs):
        if len({k for k, _ in pairs}) != len(pairs):
            fail(f"duplicate keys in {pairs}")
        return dict(pairs)  # keeps the file's order

    header = json.loads(text, object_pairs_hook=no_duplicates)
    keys = list(header)
    if "__metadata__" in keys:
        ok(f"__metadata__ is entry {keys.index('__metadata__')} of {len(keys)} (safetensors' Rust writer puts it first)")
    metadata = header.pop("__metadata__", {})
    names = [k for k in keys if k != "__metadata__"]
    order = sorted(names, key=lambda k: (_SAVE_FILE_RANK.index(header[k]["dtype"]), k))
    if names != order:
        fail(f"entries are in order {names}, expected save_file's (dtype rank, name) {order}")
    ok(f"{len(names)} entries in save_file's order: dtype (U64, I64, F64, F32, ...), then name")
    data = raw[8 + n:]
    offset = 0
    for k in names:
        begin, end = header[k]["data_offsets"]
        if begin != offset:
            fail(f"{k} starts at {begin}, expected {offset}")
        offset = end
    if offset != len(data):
        fail(f"tensors cover {offset} bytes of a {len(data)}-byte data section")
    ok(f"data contiguous and complete ({len(data)} bytes)")

    expected = tensors()
    for k in names:
        info = header[k]
        dtype, size = _DTYPES[info["dtype"]]
        begin, end = info["data_offsets"]
        buf = bytearray(data[begin:end])
        t = torch.frombuffer(buf, dtype=dtype).reshape(info["shape"]) if buf else torch.zeros(info["shape"], dtype=dtype)
        e = expected.get(k)
        if e is None:
            fail(f"{k}: not among this script's tensors")
        if t.dtype != e.dtype or list(t.shape) != list(e.shape):
            fail(f"{k}: {t.dtype} {list(t.shape)}, expected {e.dtype} {list(e.shape)}")
        if not torch.equal(as_bits(t), as_bits(e)):
            fail(f"{k}: values differ: {t} vs {e}")
        ok(f"{k}: {info['dtype']} {info['shape']} bit-identical to torch's")
    if metadata != METADATA:
        fail(f"metadata {metadata} != {METADATA}")
    ok("metadata identical")
    print("PASS")


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--check":
        check(sys.argv[2])
        return
    path = fixtures.out_path("safetensors", "dtypes")
    fixtures.save(tensors(), path, METADATA)
    print("wrote", path)


if __name__ == "__main__":
    main()
