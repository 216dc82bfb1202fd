"""Signals at random moments.

train --save, SIGINT or SIGTERM once at a random moment after its handlers are installed (read
from /proc/PID/status): it must exit 130 (or 0 if it had finished), with a checkpoint that is
whole, a log that is whole, and a resume from that checkpoint that continues exactly the
iterations of a straight run. Twice in quick succession (often inside a save): exit 130 at
once, no temporary file left, any checkpoint there whole. Half of them run beside a process
that keeps a core busy (under load).

A signal already pending when the program starts (its parent's thread had it blocked, as a
test runner's does) must be caught, not fatal.

Signals sent in the first 30 milliseconds, whether or not the handlers exist yet: the program can only catch a
signal from its first instruction of main on; before that the kernel and the loader are still
starting it (a release build links the Swift runtime and Foundation statically: about 5 ms
measured, against 10 to 20 ms with a dozen shared libraries; more on a loaded machine), and the
signal's default action ends the process before it has opened any file. These are counted and reported
(`early`), not failures, unless the run then misbehaves in another way.

Other commands, stopped by a signal while they write: no temporary file is left, and an output
is either absent or whole."""
import csv
import os
import signal
import subprocess
import time

from .files import checkpoint_problem, json_problem, split_checkpoint
from .judge import Case
from .run import wait_for_handler

TRAIN = ["--hidden", "16", "--steps", "10", "--report-every", "100", "--sample-length", "20"]
ITERATIONS = 600


def rows(path):
    """The log's (iteration, loss, smooth loss) rows (elapsed time left out)."""
    try:
        with open(path, newline="") as f:
            return [tuple(r[:3]) for r in list(csv.reader(f))[1:] if r]
    except OSError:
        return None


class Straight:
    """The run every interrupted one is measured against."""

    def __init__(self, ctx):
        folder = ctx.folder("signals")
        self.log = os.path.join(folder, "straight.csv")
        start = time.monotonic()
        subprocess.run([ctx.bin, "train", "--iterations", str(ITERATIONS), "--log", self.log] + TRAIN,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, timeout=300)
        self.seconds = time.monotonic() - start
        self.rows = rows(self.log)


def cases(ctx):
    rng = ctx.rng
    straight = Straight(ctx)
    out = []
    for k in range(16):
        out.append(single(ctx, straight, k, rng.choice([signal.SIGINT, signal.SIGTERM]), rng.uniform(0, 1.1 * straight.seconds),
                          under_load=k % 2 == 1))
    for k in range(8):
        out.append(double(ctx, k, rng.choice([signal.SIGINT, signal.SIGTERM]), rng.uniform(0.05, 1.5), rng.uniform(0, 0.02), under_load=k % 2 == 1))
    for k in range(3):
        out.append(pending_at_start(ctx, straight, k))
    for k in range(12):  # spread over the first 30 ms
        out.append(early(ctx, straight, k, k * 0.0025 + rng.uniform(0, 0.0005), under_load=k % 2 == 1))
    for k in range(4):
        out += others(ctx, k, rng)
    return out


def resume_problems(ctx, folder, ck, log, result, straight):
    """The checkpoint is whole, the log holds exactly the straight run's first rows, and resuming
    gives the straight run's next rows."""
    problems = []
    if result.returncode not in (0, 130):
        return problems
    p = checkpoint_problem(ck)
    if p:
        return [("resume", f"checkpoint: {p}")]
    with open(ck, "rb") as f:
        k = split_checkpoint(f.read())[1]["iteration"]
    logged = rows(log)
    if logged != straight.rows[:k]:
        problems.append(("resume", f"the log has {len(logged or [])} rows; the checkpoint is at iteration {k}, or rows differ"))
    if k >= ITERATIONS:
        return problems
    more = min(k + 5, ITERATIONS)
    resumed = os.path.join(folder, "resumed.csv")
    r = subprocess.run([ctx.bin, "train", "--resume", ck, "--iterations", str(more), "--log", resumed, "--report-every", "100",
                        "--sample-length", "20"], capture_output=True, timeout=60)
    if r.returncode != 0:
        problems.append(("resume", f"resume exit {r.returncode}: {r.stderr.decode()[:120]}"))
    elif rows(resumed) != straight.rows[k:more]:
        problems.append(("resume", f"resumed at {k}: rows differ from the straight run's"))
    return problems


