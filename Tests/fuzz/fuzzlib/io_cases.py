"""Where output goes and where input comes from: a full or closed stdout, device nodes, links,
FIFOs, folders, missing and read-only folders, two outputs on one file; inputs that are
FIFOs, devices, folders, unreadable, sparse, empty or in another encoding.

Read-only folders: root ignores permission bits, so as root a folder where nothing can be
created is used instead: /proc (a file cannot be created there by anyone), and a path under a
regular file (ENOTDIR). As another user, a folder with mode 0555 too."""
import os
import select
import threading
import time

from .files import checkpoint_problem, json_problem, text_problem
from .judge import Case
from .run import wait_for_handler


def every_command(ctx):
    """A small run of each command, as (name, argv)."""
    small = ["--hidden", "8", "--steps", "5"]
    return [("step", ["step", "--steps", "2"]), ("gradcheck", ["gradcheck"]), ("toy", ["toy", "--epochs", "2", "--sequences", "3"]),
            ("train", ["train", "--iterations", "3", "--sample-length", "5"] + small),
            ("sample", ["sample", "--checkpoint", ctx.checkpoint, "--length", "5"]),
            ("bench", ["bench", "--iterations", "3", "--repeat", "1"] + small), ("html", ["html"]),
            ("docs", ["docs", "--pages", "forward.md", "--out", "docs-out"]),
            ("compare", ["compare", ctx.traces["mse-last"], ctx.traces["mse-last"]]), ("help", ["--help"]), ("version", ["--version"])]


def cases(ctx):
    out = []
    dev = ctx.devices
    for name, argv in every_command(ctx):
        for label, mode in (("stdout on /dev/full", dev["full"]), ("stdout closed", "closed")):
            folder = ctx.folder("io")
            out.append(Case("io", f"{label}/{name}", argv, (74,), cwd=folder, stdout=mode, watch=[folder, os.path.join(folder, "docs-out")], keep=[dev["full"]]))
        folder = ctx.folder("io")
        out.append(Case("io", f"stdin and stderr closed/{name}", argv, (0,), cwd=folder, stdin="closed", stderr_mode="closed", watch=[folder]))
    out += output_files(ctx)
    out += same_file(ctx)
    out += inputs(ctx)
    return out


def output_files(ctx):
    out = []
    dev = ctx.devices
    commands = [("step", ["step", "--steps", "2", "--format", "json"], json_problem), ("gradcheck", ["gradcheck", "--format", "json"], json_problem),
                ("html", ["html"], text_problem("</html>")), ("toy", ["toy", "--epochs", "2", "--sequences", "3", "--format", "json"], json_problem)]
    for name, argv, checker in commands:
        folder = ctx.folder("io")
        target = os.path.join(folder, "out")

        def add(label, path, expect, keep=(), outputs=(), setup=None, watch=()):
            if setup:
                setup()
            out.append(Case("io", f"-o {label}/{name}", argv + ["-o", path], expect, cwd=folder, keep=[p for p in keep],
                            outputs=list(outputs), watch=[folder] + list(watch)))

        add("a private /dev/null", dev["null"], (0,), keep=[dev["null"]])
        add("a private /dev/full", dev["full"], (73,), keep=[dev["full"]])
        link = os.path.join(folder, "to-null")
        add("a link to /dev/null", link, (0,), keep=[link, dev["null"]], setup=lambda: os.symlink(dev["null"], link))
        full_link = os.path.join(folder, "to-full")
        add("a link to /dev/full", full_link, (73,), keep=[full_link], setup=lambda: os.symlink(dev["full"], full_link))
        real = os.path.join(folder, "real")
        file_link = os.path.join(folder, "to-real")

        def make_file_link():
            with open(real, "w") as f:
                f.write("old")
            os.symlink("real", file_link)
        add("a link to a file (the link stays)", file_link, (0,), keep=[file_link], outputs=[(real, checker)], setup=make_file_link)
        dangling = os.path.join(folder, "dangling")
        add("a dangling link", dangling, (73,), keep=[dangling], setup=lambda: os.symlink("nowhere/x", dangling))
        add("-", "-", (0,), keep=[os.path.join(folder, "-")])
        stdout_link = os.path.join(folder, "to-stdout")
        add("a link to /proc/self/fd/1", stdout_link, (0,), setup=lambda: os.symlink("/proc/self/fd/1", stdout_link))
        add("a folder", folder, (73,))
        under = os.path.join(folder, "a-file")
        add("a path under a file", os.path.join(under, "x"), (73,), keep=[under], setup=lambda: open(under, "w").close())
        add("a missing folder", os.path.join(folder, "missing", "x"), (73,), keep=[os.path.join(folder, "missing")])
        add("an empty name", "", (73,))
        add("a read-only place (/proc)", "/proc/lstm-trace-fuzz-out", (73,))
        if os.geteuid() != 0:
            ro = os.path.join(folder, "read-only")
            os.mkdir(ro)
            os.chmod(ro, 0o555)
            add("a read-only folder", os.path.join(ro, "x"), (73,), keep=[os.path.join(ro, "x")])
        fifo = os.path.join(folder, "fifo")
        add("a FIFO without a reader", fifo, (73,), keep=[fifo], setup=lambda: os.mkfifo(fifo))
        reader_fifo = os.path.join(ctx.folder("io"), "fifo")
        os.mkfifo(reader_fifo)
        out.append(Case("io", f"-o a FIFO with a reader/{name}", argv + ["-o", reader_fifo], (0,), keep=[reader_fifo],
                        during=fifo_reader(reader_fifo)))
        # A command that fails after its -o was checked leaves an existing file as it was.
        existing = os.path.join(folder, "existing")
        with open(existing, "w") as f:
            f.write("keep me")
        bad = os.path.join(folder, "bad.json")
        with open(bad, "w") as f:
            f.write('{"format": "lstm-trace/1", "loss": 01}')
        out.append(Case("io", f"-o an existing file, run fails/{name}", ["html", "--from", bad, "-o", existing], (65,), keep=[existing], watch=[folder]))
    return out


