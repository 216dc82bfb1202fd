"""The "LSTM from scratch" tutorial's toy regression, fixed and finished.

The tutorial's code stops at "Backpropagation and weight updates would go here" and does not
run: `np.vstack((h_prev, x_t))` stacks a (5, 1) h with a (3,) row of X, which numpy refuses.
Here x_t is made a column first, and the missing half is written: BPTT through the 10 steps
from the loss mean((y_10 - Y)^2), and a plain SGD update after each sequence. Everything else is
the tutorial's: np.random.seed(0), 100 sequences of randn(10, 3), 100 targets randn(2, 1), the
network (3, 5, 2) drawn after the data, learning rate 0.01, 100 epochs.

Y is noise drawn independently of X, so a falling loss is the network memorising 100 pairs.

    python3 toy_regression.py                 # print the epoch losses
    python3 toy_regression.py --fixture       # write the test fixture (computed in 80-bit longdouble)
"""
import argparse
import json
import os

import numpy as np


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def tanh(x):
    return np.tanh(x)


class LSTMCell:
    def __init__(self, input_dim, hidden_dim, dtype=np.float64):
        self.input_dim = input_dim
        self.hidden_dim = hidden_dim
        # Initialize weights (the tutorial's order: W_f, W_i, W_C, W_o); drawn in float64, then
        # widened when the run is in longdouble.
        self.W_f = np.random.randn(hidden_dim, hidden_dim + input_dim).astype(dtype)
        self.b_f = np.zeros((hidden_dim, 1), dtype=dtype)
        self.W_i = np.random.randn(hidden_dim, hidden_dim + input_dim).astype(dtype)
        self.b_i = np.zeros((hidden_dim, 1), dtype=dtype)
        self.W_C = np.random.randn(hidden_dim, hidden_dim + input_dim).astype(dtype)
        self.b_C = np.zeros((hidden_dim, 1), dtype=dtype)
        self.W_o = np.random.randn(hidden_dim, hidden_dim + input_dim).astype(dtype)
        self.b_o = np.zeros((hidden_dim, 1), dtype=dtype)

    def forward(self, x_t, h_prev, C_prev):
        x_t = x_t.reshape(-1, 1)  # the fix: a column, so that vstack works
        concat = np.vstack((h_prev, x_t))
        f_t = sigmoid(np.dot(self.W_f, concat) + self.b_f)
        i_t = sigmoid(np.dot(self.W_i, concat) + self.b_i)
        C_tilde = tanh(np.dot(self.W_C, concat) + self.b_C)
        C_t = f_t * C_prev + i_t * C_tilde
        o_t = sigmoid(np.dot(self.W_o, concat) + self.b_o)
        h_t = o_t * tanh(C_t)
        cache = (concat, C_prev, f_t, i_t, C_tilde, C_t, o_t)
        return h_t, C_t, cache

    # --- what the tutorial left out ---
    def backward(self, dh, dC_next, cache, grads):
        concat, C_prev, f_t, i_t, C_tilde, C_t, o_t = cache
        tanh_C = tanh(C_t)
        do = dh * tanh_C
        da_o = o_t * (1 - o_t) * do
        dC = dC_next + dh * o_t * (1 - tanh_C ** 2)
        da_C = (1 - C_tilde ** 2) * (dC * i_t)
        da_i = i_t * (1 - i_t) * (dC * C_tilde)
        da_f = f_t * (1 - f_t) * (dC * C_prev)
        dconcat = np.zeros_like(concat)
        for name, da in (("f", da_f), ("i", da_i), ("C", da_C), ("o", da_o)):
            grads["W_" + name] += np.dot(da, concat.T)
            grads["b_" + name] += da
            dconcat += np.dot(getattr(self, "W_" + name).T, da)
        return dconcat[: self.hidden_dim], f_t * dC


