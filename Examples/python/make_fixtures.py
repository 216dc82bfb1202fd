"""Writes the reference fixtures the Swift tests compare against (Tests/*/Fixtures/).

Every number in those files comes from numpy, through this script and the reference code
beside it; re-run it after changing either, and commit what it writes:

    python3 Examples/python/make_fixtures.py                # random streams and step traces
    python3 Examples/python/toy_regression.py --fixture     # the toy regression's epoch losses
    python3 Examples/python/notebook.py ../shared/data/shakespear.txt --fixture
    python3 Examples/python/tanh_rnn_reference.py           # the tanh RNN of docs/vanishing-gradients.md

The random draws are numpy's float64 draws, bit for bit. Every computed value (the step traces'
forward and backward values, the toy's and the notebook's losses) is computed in np.longdouble,
x87 80-bit, and rounded to float64 when written: no BLAS takes part, so the fixtures are the same
on every x86-64 machine, and the tests measure the tool's distance from the arithmetic's exact
result rather than from another float64 program's rounding.
"""
import json
import os
import sys

import numpy as np

import lstm_reference

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "..", "Tests", "TraceLSTMTests", "Fixtures")

# The step traces the tests rebuild in Swift: (input, hidden, output, steps, concat, init, loss).
STEP_CASES = [
    (3, 5, 2, 1, "h-first", "tutorial", "mse-last"),
    (3, 5, 2, 10, "h-first", "tutorial", "mse-last"),
    (3, 5, 2, 10, "x-first", "tutorial", "mse-last"),
    (4, 7, 3, 6, "h-first", "notebook", "mse-all"),
    (2, 3, 1, 4, "x-first", "tutorial", "mse-all"),
    (6, 8, 6, 5, "h-first", "notebook", "cross-entropy"),
    (1, 1, 1, 3, "x-first", "tutorial", "mse-last"),
]


def write(name, obj):
    path = os.path.join(FIXTURES, name)
    with open(path, "w") as f:
        json.dump(obj, f, indent=1)
        f.write("\n")
    print("wrote", os.path.relpath(path))


def random_streams():
    """numpy's legacy draws for a few seeds, to pin NumpyRandom down bit for bit."""
    cases = []
    for seed in [0, 1, 42, 123456789, 2**32 - 1]:
        np.random.seed(seed)
        rand = [float(u) for u in np.random.rand(700)]  # crosses a 624-word regeneration
        np.random.seed(seed)
        randn = [float(g) for g in np.random.randn(1001)]  # odd: ends with a cached normal
        # Interleaved: the cached normal survives uniform draws in between.
        np.random.seed(seed)
        mixed = []
        for k in range(40):
            mixed.append(["randn", float(np.random.randn())])
            mixed.append(["rand", float(np.random.rand())])
        state = np.random.get_state()
        # choice(n, p) with a few probability vectors.
        np.random.seed(seed)
        choices = []
        for n in [1, 2, 5, 62]:
            p = np.random.rand(n)
            p = p / p.sum()
            picks = [int(np.random.choice(n, p=p)) for _ in range(50)]
            choices.append({"p": [float(a) for a in p], "picks": picks})
        cases.append({"seed": seed, "rand": rand, "randn": randn, "mixed": mixed,
                      "state_after_mixed": {"key_head": [int(k) for k in state[1][:4]], "pos": int(state[2]),
                                            "has_gauss": int(state[3]), "cached_gaussian": float(state[4])},
                      "choice": choices})
    write("random_streams.json", {"numpy": np.__version__, "cases": cases})


def step_traces():
    traces = []
    for (X, H, K, T, concat, init, loss) in STEP_CASES:
        traces.append(lstm_reference.trace(X, H, K, T, seed=0, init=init, concat_order=concat, loss=loss,
                                           dtype=np.longdouble))
    write("step_traces.json", {"numpy": np.__version__, "computed_in": "longdouble", "traces": traces})


if __name__ == "__main__":
    os.makedirs(FIXTURES, exist_ok=True)
    random_streams()
    step_traces()