def single(ctx, straight, k, signum, delay, under_load):
    folder = ctx.folder("signals")
    ck, log = os.path.join(folder, "ck"), os.path.join(folder, "log.csv")
    name = signal.Signals(signum).name

    def during(proc, result):
        if wait_for_handler(proc.pid, signum):
            time.sleep(delay)
            os.kill(proc.pid, signum)

    return Case("signals", f"train --save, one {name} at {delay * 1000:.0f} ms{' under load' if under_load else ''}",
                ["train", "--iterations", str(ITERATIONS), "--save", ck, "--save-every", "97", "--log", log] + TRAIN,
                (0, 130), cwd=folder, watch=[folder], during=during, timeout=120, load=under_load,
                after=lambda r: resume_problems(ctx, folder, ck, log, r, straight))


def double(ctx, k, signum, delay, gap, under_load):
    """Two signals: a stop at once, inside an iteration (of about 50 ms) or a save (11 MB, every iteration)."""
    folder = ctx.folder("signals")
    ck = os.path.join(folder, "ck")
    name = signal.Signals(signum).name

    def during(proc, result):
        if wait_for_handler(proc.pid, signum):
            time.sleep(delay)
            os.kill(proc.pid, signum)
            time.sleep(gap)
            os.kill(proc.pid, signum)

    def after(result):
        p = checkpoint_problem(ck) if os.path.exists(ck) else None
        return [("half-written output", f"checkpoint after a stop at once: {p}")] if p else []

    return Case("signals", f"train --save, two {name} {gap * 1000:.0f} ms apart at {delay * 1000:.0f} ms{' under load' if under_load else ''}",
                ["train", "--iterations", "1000000", "--hidden", "400", "--steps", "25", "--save", ck, "--save-every", "1",
                 "--log", "log.csv", "--plot", "p.svg"], (130, 0), cwd=folder, watch=[folder], during=during, timeout=120, after=after,
                load=under_load)


def pending_at_start(ctx, straight, k):
    """SIGTERM sent at once to a program started with it blocked: held until the handlers exist."""
    folder = ctx.folder("signals")
    ck, log = os.path.join(folder, "ck"), os.path.join(folder, "log.csv")

    def during(proc, result):
        os.kill(proc.pid, signal.SIGTERM)

    return Case("signals", f"train --save, SIGTERM pending at exec ({k + 1})",
                ["train", "--iterations", str(ITERATIONS), "--save", ck, "--log", log] + TRAIN, (130,), cwd=folder, watch=[folder],
                blocked=(signal.SIGTERM,), during=during, timeout=60,
                after=lambda r: resume_problems(ctx, folder, ck, log, r, straight))


def early(ctx, straight, k, delay, under_load):
    """SIGTERM in the first milliseconds, not blocked: counted when it lands before main."""
    folder = ctx.folder("signals")
    ck, log = os.path.join(folder, "ck"), os.path.join(folder, "log.csv")

    def during(proc, result):
        time.sleep(delay)
        os.kill(proc.pid, signal.SIGTERM)

    return Case("signals", f"train --save, SIGTERM {delay * 1000:.1f} ms after exec{' under load' if under_load else ''} (early)",
                ["train", "--iterations", str(ITERATIONS), "--save", ck, "--log", log] + TRAIN, (130, 0), cwd=folder, watch=[folder],
                during=during, timeout=60, expected_signal=signal.SIGTERM, load=under_load,
                after=lambda r: resume_problems(ctx, folder, ck, log, r, straight))


def others(ctx, k, rng):
    """Commands that write outputs, stopped by a signal: no temporary file, outputs absent or whole."""
    out = []
    for name, argv, output, check in [
            ("step writing a large trace", ["step", "--steps", "400", "--hidden", "200", "--format", "json", "-o", "big.json"], "big.json", json_problem),
            ("toy with a plot", ["toy", "--epochs", "100000", "--plot", "p.svg", "-o", "t.md"], "p.svg", None),
            ("docs --out", ["docs", "--out", "docs-out", "--pages", "forward.md,backward.md,toy-regression.md"], None, None)]:
        folder = ctx.folder("signals")
        signum = rng.choice([signal.SIGINT, signal.SIGTERM])
        delay = rng.uniform(0, 0.8)

        def during(proc, result, signum=signum, delay=delay):
            if wait_for_handler(proc.pid, signum):
                time.sleep(delay)
                os.kill(proc.pid, signum)

        def after(result, folder=folder, output=output, check=check):
            if output and check and os.path.exists(os.path.join(folder, output)):
                p = check(os.path.join(folder, output))
                return [("half-written output", f"{output}: {p}")] if p else []
            return []

        out.append(Case("signals", f"{name}, {signal.Signals(signum).name} at {delay * 1000:.0f} ms", argv, (0,), cwd=folder,
                        watch=[folder, os.path.join(folder, "docs-out")], during=during, expected_signal=signum, timeout=120, after=after))
    return out
