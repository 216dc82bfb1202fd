"""Command lines: every command's options given values that are not numbers, out of range,
NaN, infinite, empty, unicode, control characters or 130 kB long, as `--opt value` and as
`--opt=value` (each must be a usage error, 64, in one clear line that echoes the value escaped
and cut); values at the edges of their ranges, repeated options, and the parser's own edges
(each must run)."""
import os

from .judge import Case

# (Not "0x10": a number option reads it as Swift's Double does, as argument-parser does, 16.)
BAD_VALUES = ["", " ", "abc", "nan", "NaN", "inf", "-inf", "1e400", "-1e400", "99999999999999999999", "１", "٣",
              "3\n", "\x1b[31m3", "\u202e3", "ß", "-", "1,5", "9" * 130_000]
# Values of BAD_VALUES that an option takes (compare's --atol is any number from 0 to 1e100).
VALID_FOR = {"--atol": {"99999999999999999999"}}


def commands(ctx):
    """(name, base command line, numeric options, valid edge values) of every command, sized to run fast."""
    small_train = ["--hidden", "8", "--steps", "5"]
    return [
        ("step", ["step", "--steps", "2"], ["--input", "--hidden", "--output", "--steps", "--seed", "--forget-bias", "--precision"],
         [["--seed", "4294967295"], ["--forget-bias", "-100"], ["--forget-bias", "100"], ["--precision", "17"], ["--input", "1", "--hidden", "1", "--output", "1"]]),
        ("gradcheck", ["gradcheck"], ["--epsilon", "--samples", "--hidden"],
         [["--epsilon", "1e-12"], ["--samples", "1"], ["--samples", "1000000"]]),
        ("toy", ["toy", "--epochs", "2", "--sequences", "3"], ["--sequences", "--length", "--input", "--hidden", "--output", "--seed",
                                                                 "--learning-rate", "--epochs", "--clip", "--precision"],
         [["--clip", "1e-300"], ["--learning-rate", "5e-324"], ["--length", "1"], ["--seed", "0"]]),
        ("train", ["train", "--iterations", "3", "--sample-length", "5"] + small_train,
         ["--iterations", "--hidden", "--steps", "--learning-rate", "--weight-sd", "--clip", "--seed", "--report-every",
          "--sample-length", "--save-every", "--threads"],
         [["--report-every", "100000000"], ["--sample-length", "0"], ["--threads", "1"], ["--weight-sd", "100"], ["--seed", "4294967295"]]),
        ("sample", ["sample", "--checkpoint", ctx.checkpoint, "--length", "5"], ["--length", "--seed"],
         [["--length", "0"], ["--prime", "a"], ["--seed", "4294967295"]]),
        ("bench", ["bench", "--iterations", "3", "--repeat", "1"] + small_train, ["--iterations", "--repeat", "--hidden", "--steps", "--threads"],
         [["--format", "json"]]),
        ("html", ["html", "--steps", "2"], ["--input", "--hidden", "--output", "--steps", "--seed", "--forget-bias"],
         [["--title", "\u202e<script>alert(1)</script>\n\x01"], ["--concat", "x-first", "--loss", "mse-all"]]),
        ("docs", ["docs", "--pages", "forward.md", "--out", "docs-out"], ["--threads"], [["--threads", "1"]]),
        ("compare", ["compare", ctx.traces["mse-last"], ctx.traces["mse-last"]], ["--rtol", "--atol"],
         [["--rtol", "0"], ["--rtol", "1"], ["--atol", "0.5"], ["--atol", "99999999999999999999"]]),
    ]


def cases(ctx):
    rng = ctx.rng
    out = []
    for name, base, numeric, edges in commands(ctx):
        def case(label, extra, expect):
            folder = ctx.folder("options")
            out.append(Case("options", f"{name}/{label}", base + extra, expect, cwd=folder, watch=[folder], timeout=60))

        for option in numeric:
            for form in ("space", "equals"):
                value = rng.choice([v for v in BAD_VALUES if v not in VALID_FOR.get(option, ())])
                extra = [option, value] if form == "space" else [f"{option}={value}"]
                case(f"{option} {repr(value)[:20]} ({form})", extra, (64,))
            if option not in ("--forget-bias",):
                case(f"{option} -1", [option, "-1"], (64,))
        for edge in edges:
            case(f"valid {' '.join(edge)[:40]!r}", edge, (0,))
        twice = {"compare": ["--rtol", "0.5", "--rtol", "0.1"], "docs": ["--threads", "2", "--threads", "1"],
                 "sample": ["--length", "3", "--length", "2"]}.get(name, ["--hidden", "3", "--hidden", "2"])
        case("an option twice, the last wins", twice, (0,))
        case("an unknown option", ["--hiden", "3"], (64,))
        case("a misspelt option with a value inline", ["--hidden-units=3"], (64,))
        case("a missing value", [numeric[0]], (64,))
        case("a stray argument", ["--", "stray"] if name != "compare" else ["stray"], (64,))
        case("--help", ["--help"], (0,))
    # The top level.
    for label, argv, expect in [("no arguments", [], (0,)), ("--version", ["--version"], (0,)), ("help step", ["help", "step"], (0,)),
                                ("help of nothing", ["help", "nope"], (64,)), ("an empty subcommand", [""], (64,)),
                                ("a unicode subcommand", ["schritt\u202e"], (64,)), ("a 130 kB subcommand", ["s" * 130_000], (64,)),
                                ("an option before the subcommand", ["--hidden", "3"], (64,)),
                                ("a flag given a value", ["step", "--no-backward=1"], (64,)), ("-o without a file", ["step", "-o"], (64,)),
                                ("--flag twice", ["step", "--no-backward", "--no-backward"], (0,)),
                                ("-h among values", ["step", "--hidden", "-h"], (64,))]:
        folder = ctx.folder("options")
        out.append(Case("options", f"top/{label}", argv, expect, cwd=folder, watch=[folder]))
    return out
