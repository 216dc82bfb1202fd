"""Writes the PyTorch fixture the Swift tests trace (Tests/TraceLSTMTests/Fixtures/pytorch/).
Run it once where torch is installed; CI needs no torch, only the files it writes:

    python3 Examples/python/pytorch_fixture.py --binary .build/release/lstm-trace

An nn.LSTM(4, 6) and an nn.Linear(6, 3), with PyTorch's own initialisation (torch.manual_seed,
float64), run on 5 steps from a given h0 and c0 for each of the three losses:

  mse-last       F.mse_loss(y_T, Y)                        (mean over K)
  mse-all        F.mse_loss(y, Y)                          (mean over T and K)
  cross-entropy  F.cross_entropy(v, classes, reduction="sum"), v the Linear's output

It saves the state_dict with np.savez exactly as a learner would
(np.savez(f, **{k: v.detach().numpy() for k, v in model.state_dict().items()})), the inputs,
targets, h0 and c0, and torch's own h_t, C_t, y_t (and v_t), loss and every parameter's .grad.

With --binary it also shows that lstm-trace's PyTorch layout loads into nn.LSTM and
nn.Linear: the weights it writes for this state_dict (`lstm-trace weights --weights
state_dict.npz --layout pytorch`) and for a model it draws itself load with load_state_dict
and compute what lstm-trace computes, and its gradients in PyTorch's layout (`weights --from
TRACE --gradients --layout pytorch`) are torch's .grad.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "Tests", "TraceLSTMTests", "Fixtures", "pytorch")
X, H, K, T = 4, 6, 3, 5
LOSSES = ["mse-last", "mse-all", "cross-entropy"]


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(X, H)
        self.head = nn.Linear(H, K)


def run(net, x, h0, c0, loss, target):
    """torch's forward (step by step, to see every C_t) and backward (on the whole sequence)."""
    net.zero_grad()
    out, _ = net.lstm(x.unsqueeze(1), (h0.view(1, 1, H), c0.view(1, 1, H)))
    hs = out[:, 0, :]
    v = net.head(hs)
    if loss == "mse-last":
        L = F.mse_loss(v[-1], target)
    elif loss == "mse-all":
        L = F.mse_loss(v, target)
    else:
        L = F.cross_entropy(v, target, reduction="sum")
    L.backward()
    with torch.no_grad():
        h, c, cs, hs_step = h0.view(1, 1, H), c0.view(1, 1, H), [], []
        for t in range(T):
            o, (h, c) = net.lstm(x[t:t + 1].unsqueeze(1), (h, c))
            cs.append(c[0, 0].clone())
            hs_step.append(o[0, 0].clone())
        assert torch.allclose(torch.stack(hs_step), hs, rtol=0, atol=1e-15), "step by step differs from the sequence"
    out = {"h": hs.detach().numpy(), "C": torch.stack(cs).numpy(), "loss": np.float64(L.item())}
    if loss == "cross-entropy":
        out["v"] = v.detach().numpy()
        out["y"] = torch.softmax(v, dim=1).detach().numpy()
    else:
        out["y"] = v.detach().numpy()
    for k, p in net.named_parameters():
        out["grad." + k] = p.grad.detach().numpy().copy()
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--binary", help="lstm-trace, to show that its PyTorch layout loads into nn.LSTM")
    a = ap.parse_args()
    torch.set_default_dtype(torch.float64)
    torch.manual_seed(0)
    net = Net()
    x = torch.randn(T, X)
    h0, c0 = 0.5 * torch.randn(H), 0.5 * torch.randn(H)
    targets = {"mse-last": torch.randn(K), "mse-all": torch.randn(T, K), "cross-entropy": torch.randint(0, K, (T,))}
    os.makedirs(OUT, exist_ok=True)
    path = lambda name: os.path.join(OUT, name)
    np.savez(path("state_dict.npz"), **{k: v.detach().numpy() for k, v in net.state_dict().items()})
    np.save(path("inputs.npy"), x.numpy())
    np.save(path("h0.npy"), h0.numpy())
    np.save(path("c0.npy"), c0.numpy())
    for loss in LOSSES:
        np.save(path(f"target_{loss}.npy"), targets[loss].numpy())
        np.savez(path(f"torch_{loss}.npz"), **run(net, x, h0, c0, loss, targets[loss]))
    with open(path("versions.json"), "w") as f:
        json.dump({"torch": torch.__version__, "numpy": np.__version__, "dtype": "float64"}, f)
        f.write("\n")
    print("wrote", os.path.relpath(OUT), "with torch", torch.__version__)
    if a.binary:
        show_layout_loads(a.binary, x, h0, c0, targets)


