#!/usr/bin/env python3
"""The same epoch benchmark as `nnlab bench epoch`, measured through PyTorch on the CPU.

Prints one JSON object per line with the keys of `nnlab bench epoch --json` (backend, model, batch, threads,
images, epoch_seconds, seconds, images_per_s, mean_loss), backend "pytorch-cpu". Models and method as in
nnlab's EpochBenchmark: the MNIST training set from data/ (60000 images scaled to [0, 1]); mlp = Linear(784,1000)
ReLU Linear(1000,10), batch 128; cnn = Conv2d(1,32,3,padding=1) ReLU MaxPool2d(2) Conv2d(32,64,3,padding=1)
ReLU MaxPool2d(2) Flatten Linear(3136,128) ReLU Dropout(0.5) Linear(128,10), batch 64; both Adam lr 1e-3 and
CrossEntropyLoss. Every epoch draws a new permutation and slices batches from the in-memory tensors (the fast
idiom; a DataLoader over a TensorDataset would collate image by image and be slower). One step = zero_grad, forward, loss, backward,
step. --warmup-steps untimed steps on a throw-away model, then --epochs timed epochs of a fresh model.
With --test, the test accuracy after each epoch is printed to stderr (not timed).

Requires Debian's python3-torch: apt-get install python3-torch libopenblas0
"""
import argparse
import gzip
import json
import os
import statistics
import struct
import sys
import time

try:
    import numpy as np
    import torch
    from torch import nn
except ImportError:
    sys.exit("epoch_pytorch.py: PyTorch is missing; install it with: apt-get install python3-torch libopenblas0")

SEED = 20261125
BATCH = {"mlp": 128, "cnn": 64}


def read_idx(path):
    """An IDX file (gzip or raw) as a numpy array."""
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    zero, dtype, ndim = struct.unpack(">HBB", data[:4])
    if zero != 0 or dtype != 0x08:
        sys.exit(f"{path}: not an unsigned-byte IDX file")
    dims = struct.unpack(">" + "I" * ndim, data[4:4 + 4 * ndim])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim).reshape(dims)


def load_mnist(data_dir, split):
    prefix = "train" if split == "train" else "t10k"
    images = read_idx(os.path.join(data_dir, "mnist", f"{prefix}-images-idx3-ubyte.gz"))
    labels = read_idx(os.path.join(data_dir, "mnist", f"{prefix}-labels-idx1-ubyte.gz"))
    x = torch.from_numpy(images.astype(np.float32) / 255.0).unsqueeze(1)
    return x, torch.from_numpy(labels.astype(np.int64))


def build(model):
    if model == "mlp":
        net = nn.Sequential(nn.Flatten(), nn.Linear(784, 1000), nn.ReLU(), nn.Linear(1000, 10))
    else:
        net = nn.Sequential(nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                            nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                            nn.Flatten(), nn.Linear(64 * 7 * 7, 128), nn.ReLU(), nn.Dropout(0.5),
                            nn.Linear(128, 10))
    return net, torch.optim.Adam(net.parameters(), lr=1e-3)


def batches(n, batch, generator):
    order = torch.randperm(n, generator=generator)
    for start in range(0, n, batch):
        yield order[start:start + batch]


def accuracy(net, x, y):
    net.eval()
    with torch.no_grad():
        correct = sum(int((net(x[i:i + 1000]).argmax(1) == y[i:i + 1000]).sum()) for i in range(0, len(y), 1000))
    net.train()
    return correct / len(y)


def measure(model, x, y, warmup_steps, epochs, test):
    loss_fn = nn.CrossEntropyLoss()
    batch = BATCH[model]
    torch.manual_seed(SEED + 1)
    net, opt = build(model)
    g = torch.Generator().manual_seed(SEED + 1)
    done = 0
    while done < warmup_steps:
        for idx in batches(len(y), batch, g):
            if done >= warmup_steps:
                break
            opt.zero_grad()
            loss_fn(net(x[idx]), y[idx]).backward()
            opt.step()
            done += 1
    torch.manual_seed(SEED)
    net, opt = build(model)
    g = torch.Generator().manual_seed(SEED)
    seconds = []
    mean_loss = float("nan")
    for epoch in range(epochs):
        t0 = time.perf_counter()
        total, count = 0.0, 0
        for idx in batches(len(y), batch, g):
            opt.zero_grad()
            loss = loss_fn(net(x[idx]), y[idx])
            loss.backward()
            opt.step()
            total += loss.item()
            count += 1
        seconds.append(time.perf_counter() - t0)
        mean_loss = total / count
        if test is not None:
            print(f"{model} epoch {epoch + 1}: test accuracy {accuracy(net, *test):.4f}", file=sys.stderr)
    median = statistics.median(seconds)
    return {"backend": "pytorch-cpu", "model": model, "batch": batch, "threads": torch.get_num_threads(),
            "images": len(y), "epoch_seconds": [round(s, 3) for s in seconds], "seconds": round(median, 3),
            "images_per_s": round(len(y) / median, 1), "mean_loss": round(mean_loss, 4)}


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--threads", type=int, default=2, help="torch threads (default: 2)")
    p.add_argument("--models", default="mlp,cnn", help="comma-separated: mlp, cnn (default: both)")
    p.add_argument("--epochs", type=int, default=1, help="timed epochs per model (default: 1)")
    p.add_argument("--warmup-steps", type=int, default=50, help="untimed steps first (default: 50)")
    p.add_argument("--data-dir", default=os.environ.get("NNLAB_DATA", os.path.join(root, "data")),
                   help="folder with mnist/ (default: NNLAB_DATA or the repository's data/)")
    p.add_argument("--test", action="store_true", help="print the test accuracy after each epoch to stderr")
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    x, y = load_mnist(args.data_dir, "train")
    test = load_mnist(args.data_dir, "test") if args.test else None
    for model in args.models.split(","):
        model = model.strip()
        if model not in BATCH:
            sys.exit(f"epoch_pytorch.py: unknown model '{model}'; choose from mlp, cnn")
        print(json.dumps(measure(model, x, y, args.warmup_steps, args.epochs, test)), flush=True)


if __name__ == "__main__":
    main()
