"""Runs the fixed tutorial (toy_regression.py) in numpy and checks `lstm-trace toy`'s epoch
losses against it, all 100 epochs within 1e-9 relative; with --example, also the losses that
the Swift example (swift run ToyRegression) printed.

    python3 check_toy.py .build/release/lstm-trace [--example OUTPUT.txt]
"""
import argparse
import json
import re
import subprocess
import sys

import toy_regression


def worst(a, b):
    return max(abs(x - y) / abs(y) for x, y in zip(a, b))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("--example")
    a = ap.parse_args()
    reference, _ = toy_regression.run(log=None)
    out = subprocess.run([a.binary, "toy", "--format", "json"], check=True, capture_output=True, text=True).stdout
    mine = json.loads(out)["epoch_losses"]
    failed = len(mine) != len(reference) or worst(mine, reference) > 1e-9
    print(f"lstm-trace toy: {len(mine)} epoch losses, worst relative difference from numpy "
          f"{worst(mine, reference):.2e} (bar 1e-9); epoch 100: {mine[-1]!r} vs {reference[-1]!r}")
    if a.example:
        printed = [float(m) for m in re.findall(r"Loss: (\S+)", open(a.example).read())]
        bad = len(printed) != len(reference) or worst(printed, reference) > 1e-9
        print(f"Examples/ToyRegression: {len(printed)} epoch losses, worst relative difference {worst(printed, reference):.2e}")
        failed = failed or bad
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