def fifo_reader(path):
    """A `during` that reads the FIFO while the child runs. Its end is opened before the child
    exists, so the child always finds a reader (opening it from a thread after the spawn raced
    with the child's own open). It is opened read-write, which Linux allows for a FIFO, so a read
    made before the child has opened its end finds no data rather than end of file; the reader
    drains what is there and stops once the child has ended."""
    def during(proc, result):
        def read(fd):
            try:
                while True:
                    ready, _, _ = select.select([fd], [], [], 0.05)
                    if ready:
                        os.read(fd, 65536)
                    elif proc.poll() is not None:
                        break
            except OSError:
                pass
            finally:
                os.close(fd)
        threading.Thread(target=read, args=(during.fd,), daemon=True).start()

    def before():
        during.fd = os.open(path, os.O_RDWR | os.O_NONBLOCK)
    during.before = before
    return during


def same_file(ctx):
    out = []
    small = ["--hidden", "8", "--steps", "5", "--iterations", "3"]
    for label, extra in [("--log X --save X", ["--log", "X", "--save", "X"]), ("--plot X.svg --log X.svg", ["--plot", "X.svg", "--log", "X.svg"]),
                         ("--save X -o X", ["--save", "X", "--trace-iteration", "1", "-o", "X"]),
                         ("--log ./X --save sub/../X", ["--log", "./X", "--save", "sub/../X"])]:
        folder = ctx.folder("io")
        os.mkdir(os.path.join(folder, "sub"))
        out.append(Case("io", f"same file/train {label}", ["train"] + small + extra, (64,), cwd=folder, watch=[folder],
                        keep=[os.path.join(folder, "X"), os.path.join(folder, "X.svg")]))
    folder = ctx.folder("io")
    out.append(Case("io", "same file/toy -o X.svg --plot X.svg", ["toy", "--epochs", "2", "-o", "X.svg", "--plot", "X.svg"], (64,),
                    cwd=folder, watch=[folder], keep=[os.path.join(folder, "X.svg")]))
    folder = ctx.folder("io")
    out.append(Case("io", "train --save - is refused", ["train"] + small + ["--save", "-"], (64,), cwd=folder, watch=[folder]))
    # Every output of train checked before the run: a bad --plot fails at once, not after 100,000,000 iterations.
    for option, name in [("--save", "ck"), ("--log", "l.csv"), ("--plot", "p.svg"), ("-o", "t.json")]:
        folder = ctx.folder("io")
        extra = ["--trace-iteration", "5"] if option == "-o" else []
        out.append(Case("io", f"train checks {option} first", ["train", "--iterations", "100000000", "--hidden", "8", "--steps", "5", option,
                                                               os.path.join(folder, "nodir", name)] + extra, (73,), cwd=folder, watch=[folder], timeout=20))
    # A save that fails with the log open leaves no temporary log (the case).
    folder = ctx.folder("io")
    out.append(Case("io", "train --save nodir/ck --log l.csv", ["train"] + small + ["--save", "nodir/ck.bin", "--log", "l.csv"], (73,),
                    cwd=folder, watch=[folder], keep=[os.path.join(folder, "l.csv")]))
    folder = ctx.folder("io")
    out.append(Case("io", "train --log on /dev/full", ["train"] + small + ["--log", ctx.devices["full"]], (73,), cwd=folder, watch=[folder],
                    keep=[ctx.devices["full"]]))
    folder = ctx.folder("io")
    out.append(Case("io", "train with every output", ["train"] + small + ["--save", "ck", "--log", "l.csv", "--plot", "p.svg",
                                                                          "--trace-iteration", "1", "--format", "json", "-o", "t.json"], (0,),
                    cwd=folder, watch=[folder], outputs=[(os.path.join(folder, "ck"), checkpoint_problem), (os.path.join(folder, "t.json"), json_problem),
                                                         (os.path.join(folder, "p.svg"), text_problem("</svg>")),
                                                         (os.path.join(folder, "l.csv"), text_problem("2,"))]))
    # The log never becomes stdout when stdout is closed.
    folder = ctx.folder("io")
    out.append(Case("io", "train --log FILE >&-", ["train"] + small + ["--log", "l.csv"], (74,), cwd=folder, stdout="closed", watch=[folder],
                    keep=[os.path.join(folder, "l.csv")]))
    return out


