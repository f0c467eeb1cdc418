"""PyTorch parity fixtures for nnlab.nn.loss: the losses (MEAN and SUM, class weights, label smoothing,
pos_weight, large logits) and the L1/L2 penalties on a small MLP.

Run with Debian's torch 1.13:  /usr/bin/python3 src/test/resources/parity/generate_loss.py
Writes src/test/resources/parity/loss/<case>.safetensors.

Loss files: `input` (F32), `target` (F32; class indices stored as floats, as nnlab takes them), optional
`weight` / `pos_weight` (F32), `loss` (F64, shape [1]) and `grad_input` (F32) = d loss / d input.
Penalty files: `param.<name>` (F32, the MLP's parameters, PyTorch names), `loss` (F64, the penalty's value),
`grad.<name>` (F32) for every parameter the penalty covers (the others get no gradient, as in PyTorch).
Metadata: `module` (the PyTorch expression), `class`, `reduction`, and the options the Java test rebuilds
the loss from (`label_smoothing`, `ignore_index`; `penalty`, `lambda`, `params` for penalties).

The reference values are computed by PyTorch in float64 from the float32 inputs (exactly representable), so
they are the exact answer to the question the float32 Java code is asked; the formulas are PyTorch's own.
"""
import os
import sys

import torch
import torch.nn as nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fixtures import save, out_path  # noqa: E402

AREA = "loss"


def run_loss(name, loss_module, module_text, x32, target32, extra_tensors=None, extra_meta=None,
             target_as_index=False):
    """Evaluates loss_module (already float64) at x32 upcast, saves input, target, loss and its gradient."""
    x = x32.double().clone().requires_grad_(True)
    t = target32.long() if target_as_index else target32.double()
    loss = loss_module(x, t)
    loss.backward()
    tensors = {
        "input": x32,
        "target": target32.float(),
        "loss": loss.detach().reshape(1),
        "grad_input": x.grad.float(),
    }
    tensors.update(extra_tensors or {})
    meta = {"module": module_text, "class": type(loss_module).__name__, "reduction": loss_module.reduction,
            "mode": "train", "reference": "float64 from float32 inputs"}
    meta.update(extra_meta or {})
    save(tensors, out_path(AREA, name), meta)


def class_cases():
    seed = 0
    for red in ("mean", "sum"):
        for weighted in (False, True):
            for smoothing in (0.0, 0.15):
                seed += 1
                torch.manual_seed(seed)
                n, c = 6, 5
                x = torch.randn(n, c) * 2
                t = torch.randint(0, c, (n,))
                w = torch.rand(c) * 1.8 + 0.2 if weighted else None
                kwargs = []
                if weighted:
                    kwargs.append("weight=w")
                kwargs.append(f"reduction='{red}'")
                if smoothing:
                    kwargs.append(f"label_smoothing={smoothing}")
                loss = nn.CrossEntropyLoss(weight=None if w is None else w.double(), reduction=red,
                                           label_smoothing=smoothing)
                name = f"ce_{red}" + ("_weights" if weighted else "") + ("_smoothing" if smoothing else "")
                run_loss(name, loss, f"CrossEntropyLoss({', '.join(kwargs)})", x, t.float(),
                         {} if w is None else {"weight": w}, {"label_smoothing": smoothing}, target_as_index=True)
    # ignore_index with weights and smoothing: ignored rows leave both sums and the denominator
    torch.manual_seed(11)
    x = torch.randn(7, 4) * 2
    t = torch.tensor([0, 3, 1, 3, 2, 3, 1])
    w = torch.tensor([0.5, 2.0, 1.0, 1.5])
    loss = nn.CrossEntropyLoss(weight=w.double(), ignore_index=3, label_smoothing=0.2)
    run_loss("ce_mean_weights_smoothing_ignore", loss,
             "CrossEntropyLoss(weight=w, ignore_index=3, label_smoothing=0.2)", x, t.float(), {"weight": w},
             {"label_smoothing": 0.2, "ignore_index": 3}, target_as_index=True)
    # large logits: exp(1000) overflows without the max subtraction
    torch.manual_seed(12)
    for red in ("mean", "sum"):
        x = torch.randn(5, 6) * 3 + 1000
        t = torch.randint(0, 6, (5,))
        run_loss(f"ce_{red}_large_logits", nn.CrossEntropyLoss(reduction=red),
                 f"CrossEntropyLoss(reduction='{red}')", x, t.float(), {}, {"label_smoothing": 0.0},
                 target_as_index=True)
    for red in ("mean", "sum"):
        for weighted in (False, True):
            torch.manual_seed(20 + weighted + 2 * (red == "sum"))
            x = torch.log_softmax(torch.randn(6, 5) * 2, dim=1)
            t = torch.randint(0, 5, (6,))
            w = torch.rand(5) * 1.8 + 0.2 if weighted else None
            loss = nn.NLLLoss(weight=None if w is None else w.double(), reduction=red)
            text = "NLLLoss(" + ("weight=w, " if weighted else "") + f"reduction='{red}')"
            run_loss(f"nll_{red}" + ("_weights" if weighted else ""), loss, text, x, t.float(),
                     {} if w is None else {"weight": w}, target_as_index=True)


