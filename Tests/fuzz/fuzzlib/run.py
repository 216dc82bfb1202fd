"""Running the binary once: a time limit (a hang is killed and reported), an address-space
limit (a runaway allocation fails inside the child instead of swapping the machine), its peak
memory (wait4's rusage), and stdout captured, closed, or opened on a path."""
import os
import resource
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass, field

# Every child may map this much address space; lstm-trace maps far less (a few hundred MB).
ADDRESS_SPACE_LIMIT = 6 << 30


@dataclass
class Result:
    argv: list
    returncode: int = None          # exit code; None when a signal ended it
    signal: int = None              # the signal that ended it, if one did
    stdout: bytes = b""
    stderr: bytes = b""
    peak_mb: float = 0.0
    seconds: float = 0.0
    timed_out: bool = False
    sent_signals: list = field(default_factory=list)

    @property
    def stderr_text(self):
        return self.stderr.decode("utf-8", "replace")

    @property
    def stdout_text(self):
        return self.stdout.decode("utf-8", "replace")


def limit_children():
    """Limits every child to come (children inherit the limits): its address space, so that a
    runaway allocation fails inside it instead of swapping the machine, and no core files.
    (Set in the suite's own process: preexec_fn is not safe with threads, which the suite uses.)"""
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE_LIMIT, ADDRESS_SPACE_LIMIT))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def run(argv, *, cwd=None, timeout=30.0, stdout="capture", stdin="null", stderr_mode="capture",
        blocked=(), during=None, env=None):
    """Runs argv in its own session. stdout: "capture", "closed", or a path opened for writing
    (not created). stdin: "null" or "closed"; stderr_mode: "capture" or "closed" (closed through
    /bin/sh's `exec … >&-`). `blocked` signals are blocked in it from its start (the calling
    thread's mask is inherited across fork and exec). `during(proc, result)` runs while it runs
    (to send signals). Returns a Result."""
    res = Result(argv=list(argv))
    closing = [r for r, wanted in (("<&-", stdin == "closed"), (">&-", stdout == "closed"), ("2>&-", stderr_mode == "closed")) if wanted]
    if closing:
        argv = ["/bin/sh", "-c", 'exec "$@" ' + " ".join(closing), "sh"] + list(argv)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        out_arg = out if stdout in ("capture", "closed") else os.open(stdout, os.O_WRONLY)
        start = time.monotonic()
        if during is not None and hasattr(during, "before"):
            during.before()  # e.g. a FIFO's reader, which must exist before the child opens it
        old = signal.pthread_sigmask(signal.SIG_BLOCK, blocked) if blocked else None
        try:
            proc = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.DEVNULL, stdout=out_arg, stderr=err,
                                    start_new_session=True, env=env)
        finally:
            if old is not None:
                signal.pthread_sigmask(signal.SIG_SETMASK, old)
        if during is not None:
            try:
                during(proc, res)
            except Exception as e:  # a helper's failure must not leave the child running
                res.stderr += f"\n[fuzz: helper failed: {e}]".encode()
        deadline = start + timeout
        status = None
        while True:
            pid, st, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid == proc.pid:
                status = st
                break
            if time.monotonic() > deadline:
                res.timed_out = True
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.002)
        proc.returncode = 0  # reaped by wait4 above; keep Popen from waiting again
        res.seconds = time.monotonic() - start
        res.peak_mb = usage.ru_maxrss / 1024
        if os.WIFEXITED(status):
            res.returncode = os.WEXITSTATUS(status)
        else:
            res.signal = os.WTERMSIG(status)
        if isinstance(out_arg, int):
            os.close(out_arg)
        out.seek(0)
        err.seek(0)
        res.stdout = out.read(4 << 20)
        res.stderr = err.read(1 << 20)
    return res


def handlers_installed(pid, signum):
    """Whether the process has a handler for `signum` (its SigCgt mask in /proc)."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("SigCgt:"):
                    return bool(int(line.split()[1], 16) & (1 << (signum - 1)))
    except OSError:
        return False
    return False


def wait_for_handler(pid, signum, limit=10.0):
    """Waits until `pid` catches `signum`; False if it never does (or has exited)."""
    end = time.monotonic() + limit
    while time.monotonic() < end:
        if handlers_installed(pid, signum):
            return True
        time.sleep(0.0005)
    return False
