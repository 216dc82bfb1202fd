"""How far equally valid float64 arithmetic lands from the notebook's exact result.

The notebook's training is chaotic in the last bit: the gates saturate (W_f, W_i, W_o start at
0.5 ± 0.1), so f(1 − f) loses most of its digits to cancellation, and a one-ulp difference in a
dot product grows in jumps. Two float64 programs that both follow the notebook to the letter
therefore drift apart, and how far depends on luck: which BLAS kernel numpy picked, in which
order a sum ran, which tanh the library has.

This script runs the notebook (notebook.py) in float64 several times, each time with one
operation computed another, equally valid way, and measures each run against the 80-bit arbiter
(notebook.py --dtype longdouble, committed in reference/notebook-smooth-loss.json).

    python3 Examples/python/sensitivity.py ../shared/data/shakespear.txt --spread
        # 5000 iterations of each variant (about 3 min); writes reference/float64-spread.json,
        # whose bars check_train.py and the Swift tests gate lstm-trace on
    python3 Examples/python/sensitivity.py ../shared/data/shakespear.txt [--iterations 300]
        # print the same distances, write nothing

The bars are MARGIN times the largest distance any variant reached (by that iteration, for the
smooth loss): a gate below that spread would pass or fail by luck, not by correctness. For
comparison, lstm-trace itself lands inside the same spread: as built, 1.9e-10 over the first 100
losses; rebuilt once with its matVec partial sums paired as (a0 + a2) + (a1 + a3) instead of
(a0 + a1) + (a2 + a3), 7.4e-9; rebuilt once with the row sums' halves added the other way round
and σ(x) written as 0.5 + 0.5·tanh(x/2), 2.8e-9 (measured by hand, November 2026). Any real
mistake in the arithmetic (a wrong term, a lost clip, float32 anywhere) moves these losses by
1e-6 or more within ten iterations.
"""
import argparse
import json
import os

import numpy as np

import notebook

HERE = os.path.dirname(os.path.abspath(__file__))
SPREAD = os.path.join(HERE, "reference", "float64-spread.json")
MARGIN = 4


def run(data, iterations, **patch):
    """Every iteration's loss and smooth loss, with numpy functions replaced as `patch` says."""
    saved = {k: getattr(np, k) for k in patch}
    for k, v in patch.items():
        setattr(np, k, v)
    losses, smooth = [], []
    try:
        train, _ = notebook.build(data)
        train(iterations, on_report=None,
              on_iteration=lambda i, loss, s, t: (losses.append(float(loss)), smooth.append(float(s))))
    finally:
        for k, v in saved.items():
            setattr(np, k, v)
    return losses, smooth


def variants():
    """name → the numpy functions it replaces. Each computes the same mathematics in float64."""
    dot, exp, tanh = np.dot, np.exp, np.tanh

    def matvec(x, y):
        return x.ndim == 2 and y.ndim == 2 and y.shape[1] == 1 and x.shape[0] > 1 and x.shape[1] > 8

    def pairwise_dot(x, y):
        # The same products, summed in numpy's pairwise order instead of BLAS's.
        return np.add.reduce(x * y.T, axis=1, keepdims=True) if matvec(x, y) else dot(x, y)

    def halves_dot(x, y):
        # The same products, summed as two halves of the columns.
        if not matvec(x, y):
            return dot(x, y)
        h = x.shape[1] // 2
        return dot(x[:, :h], y[:h]) + dot(x[:, h:], y[h:])

    def exp_tanh(x):
        # tanh(x) = sign(x) (1 − e^(−2|x|)) / (1 + e^(−2|x|)), a few ulps from numpy's.
        e = exp(-2 * np.abs(x))
        return np.sign(x) * (1 - e) / (1 + e)

    def half_exp(x):
        # e^x as (e^(x/2))², a few ulps from numpy's (sigmoid and softmax both use it).
        e = exp(x / 2)
        return e * e

    return {
        "numpy float64 as it is": {},
        "np.dot summed pairwise": {"dot": pairwise_dot},
        "np.dot summed as two halves": {"dot": halves_dot},
        "tanh written with exp": {"tanh": exp_tanh},
        "exp as (e^(x/2))^2": {"exp": half_exp},
    }


def distances(losses, smooth, arbiter, checkpoints):
    rel = lambda a, b: abs(a - b) / abs(b)
    return {
        "first_10_losses": max(rel(a, b) for a, b in zip(losses[:10], arbiter["losses"][:10])),
        "first_100_losses": max(rel(a, b) for a, b in zip(losses[:100], arbiter["losses"][:100])),
        "smooth_loss_after": {str(n): rel(smooth[n - 1], arbiter["smooth_losses"][n - 1]) for n in checkpoints},
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data")
    ap.add_argument("--iterations", type=int, default=300)
    ap.add_argument("--spread", action="store_true", help="5000 iterations; write reference/float64-spread.json")
    a = ap.parse_args()
    data = open(a.data).read()
    reference = json.load(open(notebook.REFERENCE))
    arbiter = reference["longdouble"]
    iterations = reference["iterations"] if a.spread else a.iterations
    checkpoints = list(range(500, iterations + 1, 500)) or [iterations]
    measured = {}
    print(f"float64 runs of the notebook against the 80-bit arbiter, {iterations} iterations "
          "(relative distance of each quantity)")
    for name, patch in variants().items():
        losses, smooth = run(data, iterations, **patch)
        d = distances(losses, smooth, arbiter, checkpoints)
        measured[name] = d
        print(f"  {name:30s} first 10 losses {d['first_10_losses']:.1e}, first 100 {d['first_100_losses']:.1e}; "
              "smooth loss after " + ", ".join(f"{n}: {v:.1e}" for n, v in d["smooth_loss_after"].items()))
    if not a.spread:
        return
    worst = lambda f: max(f(d) for d in measured.values())
    bars = {"first_10_losses": MARGIN * worst(lambda d: d["first_10_losses"]),
            "first_100_losses": MARGIN * worst(lambda d: d["first_100_losses"]), "smooth_loss_after": {}}
    running = 0.0
    for n in checkpoints:
        running = max(running, worst(lambda d: d["smooth_loss_after"][str(n)]))
        bars["smooth_loss_after"][str(n)] = MARGIN * running
    with open(SPREAD, "w") as f:
        json.dump({"numpy": np.__version__, "machine": notebook.machine(), "iterations": iterations,
                   "arbiter": "reference/notebook-smooth-loss.json, longdouble",
                   "about": "relative distance of float64 runs of the notebook from the 80-bit arbiter; each bar is "
                            f"{MARGIN} times the largest distance measured (for the smooth loss, the largest up to "
                            "that iteration)",
                   "margin": MARGIN, "variants": measured, "bars": bars}, f, indent=1)
        f.write("\n")
    print("wrote", os.path.relpath(SPREAD))


if __name__ == "__main__":
    main()
