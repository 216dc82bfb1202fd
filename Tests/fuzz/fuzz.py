#!/usr/bin/env python3
"""The fuzz suite of lstm-trace (issue #13): generated cases, deterministic for a seed, run
against a built binary, judged for crashes, hangs, exit 0 on bad input, NaN printed with exit
0, unclear errors, half-written or replaced files, leftover temporary files, memory, and
checkpoints that do not resume exactly (fuzzlib/judge.py lists the kinds).

    python3 Tests/fuzz/fuzz.py .build/release/lstm-trace [--seed N] [--data FILE] [--jobs 2]
                               [--only json,checkpoint,...]

Categories: json (html --from, compare), checkpoint (sample, train --resume), options,
io (stdout, -o, --data), signals (train --save and others), commands.

Prints counts per category and every failure; exits 1 on any failure. Python 3 standard
library only."""
import argparse
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fuzzlib import checkpoints, commands, io_cases, jsoncases, options, signals  # noqa: E402
from fuzzlib.files import devices  # noqa: E402
from fuzzlib.judge import judge, short, snapshot  # noqa: E402
from fuzzlib.run import Result, limit_children, run  # noqa: E402

CATEGORIES = {"json": jsoncases, "checkpoint": checkpoints, "options": options, "io": io_cases, "signals": signals, "commands": commands}


class Context:
    """What the cases share: the binary, a seeded generator, a scratch folder, and valid inputs
    written by the binary itself (traces, a checkpoint) to mutate."""

    def __init__(self, binary, seed, data, root):
        self.bin = binary
        self.rng = random.Random(seed)
        self.root = root
        self.count = 0
        self.devices = devices(self.folder("devices"))
        self.corpus, self.corpus_is_real = self.find_corpus(data)
        base = self.folder("base")
        self.traces = {}
        for name, argv in [("mse-last", ["step", "--steps", "2"]),
                           ("mse-all", ["step", "--steps", "3", "--loss", "mse-all", "--concat", "x-first"]),
                           ("cross-entropy", ["step", "--steps", "3", "--loss", "cross-entropy", "--output", "4", "--init", "notebook"]),
                           ("train", ["train", "--iterations", "3", "--hidden", "8", "--steps", "5", "--trace-iteration", "1"])]:
            path = os.path.join(base, f"{name}.json")
            self.make(argv + ["--format", "json", "-o", path], path)
            self.traces[name] = path
        self.checkpoint = os.path.join(base, "ck")
        self.make(["train", "--iterations", "3", "--hidden", "8", "--steps", "5", "--save", self.checkpoint], self.checkpoint)

    def make(self, argv, path):
        r = subprocess.run([self.bin] + argv, capture_output=True, timeout=120, cwd=self.root)
        if r.returncode != 0 or not os.path.exists(path):
            sys.exit(f"fuzz: could not set up with {' '.join(argv)}: {r.stderr.decode()[:300]}")

    def find_corpus(self, data):
        here = os.path.dirname(os.path.abspath(__file__))
        for candidate in [data, os.environ.get("TRACELSTM_SHAKESPEARE"), os.path.join(here, "../../../shared/data/shakespear.txt")]:
            if candidate and os.path.isfile(candidate):
                return os.path.abspath(candidate), True
        path = os.path.join(self.folder("corpus"), "text.txt")
        words = ["the", "gate", "forgets", "and", "remembers", "a", "cell", "state", "flows", "back", "through", "time"]
        rng = random.Random(0)
        with open(path, "w") as f:
            f.write(" ".join(rng.choice(words) for _ in range(3000)) + "\n")
        return path, False

    def folder(self, kind):
        """A fresh folder for one case."""
        self.count += 1
        path = os.path.join(self.root, f"{kind}-{self.count:04d}")
        os.mkdir(path)
        return path


