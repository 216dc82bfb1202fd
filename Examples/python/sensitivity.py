"""How sensitive the notebook's training is to the last bit of its arithmetic.

Runs the notebook (notebook.py) several times with one operation computed a slightly different
but equally valid way, and reports how far each run's per-iteration losses move from the
unchanged run. It shows why "within 1e-9 of numpy" can hold for about 100 iterations and not
for thousands: the gates saturate (W_f, W_i, W_o start at 0.5 ± 0.1), so f(1 - f) loses most of
its digits to cancellation and last-bit differences grow in jumps.

    python3 Examples/python/sensitivity.py ../shared/data/shakespear.txt [--iterations 300]
"""
import argparse
import math

import numpy as np

import notebook


def losses_of(data, iterations, **patch):
    saved = {k: getattr(np, k) for k in patch}
    for k, v in patch.items():
        setattr(np, k, v)
    out = []
    try:
        train, _ = notebook.build(data)
        train(iterations, on_report=None, on_iteration=lambda i, loss, s, t: out.append(loss))
    finally:
        for k, v in saved.items():
            setattr(np, k, v)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data")
    ap.add_argument("--iterations", type=int, default=300)
    a = ap.parse_args()
    data = open(a.data).read()
    base = losses_of(data, a.iterations)
    dot = np.dot

    def reordered_dot(x, y):
        # The same products, summed in numpy's pairwise order instead of BLAS's.
        if x.ndim == 2 and y.ndim == 2 and y.shape[1] == 1 and x.shape[0] > 1 and x.shape[1] > 1:
            return np.add.reduce(x * y.T, axis=1, keepdims=True)
        return dot(x, y)

    libm_tanh = np.vectorize(math.tanh, otypes=[float])
    variants = {
        "np.dot summed in another order": {"dot": reordered_dot},
        "tanh from the C library (not numpy's SVML port)": {"tanh": lambda x: libm_tanh(x)},
    }
    print(f"numpy against itself, {a.iterations} iterations; relative difference of each iteration's loss")
    for name, patch in variants.items():
        other = losses_of(data, a.iterations, **patch)
        rel = [abs(x - y) / y for x, y in zip(other, base)]
        first = next((k for k, r in enumerate(rel) if r > 1e-9), None)
        print(f"  {name:50s} worst of first 100 {max(rel[:100]):.1e}; first over 1e-9 at iteration {first}; "
              f"worst overall {max(rel):.1e}")


if __name__ == "__main__":
    main()
