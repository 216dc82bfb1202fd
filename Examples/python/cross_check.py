"""Runs `lstm-trace step` for a grid of sizes, both concat orders, T = 1 and T = 10 and every
loss, and checks each JSON trace with check_trace.py (independent numpy recomputation, numpy's
own draws, finite differences). CI runs this; so can you:

    python3 Examples/python/cross_check.py .build/release/lstm-trace
"""
import itertools
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else ".build/debug/lstm-trace"
    sizes = [(3, 5, 2), (1, 1, 1), (4, 7, 3), (10, 16, 4)]
    cases = []
    for (X, H, K), concat, T, loss in itertools.product(sizes, ["h-first", "x-first"], [1, 10],
                                                          ["mse-last", "mse-all", "cross-entropy"]):
        init = "notebook" if (X + H + T) % 2 else "tutorial"
        cases.append(["--input", str(X), "--hidden", str(H), "--output", str(K), "--steps", str(T),
                      "--concat", concat, "--loss", loss, "--init", init, "--seed", str(X * 7 + T)])
    failed = 0
    figures = [0.0] * 4  # lstm-trace forward, backward; numpy float64 forward, backward
    with tempfile.TemporaryDirectory() as tmp:
        for k, args in enumerate(cases):
            path = os.path.join(tmp, f"trace{k}.json")
            subprocess.run([binary, "step", *args, "--format", "json", "-o", path], check=True)
            r = subprocess.run([sys.executable, os.path.join(HERE, "check_trace.py"), path, "--draw",
                                "--finite-differences", "2"], capture_output=True, text=True)
            if r.returncode != 0:
                failed += 1
                print("FAILED:", " ".join(args))
                print(r.stderr)
                continue
            m = re.search(r"lstm-trace (\S+) forward, (\S+) backward; numpy float64 (\S+), (\S+)$", r.stdout.strip())
            figures = [max(f, float(v)) for f, v in zip(figures, m.groups())]
    print(f"cross-check: {len(cases) - failed} of {len(cases)} step traces agree with the 80-bit numpy reference "
          f"(bars: forward 1e-12, gradients 1e-10, normwise)")
    print(f"  worst distance from it: lstm-trace {figures[0]:.1e} forward, {figures[1]:.1e} backward; "
          f"numpy's float64 run of the same code {figures[2]:.1e}, {figures[3]:.1e}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
