"""Varuna Jayasiri's "Vanilla LSTM with numpy" notebook as a script: the reference for
`lstm-trace train`.

The algorithm is the notebook's, line for line: H = 100, T = 25, learning rate 0.1,
weight_sd 0.1, z = [h_prev, x], softmax output, cross-entropy loss, every gradient clipped to
[-1, 1], Adagrad, and 200 sampled characters every 100 iterations. Three changes make the
result reproducible and keep it running on numpy 2:
  - np.random.seed(0) before the weights are drawn (the notebook does not seed);
  - the vocabulary is sorted (the notebook's list(set(data)) order depends on Python's hash seed);
  - np.vstack instead of np.row_stack (removed from numpy 2.5).

With --dtype longdouble every parameter, state, gradient and Adagrad memory is an x87 80-bit
number (np.longdouble): the arbiter. numpy has no BLAS path for longdouble, so that run gives the
same bits on every x86-64 machine, while float64 numpy's last bits change with its BLAS build,
kernel and thread split. CI judges lstm-trace against the arbiter (check_train.py).

    python3 notebook.py ../shared/data/shakespear.txt --iterations 5000
    python3 notebook.py FILE --dtype longdouble --iterations 100   # the arbiter (about 3.5 s per 100)
    python3 notebook.py FILE --fixture          # write the test fixture (the arbiter's first 300 iterations)
    python3 notebook.py FILE --json OUT.json    # every loss and sample, for comparisons
    python3 notebook.py FILE --reference        # write reference/notebook-smooth-loss.json: the arbiter
                                                # and float64 numpy over 5000 iterations (about 3.5 min)
"""
import argparse
import json
import os
import sys
import time

import numpy as np


