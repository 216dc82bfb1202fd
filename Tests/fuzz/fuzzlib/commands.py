"""Every command run as a user would, at small sizes and at the edges of what it accepts: each
must succeed (or report a failed check with 1), print no NaN or infinity, and write outputs
that are whole (JSON that parses, pages that end)."""
import os

from .files import checkpoint_problem, json_problem, text_problem
from .judge import Case


def cases(ctx):
    out = []

    def add(name, argv, expect=(0,), outputs=(), timeout=120):
        folder = ctx.folder("commands")
        out.append(Case("commands", name, argv, expect, cwd=folder, watch=[folder],
                        outputs=[(os.path.join(folder, p), c) for p, c in outputs], timeout=timeout))

    for loss in ("mse-last", "mse-all", "cross-entropy"):
        for concat in ("h-first", "x-first"):
            for fmt, check in (("json", json_problem), ("csv", text_problem("gradient,")), ("md", text_problem("Parameter gradients"))):
                add(f"step {loss} {concat} {fmt}", ["step", "--steps", "3", "--loss", loss, "--concat", concat, "--output", "3",
                                                    "--format", fmt, "-o", f"t.{fmt}"], outputs=[(f"t.{fmt}", check)])
    # Values at the edges, where a NaN would show.
    add("step, forget bias +100, 200 steps", ["step", "--forget-bias", "100", "--steps", "200", "--format", "json"])
    add("step, forget bias -100, notebook init", ["step", "--forget-bias", "-100", "--steps", "50", "--init", "notebook"])
    add("step, wide softmax", ["step", "--loss", "cross-entropy", "--output", "300", "--hidden", "64", "--input", "64", "--format", "csv"])
    add("step, large inputs", ["step", "--input", "2000", "--hidden", "40", "--steps", "3", "--format", "json"])
    add("step, forward only", ["step", "--no-backward", "--steps", "4"])
    add("gradcheck", ["gradcheck", "--format", "json", "-o", "g.json"], expect=(0, 1), outputs=[("g.json", json_problem)])
    add("gradcheck, epsilon 0.1", ["gradcheck", "--epsilon", "0.1"], expect=(0, 1))
    add("gradcheck, epsilon 1e-12", ["gradcheck", "--epsilon", "1e-12", "--loss", "cross-entropy"], expect=(0, 1))
    add("gradcheck, sampled", ["gradcheck", "--hidden", "100", "--input", "62", "--samples", "3"], expect=(0, 1))
    add("toy", ["toy", "--epochs", "5", "--format", "csv", "--plot", "p.svg"], outputs=[("p.svg", text_problem("</svg>"))])
    add("toy, traced", ["toy", "--epochs", "3", "--trace", "3:1", "--format", "json", "-o", "t.json"], outputs=[("t.json", json_problem)])
    add("toy, learning rate 1e6 (diverges: 1)", ["toy", "--epochs", "3", "--learning-rate", "1000000"], expect=(0, 1))
    add("toy, clipped", ["toy", "--epochs", "3", "--clip", "0.001", "--format", "json"])
    add("train, every output", ["train", "--iterations", "30", "--hidden", "16", "--steps", "10", "--report-every", "10", "--sample-length", "30",
                                "--save", "ck", "--log", "l.csv", "--plot", "p.svg", "--trace-iteration", "7", "--format", "json", "-o", "t.json"],
        outputs=[("ck", checkpoint_problem), ("t.json", json_problem), ("p.svg", text_problem("</svg>")), ("l.csv", text_problem("29,"))])
    add("train, learning rate 1e6 (diverges: 1)", ["train", "--iterations", "20", "--hidden", "8", "--steps", "5", "--learning-rate", "1000000",
                                                   "--clip", "1000000"], expect=(0, 1))
    add("train, one thread", ["train", "--iterations", "5", "--hidden", "8", "--steps", "5", "--threads", "1"])
    add("train on the Shakespeare sample" if ctx.corpus_is_real else "train on a text file",
        ["train", "--data", ctx.corpus, "--iterations", "3", "--hidden", "16", "--steps", "10"])
    add("sample", ["sample", "--checkpoint", ctx.checkpoint, "--length", "300", "--seed", "7"])
    add("sample, a long prime", ["sample", "--checkpoint", ctx.checkpoint, "--prime", "the " * 500, "--length", "5"])
    add("bench", ["bench", "--iterations", "30", "--repeat", "1", "--hidden", "8", "--steps", "5", "--format", "json"])
    add("bench, text", ["bench", "--iterations", "30", "--repeat", "1", "--hidden", "8", "--steps", "5"])
    add("html", ["html", "--steps", "3", "-o", "e.html"], outputs=[("e.html", text_problem("</html>"))])
    for name, trace in ctx.traces.items():
        add(f"html --from {name}", ["html", "--from", trace, "-o", "e.html"], outputs=[("e.html", text_problem("</html>"))])
    add("docs --pages forward.md --out", ["docs", "--pages", "forward.md", "--out", "d"], outputs=[("d/forward.md", text_problem("$$"))])
    add("docs --pages backward.md,concat-order.md --out", ["docs", "--pages", "backward.md,concat-order.md", "--out", "d"],
        outputs=[("d/backward.md", None), ("d/concat-order.md", None)])
    return out
