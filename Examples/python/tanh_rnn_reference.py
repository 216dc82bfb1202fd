"""An independent numpy tanh RNN with backpropagation through time: the reference for the
library's TanhRNN (Sources/TraceLSTM/RNN), which docs/vanishing-gradients.md sets beside the LSTM.

    z_t = [h_{t-1}, x_t]      h_t = tanh(W z_t + b)      y_t = W_y h_t + b_y
    L = mean_k (y_T,k - Y_k)^2   (the tutorial's mse-last)

Drawn as `TanhRNNProblem` draws it, in `lstm-trace step`'s order:

    np.random.seed(seed)
    X = np.random.randn(T, input); Y = np.random.randn(output, 1)
    W = np.random.randn(hidden, hidden + input) * scale; W_y = np.random.randn(output, hidden)   # biases zero

The draws are numpy's float64 draws; every computed value is computed in np.longdouble (x87
80-bit, no BLAS, the same bits on every x86-64 machine) and rounded to float64 when written.

    python3 Examples/python/tanh_rnn_reference.py            # writes Tests/TraceLSTMTests/Fixtures/tanh_rnn.json
    python3 Examples/python/tanh_rnn_reference.py --print 3 5 2 4
"""
import json
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "..", "..", "Tests", "TraceLSTMTests", "Fixtures", "tanh_rnn.json")

# (input, hidden, output, steps, seed, scale): the docs' two networks first, then small and odd shapes.
CASES = [
    (3, 10, 2, 60, 0, 1.0),
    (3, 10, 2, 60, 0, 0.5),
    (3, 5, 2, 4, 0, 1.0),
    (2, 3, 1, 1, 7, 1.0),
    (4, 6, 3, 12, 42, 0.3),
]


def draw(X, H, K, T, seed, scale):
    np.random.seed(seed)
    xs = np.random.randn(T, X)
    Y = np.random.randn(K, 1)
    W = np.random.randn(H, H + X) * scale
    W_y = np.random.randn(K, H)
    return xs, Y, {"W": W, "b": np.zeros((H, 1)), "W_y": W_y, "b_y": np.zeros((K, 1))}


def trace(X, H, K, T, seed, scale=1.0, dtype=np.longdouble):
    xs64, Y64, p64 = draw(X, H, K, T, seed, scale)
    p = {k: v.astype(dtype) for k, v in p64.items()}
    xs, Y = xs64.astype(dtype), Y64.astype(dtype)
    h = np.zeros((H, 1), dtype=dtype)
    steps = []
    for t in range(T):
        x = xs[t].reshape(-1, 1)
        z = np.vstack((h, x))
        a = p["W"] @ z + p["b"]
        h = np.tanh(a)
        y = p["W_y"] @ h + p["b_y"]
        steps.append({"x": x, "z": z, "a": a, "h": h, "y": y})
    loss = np.mean((steps[-1]["y"] - Y) ** 2)

    grads = {k: np.zeros_like(v) for k, v in p.items()}
    dh_next = np.zeros((H, 1), dtype=dtype)
    for t in reversed(range(T)):
        s = steps[t]
        s["dy"] = 2 * (s["y"] - Y) / K if t == T - 1 else np.zeros((K, 1), dtype=dtype)
        s["dh"] = p["W_y"].T @ s["dy"] + dh_next
        s["da"] = (1 - s["h"] * s["h"]) * s["dh"]
        s["dz"] = p["W"].T @ s["da"]
        s["dh_prev"] = s["dz"][:H]
        grads["W"] += s["da"] @ s["z"].T
        grads["b"] += s["da"]
        grads["W_y"] += s["dy"] @ s["h"].T
        grads["b_y"] += s["dy"]
        dh_next = s["dh_prev"]

    def flat(v):
        return [float(u) for u in np.asarray(v, dtype=dtype).ravel()]

    return {
        "config": {"input": X, "hidden": H, "output": K, "steps": T, "seed": seed, "weight_scale": scale},
        "target": flat(Y64),
        "parameters": {k: flat(v) for k, v in p64.items()},
        "steps": [{k: flat(v) for k, v in s.items()} for s in steps],
        "loss": float(loss),
        "gradients": {k: flat(v) for k, v in grads.items()},
    }


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--print":
        X, H, K, T = (int(a) for a in sys.argv[2:6])
        print(json.dumps(trace(X, H, K, T, 0), indent=1))
        sys.exit(0)
    out = {"numpy": np.__version__, "computed_in": "longdouble", "traces": [trace(*c) for c in CASES]}
    with open(FIXTURE, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    print("wrote", os.path.relpath(FIXTURE))
