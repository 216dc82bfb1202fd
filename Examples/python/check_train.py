"""Runs the notebook (notebook.py) and `lstm-trace train` on the same text for the same number
of iterations, and compares every iteration's loss, the smooth losses and the samples.

    python3 check_train.py BINARY DATA [--iterations 1000] [--first 100] [--bar-first 1e-9]

Exits 1 when one of the first --first iteration losses differs by more than --bar-first
(relative). Later iterations are reported, not judged: the notebook's training is chaotic in
the last bit (sensitivity.py), so their differences grow with the iteration.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("data")
    ap.add_argument("--iterations", type=int, default=1000)
    ap.add_argument("--first", type=int, default=100)
    ap.add_argument("--bar-first", type=float, default=1e-9)
    ap.add_argument("--final-reference", type=float, help="a known final smooth loss of numpy's (skips running numpy)")
    ap.add_argument("--final-bar", type=float, default=1e-5)
    a = ap.parse_args()
    if a.final_reference is not None:
        out = subprocess.run([a.binary, "train", "--data", a.data, "--iterations", str(a.iterations)],
                             check=True, capture_output=True, text=True).stdout
        final = float(out.strip().split("\n")[-1].split(": ")[1])
        rel = abs(final - a.final_reference) / a.final_reference
        print(f"lstm-trace train, {a.iterations} iterations: smooth loss {final!r}, numpy's {a.final_reference!r}, "
              f"relative difference {rel:.2e} (bar {a.final_bar:g}; numpy against itself with np.dot summed in another "
              f"order: 1.0e-6 and 2.3e-6, with the C library's tanh: 4.5e-7; see sensitivity.py)")
        sys.exit(0 if rel <= a.final_bar else 1)
    with tempfile.TemporaryDirectory() as tmp:
        ref_path, log_path = os.path.join(tmp, "numpy.json"), os.path.join(tmp, "log.csv")
        subprocess.run([sys.executable, os.path.join(HERE, "notebook.py"), a.data, "--iterations", str(a.iterations),
                        "--json", ref_path], check=True, stderr=subprocess.DEVNULL)
        out = subprocess.run([a.binary, "train", "--data", a.data, "--iterations", str(a.iterations), "--log", log_path],
                             check=True, capture_output=True, text=True).stdout
        ref = json.load(open(ref_path))
        rows = [line.split(",") for line in open(log_path).read().splitlines()[1:]]
    losses = [float(r[1]) for r in rows]
    smooth = [float(r[2]) for r in rows]
    rel = [abs(x - y) / abs(y) for x, y in zip(losses, ref["losses"])]
    srel = [abs(x - y) / abs(y) for x, y in zip(smooth, ref["smooth_losses"])]
    samples = [block.split(" \n----\niter ")[0] for block in out.split("----\n ")[1:]]
    theirs = [ref["samples"][k] for k in sorted(ref["samples"], key=int)]
    same = sum(1 for x, y in zip(samples, theirs) if x == y)
    first_sample_difference = next((k * 100 for k, (x, y) in enumerate(zip(samples, theirs)) if x != y), None)
    worst_first = max(rel[: a.first])
    print(f"lstm-trace train vs numpy notebook, {a.iterations} iterations on {os.path.basename(a.data)}:")
    print(f"  iteration losses: worst relative difference {worst_first:.2e} over the first {a.first} "
          f"(bar {a.bar_first:g}), {max(rel):.2e} over all")
    print(f"  smooth loss after {a.iterations}: {smooth[-1]!r} vs numpy {ref['smooth_losses'][-1]!r} "
          f"(relative {srel[-1]:.2e}); worst over the run {max(srel):.2e}")
    print(f"  samples: {same} of {len(theirs)} equal character for character"
          + (f"; the first that differs is at iteration {first_sample_difference}" if first_sample_difference is not None else ""))
    sys.exit(0 if worst_first <= a.bar_first and len(losses) == a.iterations else 1)


if __name__ == "__main__":
    main()