def build(data, H_size=100, T_steps=25, learning_rate=1e-1, weight_sd=0.1, seed=0, dtype=np.float64):
    """The notebook's model and training loop. With dtype=np.longdouble every parameter, state,
    gradient and Adagrad memory is an x87 80-bit number: the weights are drawn in float64 exactly
    as the notebook draws them and then widened, and only the probabilities handed to
    np.random.choice are rounded back to float64 (numpy's choice requires it). numpy has no BLAS
    path for longdouble, so that run gives the same bits on every x86-64 machine."""
    chars = sorted(set(data))
    data_size, X_size = len(data), len(chars)
    char_to_idx = {ch: i for i, ch in enumerate(chars)}
    idx_to_char = {i: ch for i, ch in enumerate(chars)}
    z_size = H_size + X_size

    def sigmoid(x):
        return 1 / (1 + np.exp(-x))

    def dsigmoid(y):
        return y * (1 - y)

    def tanh(x):
        return np.tanh(x)

    def dtanh(y):
        return 1 - y * y

    class Param:
        def __init__(self, name, value):
            self.name = name
            self.v = value.astype(dtype)  # drawn in float64 (as the notebook draws), then widened
            self.d = np.zeros_like(self.v)  # derivative
            self.m = np.zeros_like(self.v)  # momentum for AdaGrad

    class Parameters:
        def __init__(self):
            self.W_f = Param('W_f', np.random.randn(H_size, z_size) * weight_sd + 0.5)
            self.b_f = Param('b_f', np.zeros((H_size, 1)))
            self.W_i = Param('W_i', np.random.randn(H_size, z_size) * weight_sd + 0.5)
            self.b_i = Param('b_i', np.zeros((H_size, 1)))
            self.W_C = Param('W_C', np.random.randn(H_size, z_size) * weight_sd)
            self.b_C = Param('b_C', np.zeros((H_size, 1)))
            self.W_o = Param('W_o', np.random.randn(H_size, z_size) * weight_sd + 0.5)
            self.b_o = Param('b_o', np.zeros((H_size, 1)))
            # For final layer to predict the next character
            self.W_v = Param('W_v', np.random.randn(X_size, H_size) * weight_sd)
            self.b_v = Param('b_v', np.zeros((X_size, 1)))

        def all(self):
            return [self.W_f, self.W_i, self.W_C, self.W_o, self.W_v,
                    self.b_f, self.b_i, self.b_C, self.b_o, self.b_v]

    np.random.seed(seed)
    parameters = Parameters()

    def forward(x, h_prev, C_prev, p=parameters):
        z = np.vstack((h_prev, x))
        f = sigmoid(np.dot(p.W_f.v, z) + p.b_f.v)
        i = sigmoid(np.dot(p.W_i.v, z) + p.b_i.v)
        C_bar = tanh(np.dot(p.W_C.v, z) + p.b_C.v)
        C = f * C_prev + i * C_bar
        o = sigmoid(np.dot(p.W_o.v, z) + p.b_o.v)
        h = o * tanh(C)
        v = np.dot(p.W_v.v, h) + p.b_v.v
        y = np.exp(v) / np.sum(np.exp(v))  # softmax
        return z, f, i, C_bar, C, o, h, v, y

    def backward(target, dh_next, dC_next, C_prev, z, f, i, C_bar, C, o, h, v, y, p=parameters):
        dv = np.copy(y)
        dv[target] -= 1
        p.W_v.d += np.dot(dv, h.T)
        p.b_v.d += dv
        dh = np.dot(p.W_v.v.T, dv)
        dh += dh_next
        do = dh * tanh(C)
        do = dsigmoid(o) * do
        p.W_o.d += np.dot(do, z.T)
        p.b_o.d += do
        dC = np.copy(dC_next)
        dC += dh * o * dtanh(tanh(C))
        dC_bar = dC * i
        dC_bar = dtanh(C_bar) * dC_bar
        p.W_C.d += np.dot(dC_bar, z.T)
        p.b_C.d += dC_bar
        di = dC * C_bar
        di = dsigmoid(i) * di
        p.W_i.d += np.dot(di, z.T)
        p.b_i.d += di
        df = dC * C_prev
        df = dsigmoid(f) * df
        p.W_f.d += np.dot(df, z.T)
        p.b_f.d += df
        dz = (np.dot(p.W_f.v.T, df) + np.dot(p.W_i.v.T, di) + np.dot(p.W_C.v.T, dC_bar) + np.dot(p.W_o.v.T, do))
        dh_prev = dz[:H_size, :]
        dC_prev = f * dC
        return dh_prev, dC_prev

    def clear_gradients(params=parameters):
        for p in params.all():
            p.d.fill(0)

    def clip_gradients(params=parameters):
        for p in params.all():
            np.clip(p.d, -1, 1, out=p.d)

    def forward_backward(inputs, targets, h_prev, C_prev):
        x_s, z_s, f_s, i_s = {}, {}, {}, {}
        C_bar_s, C_s, o_s, h_s = {}, {}, {}, {}
        v_s, y_s = {}, {}
        h_s[-1] = np.copy(h_prev)
        C_s[-1] = np.copy(C_prev)
        loss = 0
        for t in range(len(inputs)):
            x_s[t] = np.zeros((X_size, 1), dtype=dtype)
            x_s[t][inputs[t]] = 1  # Input character
            (z_s[t], f_s[t], i_s[t], C_bar_s[t], C_s[t], o_s[t], h_s[t], v_s[t], y_s[t]) = \
                forward(x_s[t], h_s[t - 1], C_s[t - 1])
            loss += -np.log(y_s[t][targets[t], 0])
        clear_gradients()
        dh_next = np.zeros_like(h_s[0])
        dC_next = np.zeros_like(C_s[0])
        for t in reversed(range(len(inputs))):
            dh_next, dC_next = backward(target=targets[t], dh_next=dh_next, dC_next=dC_next, C_prev=C_s[t - 1],
                                        z=z_s[t], f=f_s[t], i=i_s[t], C_bar=C_bar_s[t], C=C_s[t], o=o_s[t],
                                        h=h_s[t], v=v_s[t], y=y_s[t])
        clip_gradients()
        return loss, h_s[len(inputs) - 1], C_s[len(inputs) - 1]

    def sample(h_prev, C_prev, first_char_idx, sentence_length):
        x = np.zeros((X_size, 1), dtype=dtype)
        x[first_char_idx] = 1
        h = h_prev
        C = C_prev
        indexes = []
        for t in range(sentence_length):
            _, _, _, _, C, _, h, _, p = forward(x, h, C)
            idx = np.random.choice(range(X_size), p=p.ravel().astype(np.float64))
            x = np.zeros((X_size, 1), dtype=dtype)
            x[idx] = 1
            indexes.append(idx)
        return indexes

    def update_paramters(params=parameters):
        for p in params.all():
            p.m += p.d * p.d  # Calculate sum of gradients
            p.v += -(learning_rate * p.d / np.sqrt(p.m + 1e-8))

    def train(iterations, report_every=100, sample_length=200, on_iteration=None, on_report=print_report):
        smooth_loss = -np.log(dtype(1.0) / X_size) * T_steps
        iteration, pointer = 0, 0
        g_h_prev = g_C_prev = None
        while iteration < iterations:
            # Reset
            if pointer + T_steps >= len(data) or iteration == 0:
                g_h_prev = np.zeros((H_size, 1), dtype=dtype)
                g_C_prev = np.zeros((H_size, 1), dtype=dtype)
                pointer = 0
            inputs = [char_to_idx[ch] for ch in data[pointer: pointer + T_steps]]
            targets = [char_to_idx[ch] for ch in data[pointer + 1: pointer + T_steps + 1]]
            loss, g_h_prev, g_C_prev = forward_backward(inputs, targets, g_h_prev, g_C_prev)
            smooth_loss = smooth_loss * 0.999 + loss * 0.001
            # Print every hundred steps
            text = None
            if iteration % report_every == 0:
                text = ''.join(idx_to_char[idx] for idx in sample(g_h_prev, g_C_prev, inputs[0], sample_length))
                if on_report:
                    on_report(iteration, smooth_loss, text)
            if on_iteration:
                on_iteration(iteration, loss, smooth_loss, text)
            update_paramters()
            pointer += T_steps
            iteration += 1
        return smooth_loss

    return train, chars