def inputs(ctx):
    out = []
    dev = ctx.devices
    small = ["--iterations", "2", "--hidden", "8", "--steps", "5", "--sample-length", "5"]
    folder = ctx.folder("io")

    def data(label, path, expect, timeout=30, during=None, expected_signal=None):
        out.append(Case("io", f"--data {label}", ["train", "--data", path] + small, expect, cwd=folder, watch=[folder],
                        timeout=timeout, during=during, expected_signal=expected_signal))

    data("/dev/zero", dev["zero"], (65,), timeout=10)
    data("/dev/urandom", dev["urandom"], (65,), timeout=10)
    data("/dev/null", dev["null"], (65,))
    data("a folder", folder, (66,))
    data("a missing file", os.path.join(folder, "missing"), (66,))
    data("/proc/self/mem (unreadable)", "/proc/self/mem", (66,))
    sparse = os.path.join(folder, "sparse")
    with open(sparse, "wb") as f:
        f.truncate(3 << 30)
    data("a sparse 3 GB file", sparse, (65,), timeout=10)
    for label, content in [("UTF-16", "hello world, a text\n".encode("utf-16") * 10), ("Latin-1", "caf\xe9 au lait, ".encode("latin-1") * 10),
                           ("one character", b"a"), ("empty", b"")]:
        path = os.path.join(folder, label)
        with open(path, "wb") as f:
            f.write(content)
        data(label, path, (65,))
    # A FIFO that no one writes to: it says it waits, and SIGTERM stops the wait (130), within seconds.
    fifo = os.path.join(ctx.folder("io"), "fifo")
    os.mkfifo(fifo)

    def stop_waiting(proc, result):
        wait_for_handler(proc.pid, 15)
        time.sleep(0.6)
        os.kill(proc.pid, 15)
    data("a FIFO without a writer, then SIGTERM", fifo, (130,), timeout=10, during=stop_waiting)
    fed = os.path.join(ctx.folder("io"), "fifo")
    os.mkfifo(fed)
    text = open(ctx.corpus, "rb").read()

    def feed(proc, result):
        def write():
            with open(fed, "wb") as f:
                f.write(text)
        threading.Thread(target=write, daemon=True).start()
    data("a FIFO with a writer", fed, (0,), during=feed)
    # Traces from devices and FIFOs.
    out.append(Case("io", "html --from /dev/zero", ["html", "--from", dev["zero"]], (65,), timeout=10))
    out.append(Case("io", "html --from /dev/null", ["html", "--from", dev["null"]], (65,)))
    out.append(Case("io", "sample --checkpoint /dev/urandom", ["sample", "--checkpoint", dev["urandom"]], (65,), timeout=20, memory_mb=1500))
    return out
