"""Shared helpers for the PyTorch parity fixture generators in this folder.

The fixtures are safetensors files (https://github.com/huggingface/safetensors): an 8-byte little-endian
header length, a JSON header {name: {dtype, shape, data_offsets}, "__metadata__": {...}} padded with
spaces to a multiple of 8 bytes, then the raw little-endian tensor bytes. Debian ships no
`safetensors` Python package, so `save` writes the same layout as `safetensors.torch.save_file`
(tensors ordered by save_file's dtype ranking, I64 > F64 > F32 > ... > BOOL, then by name; no gaps) with torch and the standard
library only. nnlab's Java tests read them with nnlab.io.SafeTensors; no Python is needed to run tests.

Run the generators with Debian's python3-torch:  /usr/bin/python3 src/test/resources/parity/generate_<area>.py
"""
import json
import os
import struct
import tempfile

import torch

_DTYPES = {
    torch.float64: "F64", torch.float32: "F32", torch.float16: "F16", torch.bfloat16: "BF16",
    torch.int64: "I64", torch.int32: "I32", torch.int16: "I16", torch.int8: "I8",
    torch.uint8: "U8", torch.bool: "BOOL",
}

# safetensors' Rust Dtype enum order; save_file sorts entries by it, descending, then by name
_SAVE_FILE_RANK = ["BOOL", "U8", "I8", "I16", "U16", "F16", "BF16", "I32", "U32", "F32", "F64", "I64", "U64"]

HERE = os.path.dirname(os.path.abspath(__file__))


def save(tensors, path, metadata=None):
    """Writes {name: tensor} to `path` in the safetensors format, atomically (temp file + rename)."""
    items = []
    for name, t in tensors.items():
        if not isinstance(t, torch.Tensor):
            t = torch.tensor(t)
        t = t.detach().contiguous().cpu()
        if t.dtype not in _DTYPES:
            raise ValueError(f"{name}: unsupported dtype {t.dtype}")
        items.append((name, t))
    items.sort(key=lambda it: (-_SAVE_FILE_RANK.index(_DTYPES[it[1].dtype]), it[0]))
    header, blobs, offset = {}, [], 0
    for name, t in items:
        raw = t.reshape(-1).view(torch.uint8).numpy().tobytes() if t.numel() else b""  # 0-d cannot view as bytes
        header[name] = {"dtype": _DTYPES[t.dtype], "shape": list(t.shape), "data_offsets": [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
    if metadata:
        header["__metadata__"] = {str(k): str(v) for k, v in metadata.items()}
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * ((8 - len(text) % 8) % 8)
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(os.path.abspath(path)), suffix=".tmp")
    with os.fdopen(fd, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for raw in blobs:
            f.write(raw)
    os.replace(tmp, path)


def out_path(area, name):
    """src/test/resources/parity/<area>/<name>.safetensors"""
    return os.path.join(HERE, area, name + ".safetensors")


_TORCH_DTYPES = {v: k for k, v in _DTYPES.items()}


def load(path):
    """Reads a safetensors file (e.g. one nnlab wrote) into {name: torch.Tensor}, with struct and json only."""
    with open(path, "rb") as f:
        raw = f.read()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + n].decode("utf-8"))
    header.pop("__metadata__", None)
    data = raw[8 + n:]
    out = {}
    for name, info in header.items():
        begin, end = info["data_offsets"]
        buf = bytearray(data[begin:end])
        t = torch.frombuffer(buf, dtype=torch.uint8) if buf else torch.empty(0, dtype=torch.uint8)
        out[name] = t.view(_TORCH_DTYPES[info["dtype"]]).reshape(info["shape"]).clone()
    return out