def print_report(iteration, smooth_loss, text):
    print("----\n %s \n----" % (text,))
    print("iter %d, loss %f" % (iteration, smooth_loss))


HERE = os.path.dirname(os.path.abspath(__file__))
REFERENCE = os.path.join(HERE, "reference", "notebook-smooth-loss.json")
FIXTURE = os.path.join(HERE, "..", "..", "Tests", "TraceLSTMTests", "Fixtures", "notebook.json")


def run(data, iterations, dtype, print_reports=False):
    """Trains for `iterations`; returns every loss and smooth loss (as float64), the samples by
    iteration, the sorted vocabulary, the final smooth loss and the seconds it took."""
    losses, smooth, samples = [], [], {}

    def record(iteration, loss, smooth_loss, text):
        losses.append(float(loss))
        smooth.append(float(smooth_loss))
        if text is not None:
            samples[str(iteration)] = text

    train, chars = build(data, dtype=dtype)
    start = time.perf_counter()
    final = train(iterations, on_iteration=record, on_report=print_report if print_reports else None)
    return losses, smooth, samples, chars, final, time.perf_counter() - start


def write_json(path, obj):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        json.dump(obj, f, indent=1)
        f.write("\n")
    print("wrote", os.path.relpath(path), file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data")
    ap.add_argument("--iterations", type=int, default=5000)
    ap.add_argument("--dtype", choices=["float64", "longdouble"], default="float64",
                    help="longdouble: every parameter, state and gradient in x87 80-bit (the arbiter)")
    ap.add_argument("--fixture", action="store_true",
                    help="write Tests/TraceLSTMTests/Fixtures/notebook.json: the 80-bit run's first 300 iterations")
    ap.add_argument("--json", help="write every loss, smooth loss and sample of this run to this file")
    ap.add_argument("--quiet", action="store_true", help="print only the timing")
    ap.add_argument("--reference", action="store_true",
                    help="write reference/notebook-smooth-loss.json: the 80-bit run and the float64 run, 5000 iterations each")
    a = ap.parse_args()
    data = open(a.data, "r").read()
    if a.reference:
        out = {"numpy": np.__version__, "data_length": len(data), "iterations": a.iterations}
        for name, dtype in (("longdouble", np.longdouble), ("float64", np.float64)):
            losses, smooth, samples, chars, final, seconds = run(data, a.iterations, dtype)
            out["vocabulary"] = "".join(chars)
            # smooth_losses[k] is the smooth loss after iteration k (0-based, as the notebook counts).
            part = {"final_smooth_loss": float(final), "smooth_losses": smooth, "samples": samples}
            if dtype is np.longdouble:
                part["losses"] = losses[:1000]  # what check_train.py gates the first iterations on
            else:
                part["machine"] = machine()  # float64 numpy's figures depend on it
            out[name] = part
            print(f"{name}: {a.iterations} iterations in {seconds:.1f} s; smooth loss {final!r}", file=sys.stderr)
        write_json(REFERENCE, out)
        return
    iterations = 300 if a.fixture else a.iterations
    dtype = np.longdouble if (a.fixture or a.dtype == "longdouble") else np.float64
    quiet = a.quiet or a.fixture or a.json
    losses, smooth, samples, chars, final, seconds = run(data, iterations, dtype, print_reports=not quiet)
    name = "longdouble" if dtype is np.longdouble else "float64"
    print(f"numpy notebook ({name}): {iterations} iterations in {seconds:.2f} s, "
          f"{1000 * seconds / iterations:.3f} ms/iteration; smooth loss {final!r}", file=sys.stderr)
    if a.fixture or a.json:
        write_json(a.json or FIXTURE, {"numpy": np.__version__, "computed_in": name,
                                       "data_length": len(data), "vocabulary": "".join(chars), "iterations": iterations,
                                       "losses": losses, "smooth_losses": smooth, "samples": samples})


def machine():
    """The CPU, core count and numpy version: float64 numpy's figures depend on them."""
    model = "unknown CPU"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{model}, {os.cpu_count()} cores, numpy {np.__version__}"


if __name__ == "__main__":
    main()
