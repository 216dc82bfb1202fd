"""A case, and the judgement of its run: what counts as a failure, by kind.

Kinds (the suite's vocabulary):
  crash                    killed by a signal it was not sent, or a Swift trap or runtime backtrace
  hang                     ran past its time limit (killed)
  exit 0 on bad input      exit 0 where the input or the command line is bad
  wrong exit code          an exit code the case does not allow
  NaN printed with exit 0  nan or inf in what a successful run printed or wrote
  error message            not one clear line: no 'Error: ' line first, more than one, raw
                           control characters, or a line of more than 500 characters
  half-written output      a successful run's output missing, incomplete or unreadable
  replaced file            a device, link, FIFO or existing file the run had to leave alone
                           changed (replaced by a regular file, overwritten after a failure)
  leftover temporary file  a '.name.tmp-PID' left in a folder the run wrote to
  memory                   peak resident memory over the case's bound
  resume                   a checkpoint saved on a signal that does not load or resume exactly
"""
import hashlib
import os
import re
import stat
from dataclasses import dataclass, field

ERROR_CODES = {64, 65, 66, 73, 74}
TRAP_MARKERS = ("Fatal error", "Program crashed", "*** Signal", "Backtracing", "Illegal instruction", "Segmentation fault")
NAN_PATTERN = re.compile(rb"(?i)(?<![a-z0-9_\\])(nan|[+-]?inf(inity)?)(?![a-z0-9_])")
TEMPORARY = re.compile(r"^\..*\.tmp-\d+$")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass
class Case:
    category: str
    name: str
    argv: list                      # the words after the binary's path
    expect: tuple                   # exit codes allowed
    cwd: str = None
    timeout: float = 30.0
    stdout: str = "capture"         # "capture", "closed", or a path opened for writing
    stdin: str = "null"
    stderr_mode: str = "capture"
    blocked: tuple = ()
    during: object = None           # during(proc, result): sends signals, feeds FIFOs
    memory_mb: float = 1500.0       # peak resident memory allowed
    watch: list = field(default_factory=list)    # folders that must hold no temporary file after
    outputs: list = field(default_factory=list)  # files a successful run writes: (path, checker)
    keep: list = field(default_factory=list)     # paths that must be the same after the run
    after: object = None            # after(result) -> [(kind, detail)]: checks of its own
    expected_signal: int = None     # a signal the case itself delivers and may end the run
    load: bool = False              # run it beside a process that keeps a core busy

    @property
    def label(self):
        return f"{self.category}/{self.name}"


def snapshot(path):
    """What a path is: its type and, for a link its target, for a file its content's hash, for
    a device its number; None when nothing is there."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return None
    if stat.S_ISLNK(info.st_mode):
        return ("link", os.readlink(path))
    if stat.S_ISREG(info.st_mode):
        with open(path, "rb") as f:
            return ("file", hashlib.sha256(f.read()).hexdigest())
    if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode):
        return ("device", info.st_rdev)
    if stat.S_ISFIFO(info.st_mode):
        return ("fifo",)
    if stat.S_ISDIR(info.st_mode):
        return ("folder",)
    return ("other",)


def judge(case, result, before):
    """The failures of one run: a list of (kind, detail)."""
    failures = []
    err = result.stderr_text
    code = result.returncode
    if result.timed_out:
        return [("hang", f"killed after {case.timeout:.0f} s")]
    if result.signal is not None and result.signal != case.expected_signal:
        failures.append(("crash", f"killed by signal {result.signal}"))
    if any(m in err for m in TRAP_MARKERS):
        failures.append(("crash", first_line(err, containing=TRAP_MARKERS)))
    if result.signal is None and code not in case.expect:
        kind = "exit 0 on bad input" if code == 0 else "wrong exit code"
        failures.append((kind, f"exit {code}, expected {'/'.join(map(str, case.expect))}: {first_line(err)}"))
    if code in ERROR_CODES:
        failures += message_problems(err)
    if code == 0:
        printed = [] if is_help(case.argv) else [(result.stdout, "stdout")]  # help text may say "NaN"
        for blob, where in printed + [(read(p), p) for p, _ in case.outputs]:
            m = NAN_PATTERN.search(numbers_of(blob or b""))
            if m:
                failures.append(("NaN printed with exit 0", f"{m.group(0).decode()} in {short(where)}"))
                break
        for path, check in case.outputs:
            problem = check(path) if check else (None if os.path.exists(path) else "missing")
            if problem:
                failures.append(("half-written output", f"{short(path)}: {problem}"))
    for path, was in before.items():
        now = snapshot(path)
        if now != was:
            failures.append(("replaced file", f"{short(path)} was {describe(was)}, is {describe(now)}"))
    for folder in case.watch:
        for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
            if TEMPORARY.match(name):
                failures.append(("leftover temporary file", os.path.join(short(folder), name)))
                os.unlink(os.path.join(folder, name))  # so the next case starts clean
    if result.peak_mb > case.memory_mb:
        failures.append(("memory", f"{result.peak_mb:.0f} MB, bound {case.memory_mb:.0f} MB"))
    if case.after and not any(k in ("crash", "hang") for k, _ in failures):
        failures += case.after(result)
    return failures


def is_help(argv):
    return not argv or argv[0] in ("help", "--help", "-h", "--version") or "--help" in argv or "-h" in argv


TRACE_DATA = re.compile(rb'<script type="application/json" id="trace-data">(.*?)</script>', re.S)


def numbers_of(blob):
    """Where a run's numbers are: a page's embedded trace (its script is code, which may say
    "NaN"), anything else whole."""
    if blob[:64].lower().lstrip().startswith(b"<!doctype html"):
        m = TRACE_DATA.search(blob)
        return m.group(1) if m else b""
    return blob


def message_problems(err):
    """An error must be one clear line: the first line that is not a note, starting 'Error: '."""
    lines = [l for l in err.split("\n") if l != ""]
    body = [l for l in lines if not l.startswith(("Note: ", "Warning: "))]
    problems = []
    if not body or not body[0].startswith("Error: "):
        problems.append(("error message", f"first line is not 'Error: …': {short(body[0] if body else '(nothing on stderr)')}"))
    if sum(l.startswith("Error: ") for l in lines) > 1:
        problems.append(("error message", "more than one 'Error:' line"))
    if CONTROL.search(err.replace("\n", "")):
        problems.append(("error message", "raw control characters on stderr"))
    if any(len(l) > 500 for l in lines):
        problems.append(("error message", f"a line of {max(map(len, lines))} characters"))
    return problems


def read(path):
    try:
        with open(path, "rb") as f:
            return f.read(64 << 20)
    except OSError:
        return b""


def first_line(text, containing=None):
    for line in text.split("\n"):
        if line.strip() and (containing is None or any(c in line for c in containing)):
            return short(line.strip())
    return "(nothing on stderr)"


def short(text, limit=140):
    text = str(text)
    return text if len(text) <= limit else text[: limit // 2] + "…" + text[-limit // 2 + 1:]


def describe(s):
    return "absent" if s is None else s[0] if s[0] in ("file", "fifo", "folder") else f"{s[0]} {s[1]}"
