"""PyTorch parity fixtures for nnlab's convolution and pooling layers (nnlab.nn.layers).

One safetensors file per case under conv/, keys (see fixtures.py and the project's parity convention):
  input, grad_output (random, non-uniform), output, grad_input, and for Conv2d param.weight, param.bias
  (before backward) and grad.weight, grad.bias; metadata: module (the PyTorch constructor text), mode (train).
All tensors float32; torch.manual_seed(case seed) before building each module, so the files are reproducible.

Run with Debian's torch:  /usr/bin/python3 src/test/resources/parity/generate_conv.py
"""
import os
import sys

import torch
from torch import nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fixtures  # noqa: E402

# name: (constructor text, input shape)
CASES = {
    "conv2d_basic": ("nn.Conv2d(3, 4, 3)", (2, 3, 8, 8)),
    "conv2d_stride2_pad1": ("nn.Conv2d(3, 4, 3, stride=2, padding=1)", (2, 3, 9, 8)),
    "conv2d_dilation2": ("nn.Conv2d(2, 3, 3, dilation=2)", (2, 2, 9, 10)),
    "conv2d_no_bias": ("nn.Conv2d(3, 5, 3, padding=1, bias=False)", (2, 3, 6, 6)),
    "conv2d_nonsquare": ("nn.Conv2d(2, 3, (2, 4), stride=(2, 1), padding=(1, 2))", (3, 2, 7, 9)),
    "conv2d_1x1": ("nn.Conv2d(4, 2, 1)", (2, 4, 5, 3)),
    "maxpool2d_2": ("nn.MaxPool2d(2)", (2, 3, 8, 8)),
    "maxpool2d_3_s2_p1": ("nn.MaxPool2d(3, stride=2, padding=1)", (2, 3, 9, 9)),
    "avgpool2d_2": ("nn.AvgPool2d(2)", (2, 3, 8, 8)),
    "avgpool2d_3_s2_p1": ("nn.AvgPool2d(3, stride=2, padding=1)", (2, 2, 9, 7)),
    "adaptiveavgpool2d_6x6_from_13x13": ("nn.AdaptiveAvgPool2d((6, 6))", (2, 3, 13, 13)),
    "adaptiveavgpool2d_6x6_from_5x7": ("nn.AdaptiveAvgPool2d((6, 6))", (2, 2, 5, 7)),
    "adaptiveavgpool2d_1x1": ("nn.AdaptiveAvgPool2d((1, 1))", (2, 3, 5, 5)),
}


def generate(seed, name, text, shape):
    torch.manual_seed(seed)
    module = eval(text, {"nn": nn})
    x = torch.randn(*shape, dtype=torch.float32)
    if isinstance(module, nn.MaxPool2d):
        assert x.unique().numel() == x.numel(), "ties would make the max-pool gradient ambiguous"
    x.requires_grad_(True)
    params = {f"param.{n}": p.detach().clone() for n, p in module.named_parameters()}
    y = module(x)
    grad_output = torch.randn(y.shape, dtype=torch.float32)
    y.backward(grad_output)
    tensors = {"input": x.detach(), "grad_output": grad_output, "output": y.detach(), "grad_input": x.grad}
    tensors.update(params)
    tensors.update({f"grad.{n}": p.grad for n, p in module.named_parameters()})
    fixtures.save(tensors, fixtures.out_path("conv", name),
                  {"module": text[len("nn."):], "mode": "train", "torch": torch.__version__})


if __name__ == "__main__":
    for i, (name, (text, shape)) in enumerate(CASES.items()):
        generate(1000 + i, name, text, shape)
