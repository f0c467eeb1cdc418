#!/usr/bin/python3
"""The other direction of StateDictParityTest: a state dict that nnlab saved loads into PyTorch.

StateDictParityTest writes target/nnlab-export/{mlp,cnn}.safetensors (nnlab's state dict, by nnlab.io.SafeTensors)
and {mlp,cnn}_io.safetensors (an input and the logits nnlab computed in eval mode). This script loads each state
dict strictly into the same architecture in PyTorch (generate_state_dict.mlp / cnn) and compares PyTorch's logits
with nnlab's. Run after `mvn test` (no test needs Python):

    /usr/bin/python3 src/test/resources/parity/check_nnlab_state_dict.py target/nnlab-export
"""
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fixtures  # noqa: E402
import generate_state_dict  # noqa: E402


def main(folder):
    worst = 0.0
    for name, build in (("mlp", generate_state_dict.mlp), ("cnn", generate_state_dict.cnn)):
        model = build()
        state = fixtures.load(os.path.join(folder, name + ".safetensors"))
        model.load_state_dict(state, strict=True)
        model.eval()
        io = fixtures.load(os.path.join(folder, name + "_io.safetensors"))
        with torch.no_grad():
            logits = model(io["input"])
        diff = ((logits - io["logits"]).abs() / io["logits"].abs().clamp(min=1)).max().item()
        print(f"{name}: {len(state)} tensors loaded strictly; max |torch - nnlab| / max(1, |nnlab|) = {diff:.3g}")
        worst = max(worst, diff)
    if worst > 1e-4:
        print("FAIL: logits differ by more than 1e-4")
        sys.exit(1)
    print("PASS")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "target/nnlab-export")