class LSTMNetwork:
    def __init__(self, input_dim, hidden_dim, output_dim, dtype=np.float64):
        self.hidden_dim = hidden_dim
        self.dtype = dtype
        self.lstm_cell = LSTMCell(input_dim, hidden_dim, dtype)
        self.W_y = np.random.randn(output_dim, hidden_dim).astype(dtype)
        self.b_y = np.zeros((output_dim, 1), dtype=dtype)

    def forward(self, X):
        h_t = np.zeros((self.hidden_dim, 1), dtype=self.dtype)
        C_t = np.zeros((self.hidden_dim, 1), dtype=self.dtype)
        outputs, self.caches, self.hs = [], [], []
        for x_t in X:
            h_t, C_t, cache = self.lstm_cell.forward(x_t, h_t, C_t)
            y_t = np.dot(self.W_y, h_t) + self.b_y
            outputs.append(y_t)
            self.caches.append(cache)
            self.hs.append(h_t)
        return outputs

    # --- what the tutorial left out ---
    def parameters(self):
        c = self.lstm_cell
        return {"W_f": c.W_f, "b_f": c.b_f, "W_i": c.W_i, "b_i": c.b_i, "W_C": c.W_C, "b_C": c.b_C,
                "W_o": c.W_o, "b_o": c.b_o, "W_y": self.W_y, "b_y": self.b_y}

    def backward(self, dy_last):
        """BPTT from dL/dy_T (the loss sees only the last output)."""
        grads = {k: np.zeros_like(v) for k, v in self.parameters().items()}
        dh_next = np.zeros((self.hidden_dim, 1), dtype=self.dtype)
        dC_next = np.zeros((self.hidden_dim, 1), dtype=self.dtype)
        T = len(self.caches)
        for t in reversed(range(T)):
            dy = dy_last if t == T - 1 else np.zeros_like(dy_last)
            grads["W_y"] += np.dot(dy, self.hs[t].T)
            grads["b_y"] += dy
            dh = np.dot(self.W_y.T, dy) + dh_next
            dh_next, dC_next = self.lstm_cell.backward(dh, dC_next, self.caches[t], grads)
        return grads

    def sgd(self, grads, learning_rate, clip=None):
        for k, p in self.parameters().items():
            g = np.clip(grads[k], -clip, clip) if clip is not None else grads[k]
            p -= learning_rate * g


def train_lstm(X, Y, input_dim, hidden_dim, output_dim, learning_rate=0.01, epochs=100, clip=None, log=print,
               dtype=np.float64):
    lstm_network = LSTMNetwork(input_dim, hidden_dim, output_dim, dtype)
    epoch_losses = []
    first_output = None
    for epoch in range(epochs):
        total_loss = 0
        for i in range(len(X)):
            outputs = lstm_network.forward(X[i])
            if first_output is None:
                first_output = [float(v) for v in outputs[-1].ravel()]
            loss = np.mean((outputs[-1] - Y[i]) ** 2)
            total_loss += loss
            # Backpropagation and weight updates: here they are.
            dy_last = 2 * (outputs[-1] - Y[i]) / Y[i].size
            lstm_network.sgd(lstm_network.backward(dy_last), learning_rate, clip)
        epoch_losses.append(float(total_loss / len(X)))
        if log:
            log(f"Epoch {epoch + 1}/{epochs}, Loss: {total_loss / len(X)}")
    return lstm_network, epoch_losses, first_output


def run(sequences=100, length=10, input_dim=3, hidden_dim=5, output_dim=2, seed=0, learning_rate=0.01,
        epochs=100, clip=None, log=print, dtype=np.float64):
    """The tutorial's run. dtype=np.longdouble computes every value, gradient and update in x87
    80-bit (the data and weights are drawn in float64, as the tutorial draws them, then widened):
    an arbiter that no BLAS takes part in."""
    # Sample data generation (the tutorial's Step 6)
    np.random.seed(seed)
    X = [np.random.randn(length, input_dim).astype(dtype) for _ in range(sequences)]
    Y = [np.random.randn(output_dim, 1).astype(dtype) for _ in range(sequences)]
    _, losses, first = train_lstm(X, Y, input_dim, hidden_dim, output_dim, learning_rate, epochs, clip, log, dtype)
    return losses, first


# Option sets of the fixture: the tutorial's own, and one with every option changed.
FIXTURE_CASES = [
    {},
    {"sequences": 20, "length": 4, "input_dim": 2, "hidden_dim": 6, "output_dim": 3, "seed": 7,
     "learning_rate": 0.05, "epochs": 15, "clip": 0.5},
]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--fixture", action="store_true", help="write Tests/TraceLSTMTests/Fixtures/toy_regression.json")
    a = ap.parse_args()
    if not a.fixture:
        run()
        return
    cases = []
    for options in FIXTURE_CASES:
        losses, first = run(log=None, dtype=np.longdouble, **options)
        cases.append({"options": options, "epoch_losses": losses, "first_output": first})
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Tests", "TraceLSTMTests",
                        "Fixtures", "toy_regression.json")
    with open(path, "w") as f:
        json.dump({"numpy": np.__version__, "computed_in": "longdouble", "cases": cases}, f, indent=1)
        f.write("\n")
    print("wrote", os.path.relpath(path))


if __name__ == "__main__":
    main()
