"""Times the numpy notebook (notebook.py) and `lstm-trace bench` on the same machine in one run
and prints each one's milliseconds per iteration and the ratio. With --markdown FILE it also
writes the figures as a page (docs/benchmarks.md; timings change from run to run, so that page
is written here and not checked by `lstm-trace docs --check`).

    swift build -c release
    python3 Examples/python/bench.py .build/release/lstm-trace ../shared/data/shakespear.txt
"""
import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import notebook  # noqa: E402


def machine():
    return f"{notebook.machine()}, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("data")
    ap.add_argument("--numpy-iterations", type=int, default=500)
    ap.add_argument("--iterations", type=int, default=2000, help="lstm-trace iterations per timing")
    ap.add_argument("--markdown", help="write the figures to this Markdown file")
    a = ap.parse_args()
    data = open(a.data).read()

    train, _ = notebook.build(data)
    start = time.perf_counter()
    train(a.numpy_iterations, on_report=None)
    numpy_ms = 1000 * (time.perf_counter() - start) / a.numpy_iterations

    out = subprocess.run([a.binary, "bench", "--data", a.data, "--iterations", str(a.iterations), "--format", "json"],
                         check=True, capture_output=True, text=True).stdout
    b = json.loads(out)
    if b.get("build") != "release":
        sys.exit(f"{a.binary} is a {b.get('build', 'unknown')} build; time a release build (swift build -c release)")
    swift_ms = b["ms_per_iteration"]
    lines = [
        f"Machine: {machine()}",
        f"numpy notebook (notebook.py):      {numpy_ms:8.3f} ms/iteration ({a.numpy_iterations} iterations, sampling every 100)",
        f"lstm-trace, tracing off:           {swift_ms:8.3f} ms/iteration ({a.iterations} iterations, {b['threads']} threads, fastest of 3)",
        f"lstm-trace, one iteration traced:  {b['ms_one_traced_iteration_extra']:8.1f} ms more than an untraced one, "
        f"+{b['one_trace_overhead_percent']:.1f}% over a 5000-iteration run (the JSON trace is {b['trace_json_bytes'] / 1e6:.1f} MB)",
        f"lstm-trace, every iteration traced:{b['ms_per_iteration_all_traced']:8.3f} ms/iteration",
        f"lstm-trace memory: {b['rss_mb_after_third']:.1f} MB resident after {a.iterations // 3} iterations, "
        f"{b['rss_mb_at_end']:.1f} MB after {a.iterations}",
        f"Speed-up over numpy: {numpy_ms / swift_ms:.1f}x",
    ]
    print("\n".join(lines))
    if a.markdown:
        with open(a.markdown, "w") as f:
            f.write("# Benchmarks\n\n")
            f.write("Written by `python3 Examples/python/bench.py BINARY DATA --markdown docs/benchmarks.md` on "
                    f"{datetime.date.today().isoformat()}. Timings vary from run to run and machine to machine; "
                    "this page is not checked by `lstm-trace docs --check`.\n\n")
            f.write("The model is the notebook's (H = 100, T = 25, X = 62 on the Shakespeare sample). Both programs "
                    "run the same training loop, sampling 200 characters every 100 iterations, in the same run on the "
                    "same machine.\n\n```\n" + "\n".join(lines) + "\n```\n")
        print("wrote", a.markdown)


if __name__ == "__main__":
    main()
