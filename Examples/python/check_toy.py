"""Runs the fixed tutorial (toy_regression.py) in numpy with every number in x87 80-bit (the
arbiter: no BLAS takes part, so it is the same on every x86-64 machine) and checks `lstm-trace
toy`'s epoch losses against it, all 100 epochs within 1e-9 relative; with --example, also the
losses that the Swift example (swift run ToyRegression) printed. numpy's float64 run is printed
beside, not gated.

The bar: this problem is not chaotic. Float64 runs land about 1e-15 from the arbiter after all
10,000 SGD updates (lstm-trace and numpy alike, printed), so 1e-9 is six orders of magnitude
above their spread, and far below what a wrong gradient or a missing update does (1e-3 or more).

    python3 check_toy.py .build/release/lstm-trace [--example OUTPUT.txt]
"""
import argparse
import json
import re
import subprocess
import sys

import numpy as np

import toy_regression


def worst(a, b):
    return max(abs(x - y) / abs(y) for x, y in zip(a, b))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("--example")
    a = ap.parse_args()
    reference, _ = toy_regression.run(log=None, dtype=np.longdouble)
    float64, _ = toy_regression.run(log=None)
    out = subprocess.run([a.binary, "toy", "--format", "json"], check=True, capture_output=True, text=True).stdout
    mine = json.loads(out)["epoch_losses"]
    failed = len(mine) != len(reference) or worst(mine, reference) > 1e-9
    print(f"lstm-trace toy: {len(mine)} epoch losses, worst relative distance from the 80-bit arbiter "
          f"{worst(mine, reference):.2e} (bar 1e-9; numpy float64: {worst(float64, reference):.2e}); "
          f"epoch 100: {mine[-1]!r} vs {reference[-1]!r}")
    if a.example:
        printed = [float(m) for m in re.findall(r"Loss: (\S+)", open(a.example).read())]
        bad = len(printed) != len(reference) or worst(printed, reference) > 1e-9
        print(f"Examples/ToyRegression: {len(printed)} epoch losses, worst relative difference {worst(printed, reference):.2e}")
        failed = failed or bad
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
