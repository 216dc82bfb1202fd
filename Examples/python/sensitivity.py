"""How sensitive the notebook's training is to the last bit of its arithmetic.

Runs the notebook (notebook.py) several times with one operation computed a slightly different
but equally valid way, and reports how far each run's per-iteration losses move from the
unchanged run. It shows why "within 1e-9 of numpy" can hold for about 100 iterations and not
for thousands: the gates saturate (W_f, W_i, W_o start at 0.5 ± 0.1), so f(1 - f) loses most of
its digits to cancellation and last-bit differences grow in jumps.

    python3 Examples/python/sensitivity.py ../shared/data/shakespear.txt [--iterations 300]

Measured on the project's machine (numpy 2.4.6, AVX2): over 300 iterations, summing np.dot in
another order first moves a loss past 1e-9 at iteration 103; the C library's tanh instead of
numpy's at iteration 83. Over 5000 iterations (--iterations 5000; --smooth skips the slow tanh
run), the final smooth loss moves from numpy's own 50.394141933906496 by 1.0e-6 (np.dot summed
pairwise), 2.3e-6 (two halves) and 4.5e-7 (the C library's tanh): equally valid arithmetic
spreads that figure over about 5e-7 to 2e-6.
"""
import argparse
import math

import numpy as np

import notebook


def losses_of(data, iterations, **patch):
    """Every iteration's loss, and the smooth loss at the end."""
    saved = {k: getattr(np, k) for k in patch}
    for k, v in patch.items():
        setattr(np, k, v)
    out = []
    try:
        train, _ = notebook.build(data)
        smooth = train(iterations, on_report=None, on_iteration=lambda i, loss, s, t: out.append(loss))
    finally:
        for k, v in saved.items():
            setattr(np, k, v)
    return out, smooth


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data")
    ap.add_argument("--iterations", type=int, default=300)
    ap.add_argument("--smooth", action="store_true", help="only the summation orders, and report the final smooth loss")
    a = ap.parse_args()
    data = open(a.data).read()
    base, base_smooth = losses_of(data, a.iterations)
    dot = np.dot

    def reordered_dot(x, y):
        # The same products, summed in numpy's pairwise order instead of BLAS's.
        if x.ndim == 2 and y.ndim == 2 and y.shape[1] == 1 and x.shape[0] > 1 and x.shape[1] > 1:
            return np.add.reduce(x * y.T, axis=1, keepdims=True)
        return dot(x, y)

    def halves_dot(x, y):
        # The same products, summed as two halves of the columns.
        if x.ndim == 2 and y.ndim == 2 and y.shape[1] == 1 and x.shape[1] > 8:
            h = x.shape[1] // 2
            return dot(x[:, :h], y[:h]) + dot(x[:, h:], y[h:])
        return dot(x, y)

    libm_tanh = np.vectorize(math.tanh, otypes=[float])
    variants = {
        "np.dot summed pairwise": {"dot": reordered_dot},
        "np.dot summed as two halves": {"dot": halves_dot},
    }
    if not a.smooth:
        variants["tanh from the C library (not numpy's SVML port)"] = {"tanh": lambda x: libm_tanh(x)}
    print(f"numpy against itself, {a.iterations} iterations; relative difference of each iteration's loss")
    for name, patch in variants.items():
        other, smooth = losses_of(data, a.iterations, **patch)
        rel = [abs(x - y) / y for x, y in zip(other, base)]
        first = next((k for k, r in enumerate(rel) if r > 1e-9), None)
        print(f"  {name:50s} worst of first 100 {max(rel[:100]):.1e}; first over 1e-9 at iteration {first}; "
              f"worst overall {max(rel):.1e}; final smooth loss {smooth!r} "
              f"({abs(smooth - base_smooth) / base_smooth:.1e} from numpy's {base_smooth!r})")


if __name__ == "__main__":
    main()
