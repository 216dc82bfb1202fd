"""Judges `lstm-trace train` against the notebook computed in x87 80-bit (the arbiter), and shows
float64 numpy's distance from the same arbiter beside the tool's.

    python3 check_train.py BINARY DATA [--iterations 1000]

What is compared to what:
  - The arbiter is notebook.py --dtype longdouble: the notebook's algorithm with every parameter,
    state and gradient in np.longdouble. numpy has no BLAS path for longdouble, so it gives the
    same bits on every x86-64 machine. Its 5000 iterations are committed in
    reference/notebook-smooth-loss.json; for up to 1000 iterations this script also runs it live
    and checks the run against the committed one (the premise that it is the same everywhere).
  - lstm-trace (float64) is gated on the arbiter, with the bars in reference/float64-spread.json:
    four times the largest distance that equally valid float64 runs of the notebook reached
    (sensitivity.py --spread). A bar below that spread would pass or fail by luck.
  - float64 numpy is run live and printed, never gated: its last bits depend on the machine.

Exits 1 when a gate fails.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

import numpy as np

import notebook

HERE = os.path.dirname(os.path.abspath(__file__))
SPREAD = os.path.join(HERE, "reference", "float64-spread.json")
# The live arbiter against the committed one. Both are 80-bit runs of the same code; a machine
# whose C library rounds expl or tanhl differently in the last of 64 bits would move the run by
# about 1e-19, grown to ~1e-12 by iteration 1000 (the growth float64 shows from 1e-16 to 1e-8).
ARBITER_SELF_BAR = 1e-10


def rel(a, b):
    return abs(a - b) / abs(b)


def tool_run(binary, data, iterations, folder):
    log = os.path.join(folder, "log.csv")
    out = subprocess.run([binary, "train", "--data", data, "--iterations", str(iterations), "--log", log],
                         check=True, capture_output=True, text=True).stdout
    rows = [line.split(",") for line in open(log).read().splitlines()[1:]]
    samples = [block.split(" \n----\niter ")[0] for block in out.split("----\n ")[1:]]
    return [float(r[1]) for r in rows], [float(r[2]) for r in rows], samples


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("data")
    ap.add_argument("--iterations", type=int, default=1000)
    a = ap.parse_args()
    reference = json.load(open(notebook.REFERENCE))
    spread = json.load(open(SPREAD))
    bars = spread["bars"]
    arbiter = reference["longdouble"]
    n = a.iterations
    if n > len(arbiter["smooth_losses"]):
        sys.exit(f"the committed arbiter has {len(arbiter['smooth_losses'])} iterations; ask for at most that many")
    data = open(a.data).read()
    if len(data) != reference["data_length"]:
        sys.exit(f"{a.data} has {len(data)} characters; the committed arbiter ran on {reference['data_length']}")
    failures = []

    # The arbiter, live, against the committed run.
    if n <= 1000:
        losses, smooth, samples, _, _, seconds = notebook.run(data, n, np.longdouble)
        worst = max(max(rel(x, y) for x, y in zip(losses, arbiter["losses"])),
                    max(rel(x, y) for x, y in zip(smooth, arbiter["smooth_losses"])))
        identical = sum(1 for x, y in zip(losses, arbiter["losses"]) if x == y)
        print(f"80-bit arbiter, run here for {n} iterations ({seconds:.0f} s) against the committed run: "
              f"{identical} of {n} losses identical in all 64 bits of float64; worst relative difference {worst:.1e} "
              f"(bar {ARBITER_SELF_BAR:g})")
        if not worst <= ARBITER_SELF_BAR:
            failures.append(f"the arbiter run here differs from the committed one by {worst:.1e}")

    # float64 numpy, live, for the figures.
    np_losses, np_smooth, np_samples, _, _, np_seconds = notebook.run(data, n, np.float64)

    with tempfile.TemporaryDirectory() as folder:
        losses, smooth, samples = tool_run(a.binary, a.data, n, folder)
    if len(losses) != n:
        sys.exit(f"lstm-trace wrote {len(losses)} log rows for {n} iterations")

    def gate(name, exact, mine, theirs, bar):
        ok = mine <= bar
        if not ok:
            failures.append(f"{name}: lstm-trace is {mine:.1e} from the arbiter, over the bar {bar:.1e}")
        return f"{name:30s} {exact:>20s} {mine:12.1e} {theirs:15.1e} {bar:9.1e}{'' if ok else '  FAILED'}"

    L = arbiter["losses"]
    S = arbiter["smooth_losses"]
    print(f"\nlstm-trace train and float64 numpy ({np_seconds:.0f} s), {n} iterations on {os.path.basename(a.data)}: "
          "relative distance from the 80-bit arbiter")
    print(f"{'':30s} {'80-bit arbiter':>20s} {'lstm-trace':>12s} {'float64 numpy':>15s} {'bar':>9s}")
    print(gate("each of the first 10 losses", "", max(rel(x, y) for x, y in zip(losses[:10], L)),
               max(rel(x, y) for x, y in zip(np_losses[:10], L)), bars["first_10_losses"]))
    print(gate("each of the first 100 losses", "", max(rel(x, y) for x, y in zip(losses[:100], L)),
               max(rel(x, y) for x, y in zip(np_losses[:100], L)), bars["first_100_losses"]))
    for k, bar in bars["smooth_loss_after"].items():
        k = int(k)
        if k <= n:
            print(gate(f"smooth loss after {k}", repr(S[k - 1]), rel(smooth[k - 1], S[k - 1]),
                       rel(np_smooth[k - 1], S[k - 1]), bar))
    theirs = [arbiter["samples"][str(k)] for k in range(0, n, 100)]
    same = sum(1 for x, y in zip(samples, theirs) if x == y)
    same_np = sum(1 for x, y in zip(np_samples.values(), theirs) if x == y)
    print(f"{'samples equal to the arbiter':30s} {'':>20s} {f'{same} of {len(theirs)}':>12s} {f'{same_np} of {len(theirs)}':>15s}")
    print(f"\nsmooth loss after {n}: lstm-trace {smooth[-1]!r}, arbiter {S[n - 1]!r}, float64 numpy {np_smooth[-1]!r}")
    print("(bars: reference/float64-spread.json, four times the spread of equally valid float64 runs; "
          "float64 numpy's figures are not gated)")
    if failures:
        print("\nFAILED:\n  " + "\n  ".join(failures))
        sys.exit(1)


if __name__ == "__main__":
    main()
