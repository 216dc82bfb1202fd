"""Check your own LSTM against lstm-trace: the README's "Check your own LSTM", run end to end.

The class `MyLSTM` below is a learner's numpy LSTM, written as the tutorial teaches it and
nothing like the tool's code: its own initialisation (numpy's default_rng, uniform weights,
non-zero biases, a forget bias near 1), a given h0 and C0, the mse-all loss, and its own
backpropagation through time. The script

1. saves the learner's weights, inputs, target, h0 and C0 (.npz, .npy, CSV, JSON);
2. runs `lstm-trace step --weights … --inputs … --target … --h0 … --c0 … --format json`;
3. saves the learner's own intermediates under the names the learner's code uses (C_bar, Ct,
   combined, hidden, dC_bar, dWf, …) and runs `lstm-trace compare`: no difference;
4. plants bugs in the learner's backward pass and forward pass, one at a time, and checks that
   compare names the first line that went wrong:

   dC_prev without f_t            backward t = T, dC_prev
   sigma'(a) written as sigma(a)  backward t = T, da_o (the first gate derivative BPTT meets)
   the concat order swapped       forward t = 1, z
   dh without dh_next             backward t = T - 1, dh

    python3 Examples/python/check_my_lstm.py .build/release/lstm-trace
    python3 Examples/python/check_my_lstm.py BINARY --fixture    # also rewrite the Swift tests' files

With --fixture it writes the learner's files and intermediates (correct and with each bug) to
Tests/TraceLSTMTests/Fixtures/own_model/, which the Swift tests trace and compare. Exits 1 if
anything is not as above.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "..", "..", "Tests", "TraceLSTMTests", "Fixtures", "own_model")
X, H, K, T = 3, 4, 2, 6
BUGS = {
    "dC_prev_without_f": ("backward", T, "dC_prev"),
    "sigmoid_derivative_as_sigmoid": ("backward", T, "da_o"),
    "concat_swapped": ("forward", 1, "z"),
    "dh_without_dh_next": ("backward", T - 1, "dh"),
}


def sigmoid(a):
    return 1.0 / (1.0 + np.exp(-a))


class MyLSTM:
    """A learner's LSTM: z = [h_prev; x], four gate matrices, a linear head, mse over every step."""

    def __init__(self, rng):
        Z = H + X
        bound = 1.0 / np.sqrt(Z)
        self.Wf, self.Wi, self.Wc, self.Wo = (rng.uniform(-bound, bound, (H, Z)) for _ in range(4))
        self.bf = rng.uniform(0.5, 1.5, (H, 1))  # forget gate open at the start
        self.bi, self.bc, self.bo = (rng.uniform(-0.1, 0.1, (H, 1)) for _ in range(3))
        self.Wy = rng.uniform(-bound, bound, (K, H))
        self.by = rng.uniform(-0.1, 0.1, (K, 1))

    def forward(self, xs, h0, c0, bug=None):
        self.cache = []
        h, c = h0.reshape(H, 1), c0.reshape(H, 1)
        ys = []
        for x in xs:
            x = x.reshape(X, 1)
            combined = np.vstack((x, h)) if bug == "concat_swapped" else np.vstack((h, x))
            f = sigmoid(self.Wf @ combined + self.bf)
            i = sigmoid(self.Wi @ combined + self.bi)
            C_bar = np.tanh(self.Wc @ combined + self.bc)
            c_prev = c
            c = f * c + i * C_bar
            o = sigmoid(self.Wo @ combined + self.bo)
            h_prev = h
            h = o * np.tanh(c)
            y = self.Wy @ h + self.by
            self.cache.append(dict(x=x, h_prev=h_prev, c_prev=c_prev, combined=combined, f=f, i=i, C_bar=C_bar,
                                   Ct=c, o=o, hidden=h, y=y))
            ys.append(y)
        return ys

    def loss(self, ys, target):
        return sum(np.sum((y[:, 0] - target[t]) ** 2) for t, y in enumerate(ys)) / (T * K)

    def backward(self, target, bug=None):
        grads = {k: np.zeros_like(getattr(self, k)) for k in ("Wf", "bf", "Wi", "bi", "Wc", "bc", "Wo", "bo", "Wy", "by")}
        dh_next, dC_next = np.zeros((H, 1)), np.zeros((H, 1))
        steps = [None] * T

        def dsigma(s):
            return s if bug == "sigmoid_derivative_as_sigmoid" else s * (1 - s)

        for t in reversed(range(T)):
            s = self.cache[t]
            dy = 2 * (s["y"] - target[t].reshape(K, 1)) / (T * K)
            grads["Wy"] += dy @ s["hidden"].T
            grads["by"] += dy
            dh = self.Wy.T @ dy + (0 if bug == "dh_without_dh_next" else dh_next)
            tanh_c = np.tanh(s["Ct"])
            do = dh * tanh_c
            da_o = dsigma(s["o"]) * do
            dC = dC_next + dh * s["o"] * (1 - tanh_c ** 2)
            dC_bar = dC * s["i"]
            da_c = (1 - s["C_bar"] ** 2) * dC_bar
            di = dC * s["C_bar"]
            da_i = dsigma(s["i"]) * di
            df = dC * s["c_prev"]
            da_f = dsigma(s["f"]) * df
            dcombined = self.Wf.T @ da_f + self.Wi.T @ da_i + self.Wc.T @ da_c + self.Wo.T @ da_o
            for W, b, da in (("Wf", "bf", da_f), ("Wi", "bi", da_i), ("Wc", "bc", da_c), ("Wo", "bo", da_o)):
                grads[W] += da @ s["combined"].T
                grads[b] += da
            dh_prev = dcombined[X:] if bug == "concat_swapped" else dcombined[:H]
            dC_prev = dC if bug == "dC_prev_without_f" else s["f"] * dC
            steps[t] = dict(dy=dy, dh=dh, do=do, da_o=da_o, dC=dC, dC_bar=dC_bar, dc_pre=da_c, di=di, di_pre=da_i,
                            df=df, df_pre=da_f, dcombined=dcombined, dh_prev=dh_prev, dC_prev=dC_prev)
            dh_next, dC_next = dh_prev, dC_prev
        return steps, grads

    def weights(self):
        """Our names for the learner's parameters (what `--weights` reads)."""
        return {"W_f": self.Wf, "b_f": self.bf, "W_i": self.Wi, "b_i": self.bi, "W_C": self.Wc, "b_C": self.bc,
                "W_o": self.Wo, "b_o": self.bo, "W_y": self.Wy, "b_y": self.by}


