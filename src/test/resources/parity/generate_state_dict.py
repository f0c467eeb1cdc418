#!/usr/bin/python3
"""PyTorch state dicts for a small MLP and a small CNN, saved the way `safetensors.torch.save_file` does,
with an input batch and the eval-mode logits PyTorch computes for it. The Java test builds the same
architecture in nnlab, loads the state dict and must reproduce the logits (StateDictParityTest).

The CNN is trained for 3 steps first, so BatchNorm's running statistics are not the defaults and
num_batches_tracked (int64, as PyTorch stores it) is 3.

Run: /usr/bin/python3 src/test/resources/parity/generate_state_dict.py
"""
import os
import sys

import torch
from torch import nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fixtures  # noqa: E402


def mlp():
    return nn.Sequential(nn.Linear(20, 16), nn.ReLU(), nn.Dropout(0.5), nn.Linear(16, 10))


def cnn():
    return nn.Sequential(
        nn.Conv2d(1, 4, 3, padding=1), nn.BatchNorm2d(4), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(4, 8, 3, stride=1), nn.ReLU(), nn.AdaptiveAvgPool2d((2, 2)), nn.Flatten(),
        nn.Dropout(0.5), nn.Linear(32, 10))


def main():
    torch.manual_seed(0)
    model = mlp().eval()
    x = torch.randn(4, 20)
    fixtures.save(model.state_dict(), fixtures.out_path("state_dict", "mlp"), {"format": "pt"})
    fixtures.save({"input": x, "logits": model(x)}, fixtures.out_path("state_dict", "mlp_io"),
                  {"module": repr(model)})

    torch.manual_seed(1)
    model = cnn()
    opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    for _ in range(3):
        xb = torch.randn(8, 1, 12, 12)
        yb = torch.randint(0, 10, (8,))
        opt.zero_grad()
        nn.functional.cross_entropy(model(xb), yb).backward()
        opt.step()
    model.eval()
    x = torch.randn(3, 1, 12, 12)
    fixtures.save(model.state_dict(), fixtures.out_path("state_dict", "cnn"), {"format": "pt"})
    fixtures.save({"input": x, "logits": model(x)}, fixtures.out_path("state_dict", "cnn_io"),
                  {"module": repr(model)})


if __name__ == "__main__":
    main()
