#!/usr/bin/python3
"""Parity fixtures for Linear, ReLU and Flatten (layout: see fixtures.py and LinearParityTest).

Run: /usr/bin/python3 src/test/resources/parity/generate_linear.py
"""
import os
import sys

import torch
from torch import nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fixtures  # noqa: E402


def case(name, module, x, text):
    x = x.clone().requires_grad_(True)
    y = module(x)
    g = torch.randn_like(y) * (1 + torch.rand_like(y))  # non-uniform upstream gradient
    y.backward(g)
    out = {"input": x.detach(), "grad_output": g, "output": y.detach(), "grad_input": x.grad}
    for pname, p in module.named_parameters():
        out["param." + pname] = p.detach()
        out["grad." + pname] = p.grad
    fixtures.save(out, fixtures.out_path("layers", name), {"module": text, "mode": "train"})


def main():
    torch.manual_seed(0)
    case("linear", nn.Linear(7, 5), torch.randn(6, 7), "Linear(7, 5)")
    case("linear_no_bias", nn.Linear(3, 4, bias=False), torch.randn(2, 3), "Linear(3, 4, bias=False)")
    case("linear_wide", nn.Linear(129, 33), torch.randn(17, 129) * 3, "Linear(129, 33)")
    case("relu", nn.ReLU(), torch.randn(4, 9), "ReLU()")
    case("flatten", nn.Flatten(), torch.randn(2, 3, 4, 5), "Flatten()")


if __name__ == "__main__":
    main()
