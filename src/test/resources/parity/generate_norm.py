"""PyTorch reference fixtures for nnlab's normalisation, dropout and activation layers.

Run with Debian's torch:  /usr/bin/python3 src/test/resources/parity/generate_norm.py
Writes src/test/resources/parity/norm/<case>.safetensors, read by nnlab.nn.layers.NormParityTest.

Keys (the shared layout): input, grad_output (random, non-uniform), output, grad_input, param.<name> (before the
step), grad.<name> (after backward), buffer.<name> (after the forward(s)). Train-mode BatchNorm cases with
several forwards ("_3steps") hold input.0, input.1, input.2 (fed in that order), buffer.* after all three, and
the output of the last forward. Metadata: module (the PyTorch constructor text), mode (train/eval).
"""
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fixtures import out_path, save  # noqa: E402

AREA = "norm"


def module_case(name, module, ctor, x, mode):
    """One forward + backward of `module` at `x` in `mode`; saves everything the Java test compares."""
    module.train(mode == "train")
    params = {"param." + k: v.detach().clone() for k, v in module.named_parameters()}
    x = x.clone().requires_grad_(True)
    y = module(x)
    g = torch.randn_like(y)
    y.backward(g)
    out = {"input": x.detach(), "output": y.detach(), "grad_output": g, "grad_input": x.grad}
    out.update(params)
    out.update({"grad." + k: v.grad for k, v in module.named_parameters()})
    out.update({"buffer." + k: v.detach().clone() for k, v in module.named_buffers()})
    save(out, out_path(AREA, name), {"module": ctor, "mode": mode})


def function_case(name, fn, text, x):
    """Like module_case for a function without state (torch.atan has no module)."""
    x = x.clone().requires_grad_(True)
    y = fn(x)
    g = torch.randn_like(y)
    y.backward(g)
    save({"input": x.detach(), "output": y.detach(), "grad_output": g, "grad_input": x.grad},
         out_path(AREA, name), {"module": text, "mode": "train"})


def channel_data(shape, c):
    """randn with a different mean and scale per channel (dim 1), so statistics are not trivial."""
    view = [1, c] + [1] * (len(shape) - 2)
    mean = torch.linspace(-2.0, 3.0, c).view(view)
    scale = torch.linspace(0.5, 2.5, c).view(view)
    return torch.randn(*shape) * scale + mean


def with_random_affine(bn):
    with torch.no_grad():
        bn.weight.copy_(torch.rand(bn.num_features) + 0.5)
        bn.bias.copy_(torch.randn(bn.num_features))
    return bn


def batchnorm_cases():
    shapes = {"batchnorm1d_2d": ("BatchNorm1d", (8, 4)),
              "batchnorm1d_3d": ("BatchNorm1d", (4, 3, 5)),
              "batchnorm2d": ("BatchNorm2d", (3, 3, 4, 5))}
    for name, (cls, shape) in shapes.items():
        c = shape[1]
        make = getattr(torch.nn, cls)
        # train, one forward: batch statistics, buffers after one update
        bn = with_random_affine(make(c))
        module_case(name + "_train", bn, f"{cls}({c})", channel_data(shape, c), "train")
        # train, three forwards: running statistics after three updates (momentum 0.1)
        bn = make(c)
        inputs = [channel_data(shape, c) for _ in range(3)]
        bn.train()
        for x in inputs:
            y = bn(x)
        out = {f"input.{i}": x for i, x in enumerate(inputs)}
        out["output"] = y.detach()
        out.update({"buffer." + k: v.detach().clone() for k, v in bn.named_buffers()})
        save(out, out_path(AREA, name + "_train_3steps"), {"module": f"{cls}({c})", "mode": "train"})
        # eval with non-trivial running statistics
        bn = with_random_affine(make(c))
        with torch.no_grad():
            bn.running_mean.copy_(torch.randn(c))
            bn.running_var.copy_(torch.rand(c) * 2 + 0.25)
            bn.num_batches_tracked.fill_(7)
        module_case(name + "_eval", bn, f"{cls}({c})", channel_data(shape, c), "eval")


def activation_cases():
    wide = torch.cat([torch.randn(3, 8) * 3, torch.tensor([[-30.0, -20.0, -5.0, -1e-3, 0.0, 1e-3, 20.0, 30.0]])])
    module_case("dropout_eval", torch.nn.Dropout(0.3), "Dropout(p=0.3)", torch.randn(4, 6), "eval")
    module_case("leaky_relu", torch.nn.LeakyReLU(), "LeakyReLU(negative_slope=0.01)", wide, "train")
    module_case("leaky_relu_0.2", torch.nn.LeakyReLU(0.2), "LeakyReLU(negative_slope=0.2)", wide, "train")
    module_case("sigmoid", torch.nn.Sigmoid(), "Sigmoid()", wide, "train")
    module_case("tanh", torch.nn.Tanh(), "Tanh()", wide, "train")
    function_case("atan", torch.atan, "torch.atan", wide)
    # large logits: each line gets an offset in [100, 1000] plus a spread of a few units
    logit_shapes = {"2d_dim1": ((5, 7), 1), "3d_dim1": ((2, 5, 3), 1), "3d_dim-1": ((2, 3, 5), -1)}
    for suffix, (shape, dim) in logit_shapes.items():
        offset_shape = list(shape)
        offset_shape[dim] = 1
        logits = torch.rand(*offset_shape) * 900 + 100 + torch.randn(*shape) * 3
        module_case("softmax_" + suffix, torch.nn.Softmax(dim=dim), f"Softmax(dim={dim})", logits, "train")
        module_case("log_softmax_" + suffix, torch.nn.LogSoftmax(dim=dim), f"LogSoftmax(dim={dim})", logits, "train")


if __name__ == "__main__":
    torch.manual_seed(20240607)
    batchnorm_cases()
    activation_cases()