def run_case(ctx, case):
    load = subprocess.Popen([sys.executable, "-c", "while True: pass"]) if case.load else None  # a busy core
    try:
        before = {p: snapshot(p) for p in case.keep}
        result = run([ctx.bin] + case.argv, cwd=case.cwd, timeout=case.timeout, stdout=case.stdout, stdin=case.stdin,
                     stderr_mode=case.stderr_mode, blocked=case.blocked, during=case.during)
        if load:
            load.kill()
            load.wait()
            load = None
        failures = judge(case, result, before)
        result.stdout, result.stderr = result.stdout[:2000], result.stderr[:2000]  # keeps the suite small (see report)
        return case, result, failures
    except Exception as e:  # a fault of the suite itself is reported as a failure, never hidden
        return case, Result(argv=case.argv), [("fuzz error", f"{type(e).__name__}: {e}")]
    finally:
        if load:
            load.kill()
            load.wait()


def report(outcomes, seconds):
    by_category = defaultdict(list)
    for case, result, failures in outcomes:
        by_category[case.category].append((case, result, failures))
    print(f"\n{'category':<12}{'cases':>7}{'passed':>8}{'failed':>8}   failures by kind")
    total = Counter()
    for category in CATEGORIES:
        rows = by_category.get(category, [])
        if not rows:
            continue
        failed = [r for r in rows if r[2]]
        kinds = Counter(k for _, _, fs in failed for k in {k for k, _ in fs})
        total.update(cases=len(rows), failed=len(failed))
        note = ", ".join(f"{k}: {n}" for k, n in kinds.most_common())
        print(f"{category:<12}{len(rows):>7}{len(rows) - len(failed):>8}{len(failed):>8}   {note}")
    print(f"{'all':<12}{total['cases']:>7}{total['cases'] - total['failed']:>8}{total['failed']:>8}   in {seconds:.0f} s")
    # wait4's peak of a child is at least the suite's own (the child shares its memory until exec).
    print(f"(peak memory of the suite itself: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB; each case's bound is far above it)")
    early = [(c, r) for c, r, _ in outcomes if c.category == "signals" and "(early)" in c.name]
    if early:
        before_main = sum(1 for _, r in early if r.signal is not None)
        print(f"\nsignals sent 0-30 ms after exec: {before_main} of {len(early)} arrived before main (the process still starting), "
              f"where the default action ends the process before it has opened a file (informational, not failures)")
    listed = [(c, r, fs) for c, r, fs in outcomes if fs]
    if listed:
        print(f"\nFailures: {len(listed)}")
        for case, result, failures in listed:
            command = " ".join(short(a, 60) for a in case.argv)
            merged = {}
            for kind, detail in failures:
                merged.setdefault(kind, []).append(detail)
            for kind, details in merged.items():
                print(f"  [{kind}] {case.label}\n      {short('; '.join(details), 200)}\n      $ lstm-trace {short(command, 200)}")
    return total


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("binary")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--data", help="a text to train on (default: ../shared/data/shakespear.txt if present, else a generated one)")
    parser.add_argument("--jobs", type=int, default=2, help="cases run at once (signal cases always run one at a time)")
    parser.add_argument("--only", help="comma-separated categories")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder")
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    wanted = args.only.split(",") if args.only else list(CATEGORIES)
    limit_children()
    root = tempfile.mkdtemp(prefix="lstm-trace-fuzz-")
    start = time.monotonic()
    try:
        ctx = Context(binary, args.seed, args.data, root)
        generated = {name: CATEGORIES[name].cases(ctx) for name in wanted}
        print(f"lstm-trace fuzz: seed {args.seed}, {sum(map(len, generated.values()))} cases "
              f"({', '.join(f'{k} {len(v)}' for k, v in generated.items())}), binary {binary}, "
              f"{'root' if os.geteuid() == 0 else 'not root'}, corpus {'the Shakespeare sample' if ctx.corpus_is_real else 'generated'}")
        outcomes = []
        parallel = [c for name, cs in generated.items() if name != "signals" for c in cs]
        with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            outcomes += list(pool.map(lambda c: run_case(ctx, c), parallel))
        for case in generated.get("signals", []):
            outcomes.append(run_case(ctx, case))
        total = report(outcomes, time.monotonic() - start)
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    if total["failed"]:
        print(f"\nFUZZ FAILED: {total['failed']} failing cases")
        return 1
    print("\nfuzz passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
