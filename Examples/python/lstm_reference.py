"""An independent numpy LSTM with backpropagation through time: the reference that the
Swift tracer is checked against.

The cell is the "LSTM from scratch" tutorial's (equations 1-4, `np.vstack((h_prev, x_t))`)
with its bug fixed: x_t is made a column before the stack. The backward pass follows the
"Vanilla LSTM with numpy" notebook. Both concat orders, the linear and softmax heads, and
the losses mse-last, mse-all and cross-entropy are supported. Traces are dictionaries in the
JSON layout of docs/trace-format.md.

Run `python3 lstm_reference.py --input 3 --hidden 5 --steps 2` to print a trace as JSON.
"""
import argparse
import json
import sys

import numpy as np

FORMAT = "lstm-trace/1"
GATES = ("f", "i", "C", "o")


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def softmax(v):
    e = np.exp(v - np.max(v))
    return e / np.sum(e)


def head_keys(head):
    return ("W_v", "b_v") if head == "softmax" else ("W_y", "b_y")


def draw_problem(X, H, K, T, seed=0, init="tutorial", loss="mse-last", weight_sd=0.1):
    """Inputs, target and parameters exactly as `lstm-trace step` draws them:

        np.random.seed(seed)
        X = np.random.randn(T, input)      # x_t = X[t-1] as a column
        Y = np.random.randn(output, 1)     # (mse-all: randn(T, output); cross-entropy:
                                           #  one np.random.choice(K, p=uniform) per step)
        W_f = np.random.randn(hidden, hidden + input)   # then W_i, W_C, W_o
        W_y = np.random.randn(output, hidden)           # all biases zero
    """
    np.random.seed(seed)
    xs = np.random.randn(T, X)
    if loss == "mse-last":
        target = np.random.randn(K, 1)
    elif loss == "mse-all":
        target = np.random.randn(T, K)
    else:
        target = [int(np.random.choice(K, p=np.full(K, 1.0 / K))) for _ in range(T)]
    Z = H + X
    params = {}
    for g in GATES:
        w = np.random.randn(H, Z)
        if init == "notebook":
            w = w * weight_sd if g == "C" else w * weight_sd + 0.5
        params["W_" + g] = w
        params["b_" + g] = np.zeros((H, 1))
    wk, bk = head_keys("softmax" if loss == "cross-entropy" else "linear")
    w = np.random.randn(K, H)
    params[wk] = w * weight_sd if init == "notebook" else w
    params[bk] = np.zeros((K, 1))
    return xs, target, params


def concat(h_prev, x_t, order):
    return np.vstack((h_prev, x_t)) if order == "h-first" else np.vstack((x_t, h_prev))


def run(params, xs, target, concat_order="h-first", loss="mse-last", h0=None, C0=None, backward=True,
        dtype=np.float64):
    """Forward through every step, then BPTT. Returns (forward steps, loss, backward steps,
    gradients) with every quantity of the spec.

    dtype=np.longdouble runs every operation in x87 80-bit on the same float64 parameters and
    inputs: the arbiter the tool's float64 numbers are judged against (numpy has no BLAS path for
    longdouble, so it gives the same bits on every x86-64 machine)."""
    params = {k: np.asarray(v).astype(dtype) for k, v in params.items()}
    xs = np.asarray(xs).astype(dtype)
    if loss != "cross-entropy":
        target = np.asarray(target).astype(dtype)
    head = "softmax" if loss == "cross-entropy" else "linear"
    wk, bk = head_keys(head)
    H = params["W_f"].shape[0]
    X = xs.shape[1]
    K = params[wk].shape[0]
    T = xs.shape[0]
    h = np.zeros((H, 1), dtype=dtype) if h0 is None else np.array(h0, dtype=float).astype(dtype).reshape(H, 1)
    C = np.zeros((H, 1), dtype=dtype) if C0 is None else np.array(C0, dtype=float).astype(dtype).reshape(H, 1)
    fw = []
    total = dtype(0)
    for t in range(T):
        x_t = xs[t].reshape(-1, 1)  # the tutorial's bug: xs[t] is (X,), vstack needs (X, 1)
        s = {"t": t + 1, "x": x_t, "h_prev": h, "C_prev": C}
        z = concat(h, x_t, concat_order)
        s["z"] = z
        for g, act in (("f", sigmoid), ("i", sigmoid), ("C", np.tanh), ("o", sigmoid)):
            a = np.dot(params["W_" + g], z) + params["b_" + g]
            s["a_" + g] = a
            s[{"f": "f", "i": "i", "C": "C_tilde", "o": "o"}[g]] = act(a)
        C = s["f"] * C + s["i"] * s["C_tilde"]
        s["C"] = C
        s["tanh_C"] = np.tanh(C)
        h = s["o"] * s["tanh_C"]
        s["h"] = h
        if head == "softmax":
            s["v"] = np.dot(params[wk], h) + params[bk]
            s["y"] = softmax(s["v"])
        else:
            s["y"] = np.dot(params[wk], h) + params[bk]
        if loss == "mse-last":
            if t == T - 1:
                s["loss"] = np.mean((s["y"] - target) ** 2)
        elif loss == "mse-all":
            s["loss"] = np.sum((s["y"][:, 0] - target[t]) ** 2) / (T * K)
        else:
            s["loss"] = -np.log(s["y"][target[t], 0])
        if "loss" in s:
            total += s["loss"]
        fw.append(s)
    if not backward:
        return fw, total, None, None

    grads = {"d" + k: np.zeros_like(v) for k, v in params.items()}
    bw = [None] * T
    dh_next = np.zeros((H, 1), dtype=dtype)
    dC_next = np.zeros((H, 1), dtype=dtype)
    for t in reversed(range(T)):
        s = fw[t]
        b = {"t": t + 1}
        if loss == "mse-last":
            b["dy"] = 2 * (s["y"] - target) / K if t == T - 1 else np.zeros((K, 1), dtype=dtype)
            up = b["dy"]
        elif loss == "mse-all":
            b["dy"] = 2 * (s["y"] - target[t].reshape(K, 1)) / (T * K)
            up = b["dy"]
        else:
            dy = np.zeros((K, 1), dtype=dtype)
            dy[target[t]] = -1 / s["y"][target[t]]
            b["dy"] = dy
            dv = np.copy(s["y"])
            dv[target[t]] -= 1
            b["dv"] = dv
            up = dv
        grads["d" + wk] += np.dot(up, s["h"].T)
        grads["d" + bk] += up
        dh = np.dot(params[wk].T, up) + dh_next
        b["dh"] = dh
        b["do"] = dh * s["tanh_C"]
        b["da_o"] = s["o"] * (1 - s["o"]) * b["do"]
        dC = dC_next + dh * s["o"] * (1 - s["tanh_C"] ** 2)
        b["dC"] = dC
        b["dC_tilde"] = dC * s["i"]
        b["da_C"] = (1 - s["C_tilde"] ** 2) * b["dC_tilde"]
        b["di"] = dC * s["C_tilde"]
        b["da_i"] = s["i"] * (1 - s["i"]) * b["di"]
        b["df"] = dC * s["C_prev"]
        b["da_f"] = s["f"] * (1 - s["f"]) * b["df"]
        dz = np.zeros_like(s["z"])
        for g in GATES:
            da = b["da_" + g]
            grads["dW_" + g] += np.dot(da, s["z"].T)
            grads["db_" + g] += da
            dz += np.dot(params["W_" + g].T, da)
        b["dz"] = dz
        b["dh_prev"] = dz[:H] if concat_order == "h-first" else dz[X:]
        b["dC_prev"] = s["f"] * dC
        dh_next, dC_next = b["dh_prev"], b["dC_prev"]
        bw[t] = b
    return fw, total, bw, grads