def load(npz_path):
    """A Net with the state_dict of an .npz that lstm-trace wrote."""
    net = Net()
    with np.load(npz_path) as z:
        net.load_state_dict({k: torch.from_numpy(z[k]) for k in z.files})
    return net


def show_layout_loads(binary, x, h0, c0, targets):
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        f = lambda name: os.path.join(tmp, name)
        common = ["--inputs", path_in("inputs.npy"), "--h0", path_in("h0.npy"), "--c0", path_in("c0.npy")]
        # 1. This state_dict, through lstm-trace, back into PyTorch.
        subprocess.run([binary, "weights", "--weights", path_in("state_dict.npz"), "--layout", "pytorch", "-o", f("back.npz")], check=True)
        mine = run(load(f("back.npz")), x, h0, c0, "mse-all", targets["mse-all"])
        with np.load(path_in("torch_mse-all.npz")) as theirs:
            for k in ("h", "C", "y"):
                worst = max(worst, np.max(np.abs(mine[k] - theirs[k])) / np.max(np.abs(theirs[k])))
        print(f"weights --layout pytorch of this state_dict loads with load_state_dict: h, C, y within {worst:.1e} of the original")
        # 2. A model lstm-trace draws itself, loaded into PyTorch, against lstm-trace's own trace.
        drawn = ["--input", str(X), "--hidden", str(H), "--output", str(K), "--seed", "3", "--loss", "mse-all", "--target", path_in("target_mse-all.npy")]
        subprocess.run([binary, "weights", *drawn, *common, "--layout", "pytorch", "-o", f("drawn.npz")], check=True)
        subprocess.run([binary, "step", *drawn, *common, "--format", "json", "-o", f("drawn.json")], check=True)
        with open(f("drawn.json")) as fh:
            tr = json.load(fh)
        torch_run = run(load(f("drawn.npz")), x, h0, c0, "mse-all", targets["mse-all"])
        dist = max(np.max(np.abs(torch_run["h"] - np.array([s["h"] for s in tr["forward"]]))),
                   np.max(np.abs(torch_run["y"] - np.array([s["y"] for s in tr["forward"]]))), abs(torch_run["loss"] - tr["loss"]))
        print(f"a model lstm-trace drew (--seed 3), loaded into nn.LSTM + nn.Linear: h, y and the loss within {dist:.1e} of lstm-trace's trace")
        # 3. lstm-trace's gradients in PyTorch's layout against torch's .grad.
        subprocess.run([binary, "step", "--weights", path_in("state_dict.npz"), *common, "--loss", "mse-all", "--target",
                        path_in("target_mse-all.npy"), "--format", "json", "-o", f("trace.json")], check=True)
        subprocess.run([binary, "weights", "--from", f("trace.json"), "--gradients", "--layout", "pytorch", "-o", f("grads.npz")], check=True)
        gworst = 0.0
        with np.load(f("grads.npz")) as g, np.load(path_in("torch_mse-all.npz")) as theirs:
            for k in g.files:
                key = "grad." + k
                gworst = max(gworst, np.max(np.abs(g[k] - theirs[key])) / np.max(np.abs(theirs[key])))
        print(f"weights --from TRACE --gradients --layout pytorch against torch's .grad: within {gworst:.1e} (normwise relative)")
        if worst > 1e-14 or dist > 1e-12 or gworst > 1e-10:
            sys.exit("the PyTorch layout does not round-trip within the bars")


def path_in(name):
    return os.path.join(OUT, name)


if __name__ == "__main__":
    main()