def elementwise_cases():
    for red in ("mean", "sum"):
        torch.manual_seed(30 + (red == "sum"))
        x, y = torch.randn(3, 4, 2), torch.randn(3, 4, 2)
        run_loss(f"mse_{red}", nn.MSELoss(reduction=red), f"MSELoss(reduction='{red}')", x, y)

        torch.manual_seed(40 + (red == "sum"))
        p = torch.rand(5, 3) * 0.98 + 0.01
        y = (torch.rand(5, 3) > 0.5).float()
        run_loss(f"bce_{red}", nn.BCELoss(reduction=red), f"BCELoss(reduction='{red}')", p, y)
        w = torch.rand(3) * 1.8 + 0.2
        run_loss(f"bce_{red}_weight", nn.BCELoss(weight=w.double(), reduction=red),
                 f"BCELoss(weight=w, reduction='{red}')", p, torch.rand(5, 3), {"weight": w})

        torch.manual_seed(50 + (red == "sum"))
        x = torch.randn(5, 3) * 3
        y = (torch.rand(5, 3) > 0.5).float()
        run_loss(f"bce_with_logits_{red}", nn.BCEWithLogitsLoss(reduction=red),
                 f"BCEWithLogitsLoss(reduction='{red}')", x, y)
        pw = torch.rand(3) * 4 + 0.2
        run_loss(f"bce_with_logits_{red}_pos_weight", nn.BCEWithLogitsLoss(pos_weight=pw.double(), reduction=red),
                 f"BCEWithLogitsLoss(reduction='{red}', pos_weight=pw)", x, y, {"pos_weight": pw})
        w = torch.rand(3) * 1.8 + 0.2
        run_loss(f"bce_with_logits_{red}_weight_pos_weight",
                 nn.BCEWithLogitsLoss(weight=w.double(), pos_weight=pw.double(), reduction=red),
                 f"BCEWithLogitsLoss(weight=w, reduction='{red}', pos_weight=pw)", x, y,
                 {"weight": w, "pos_weight": pw})
    # BCE at the clamp: x = 0 and x = 1 exactly (log clamped at -100, gradient through max(.., 1e-12))
    p = torch.tensor([[0.0, 1.0, 0.0, 1.0, 0.3]])
    y = torch.tensor([[1.0, 0.0, 0.0, 1.0, 1.0]])
    run_loss("bce_sum_clamped", nn.BCELoss(reduction="sum"), "BCELoss(reduction='sum')", p, y)
    # huge scores, confident and wrong, with pos_weight
    torch.manual_seed(60)
    x = torch.randn(4, 3) * 40
    y = (torch.rand(4, 3) > 0.5).float()
    pw = torch.tensor([0.5, 2.0, 3.0])
    run_loss("bce_with_logits_mean_large", nn.BCEWithLogitsLoss(pos_weight=pw.double()),
             "BCEWithLogitsLoss(pos_weight=pw)", x, y, {"pos_weight": pw})


def penalty_cases():
    for kind in ("l1", "l2"):
        for which in ("all", "weights"):
            torch.manual_seed(70 + (kind == "l2") + 2 * (which == "weights"))
            model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3))
            with torch.no_grad():
                model[0].weight[0, :2] = 0.0  # sign(0) = 0: L1's gradient there is 0
                model[2].bias[1] = 0.0
            params = {k: v.detach().clone() for k, v in model.named_parameters()}
            lam = 0.01 if kind == "l1" else 0.005
            chosen = [(k, p) for k, p in model.named_parameters() if which == "all" or k.endswith("weight")]
            if kind == "l1":
                value = lam * sum(p.double().abs().sum() for _, p in chosen)
                text = f"lam * sum(p.abs().sum() for p in {which})"
            else:
                value = lam * sum(p.double().pow(2).sum() for _, p in chosen)
                text = f"lam * sum(p.pow(2).sum() for p in {which})"
            value.backward()
            tensors = {f"param.{k}": v for k, v in params.items()}
            tensors.update({f"grad.{k}": p.grad.float() for k, p in chosen})
            tensors["loss"] = value.detach().reshape(1)
            meta = {"module": "Sequential(Linear(4, 8), ReLU(), Linear(8, 3)); penalty " + text,
                    "penalty": kind, "lambda": lam, "params": which, "mode": "train"}
            save(tensors, out_path(AREA, f"penalty_{kind}_{which}"), meta)


if __name__ == "__main__":
    class_cases()
    elementwise_cases()
    penalty_cases()