FORWARD_KEYS = ["x", "h_prev", "C_prev", "z", "a_f", "f", "a_i", "i", "a_C", "C_tilde", "C",
                "a_o", "o", "tanh_C", "h", "v", "y", "loss"]
BACKWARD_KEYS = ["dy", "dv", "dh", "do", "da_o", "dC", "dC_tilde", "da_C", "di", "da_i", "df",
                 "da_f", "dz", "dh_prev", "dC_prev"]
PARAMETER_ORDER = ["W_f", "b_f", "W_i", "b_i", "W_C", "b_C", "W_o", "b_o"]


def flat(v):
    return [float(a) for a in np.asarray(v).ravel()]


def rows(m):
    return [[float(a) for a in r] for r in np.asarray(m)]


def to_json(config, params, xs, target, fw, total, bw, grads):
    """A trace in the spec's JSON layout."""
    wk, bk = head_keys(config["head"])
    order = PARAMETER_ORDER + [wk, bk]
    out = {"format": FORMAT, "config": config,
           "parameters": {k: rows(params[k]) for k in order}}
    out["forward"] = []
    for s in fw:
        d = {"t": s["t"]}
        for k in FORWARD_KEYS:
            if k in s:
                d[k] = float(s[k]) if k == "loss" else flat(s[k])
        out["forward"].append(d)
    if config["loss"] == "mse-last":
        out["target"] = flat(target)
    elif config["loss"] == "mse-all":
        out["target"] = rows(target)
    else:
        out["target"] = list(target)
    out["loss"] = float(total)
    if bw is not None:
        out["backward"] = [dict([("t", b["t"])] + [(k, flat(b[k])) for k in BACKWARD_KEYS if k in b]) for b in bw]
        out["gradients"] = {"d" + k: rows(grads["d" + k]) for k in order}
    return out


def trace(X, H, K, T, seed=0, init="tutorial", concat_order="h-first", loss="mse-last", dtype=np.float64):
    """The trace `lstm-trace step` should write for these options (its numbers computed in
    `dtype` and rounded to float64; the parameters, inputs and target are numpy's float64 draws)."""
    xs, target, params = draw_problem(X, H, K, T, seed=seed, init=init, loss=loss)
    fw, total, bw, grads = run(params, xs, target, concat_order=concat_order, loss=loss, dtype=dtype)
    config = {"input": X, "hidden": H, "output": K, "steps": T, "concat": concat_order,
              "head": "softmax" if loss == "cross-entropy" else "linear", "loss": loss,
              "seed": seed, "init": init}
    return to_json(config, params, xs, target, fw, total, bw, grads)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--input", type=int, default=3)
    ap.add_argument("--hidden", type=int, default=5)
    ap.add_argument("--output", type=int, default=2)
    ap.add_argument("--steps", type=int, default=1)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--concat", default="h-first", choices=["h-first", "x-first"])
    ap.add_argument("--init", default="tutorial", choices=["tutorial", "notebook"])
    ap.add_argument("--loss", default="mse-last", choices=["mse-last", "mse-all", "cross-entropy"])
    a = ap.parse_args()
    json.dump(trace(a.input, a.hidden, a.output, a.steps, a.seed, a.init, a.concat, a.loss), sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