def problem():
    """The learner's model and data, drawn with the new generator (not the tool's legacy one)."""
    rng = np.random.default_rng(7)
    model = MyLSTM(rng)
    xs = rng.standard_normal((T, X))
    target = rng.standard_normal((T, K))
    h0, c0 = rng.uniform(-0.5, 0.5, H), rng.uniform(-0.5, 0.5, H)
    return model, xs, target, h0, c0


def intermediates(model, xs, target, h0, c0, bug=None):
    """What the learner's code computes, stacked over t under the learner's own names."""
    ys = model.forward(xs, h0, c0, bug=bug)
    steps, grads = model.backward(target, bug=bug)
    out = {k: v for k, v in vars(model).items() if k != "cache"}  # Wf, bf, …: the parameters it ran with
    out.update({k: np.stack([s[k] for s in model.cache]) for k in model.cache[0]})
    out.update({k: np.stack([s[k] for s in steps]) for k in steps[0]})
    out.update({"d" + k: v for k, v in grads.items()})
    out["loss"] = np.float64(model.loss(ys, target))
    return out


def write_inputs(folder, model, xs, target, h0, c0):
    """The learner's files, each in a format learners use: .npz, .npy, CSV and JSON."""
    np.savez(os.path.join(folder, "weights.npz"), **model.weights())
    with open(os.path.join(folder, "weights.json"), "w") as f:
        json.dump({k: v.tolist() for k, v in model.weights().items()}, f, indent=1)
    np.save(os.path.join(folder, "inputs.npy"), xs)
    np.savetxt(os.path.join(folder, "target.csv"), target, delimiter=",", fmt="%.17g")
    np.save(os.path.join(folder, "h0.npy"), h0.reshape(H, 1))
    with open(os.path.join(folder, "c0.json"), "w") as f:
        json.dump(c0.tolist(), f)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("binary")
    ap.add_argument("--fixture", action="store_true", help="also write Tests/TraceLSTMTests/Fixtures/own_model/")
    a = ap.parse_args()
    model, xs, target, h0, c0 = problem()
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        write_inputs(tmp, model, xs, target, h0, c0)
        f = lambda name: os.path.join(tmp, name)
        trace = f("trace.json")
        step = [a.binary, "step", "--weights", f("weights.npz"), "--inputs", f("inputs.npy"), "--target", f("target.csv"),
                "--h0", f("h0.npy"), "--c0", f("c0.json"), "--loss", "mse-all", "--format", "json", "-o", trace]
        print("$", " ".join(os.path.basename(w) if w.startswith(tmp) else w for w in step))
        subprocess.run(step, check=True)
        files = {"correct": intermediates(model, xs, target, h0, c0)}
        files.update({bug: intermediates(model, xs, target, h0, c0, bug=bug) for bug in BUGS})
        for name, values in files.items():
            np.savez(f(f"mine_{name}.npz"), **values)
            r = subprocess.run([a.binary, "compare", trace, f(f"mine_{name}.npz")], capture_output=True, text=True)
            lines = r.stdout.splitlines()
            first = next((l for l in lines if l.startswith("first difference") or l.startswith("No difference")), "")
            print(f"\n{name}: exit {r.returncode}\n  {first}")
            if name == "correct":
                if r.returncode != 0 or not first.startswith("No difference"):
                    failures.append(f"correct code: compare exit {r.returncode}: {first}\n{r.stdout}{r.stderr}")
                continue
            section, t, key = BUGS[name]
            if r.returncode != 1 or not first.startswith(f"first difference: {section} t = {t}, {key}["):
                failures.append(f"{name}: expected the first difference at {section} t = {t}, {key}; got exit {r.returncode}: {first}")
        matched = next((l for l in lines if l.startswith("B: read ")), "")
        print("\n" + matched)
        if a.fixture:
            os.makedirs(FIXTURE, exist_ok=True)
            write_inputs(FIXTURE, model, xs, target, h0, c0)
            for name, values in files.items():
                np.savez(os.path.join(FIXTURE, f"mine_{name}.npz"), **values)
            with open(os.path.join(FIXTURE, "bugs.json"), "w") as out:
                json.dump({"numpy": np.__version__, "T": T,
                           "bugs": {k: {"section": s, "t": t, "key": q} for k, (s, t, q) in BUGS.items()}}, out, indent=1)
                out.write("\n")
            print("wrote", os.path.relpath(FIXTURE))
    if failures:
        print("\nFAILED:\n  " + "\n  ".join(failures), file=sys.stderr)
        sys.exit(1)
    print(f"\ncheck_my_lstm: the learner's code agrees with lstm-trace, and compare names the first line of each of "
          f"{len(BUGS)} planted bugs")


if __name__ == "__main__":
    main()
