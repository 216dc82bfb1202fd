"""Traces given to `html --from` and `compare`: numbers JSON or float64 cannot hold, sections of
the wrong type and shape, empty arrays, deep nesting, other encodings, cut files, large files.

html --from must refuse every bad file with 65 and write nothing; compare must refuse
bad JSON with 65 and never call a difference of shape
or type "no difference" (exit 0)."""
import json
import os
import re

from .files import text_problem
from .judge import Case

NUMBER = re.compile(rb"(?<=[:\[,\s])-?\d+(\.\d+)?([eE][+-]?\d+)?(?=[,\]\s}])")
BAD_NUMBERS = [b"1e400", b"-1e400", b"01", b"-01", b"00", b"1.e5", b".5", b"+1", b"NaN", b"Infinity",
               b"-Infinity", b"1e", b"0x10", b"1_000", b"-", b"1" * 400]
ODD_NUMBERS = [b"1e-400", b"-0", b"123456789012345678901234567890", b"1E+2", b"5e-324", b"1.7976931348623157e308"]
KINDS = {"a string": "x", "a number": 5, "null": None, "true": True, "an object": {"a": 1}, "an array": [[1]]}


def bytes_per_value_bound(size):
    """Peak memory allowed for reading a file of `size` bytes: 300 MB, and 16 bytes for each
    byte (a JSON value takes 16 bytes and needs at least one byte of text, two with its comma;
    an array's growth may double that for a moment)."""
    return 300 + 16 * size / 1e6


def cases(ctx):
    out = []
    for base_name, base in ctx.traces.items():
        with open(base, "rb") as f:
            text = f.read()
        trace = json.loads(text)
        variants = list(mutations(ctx, base_name, text, trace))
        for name, data, html_expect, compare_expect in variants:
            out += pair(ctx, f"{base_name}/{name}", base, data, html_expect, compare_expect)
    out += large_files(ctx)
    return out


def pair(ctx, name, base, data, html_expect, compare_expect):
    """The two cases of one file: html --from it, and compare it with its base."""
    folder = ctx.folder("json")
    path = os.path.join(folder, "trace.json")
    with open(path, "wb") as f:
        f.write(data)
    page = os.path.join(folder, "page.html")
    bound = bytes_per_value_bound(len(data))
    cases = [Case("json", f"html/{name}", ["html", "--from", path, "-o", page], html_expect, watch=[folder],
                  outputs=[(page, text_problem("</html>"))] if 0 in html_expect else [], memory_mb=bound,
                  keep=[page] if 0 not in html_expect else [])]
    if compare_expect:
        cases.append(Case("json", f"compare/{name}", ["compare", base, path], compare_expect, memory_mb=bound))
    if "[]" in name:  # the same empty array in both files: compared (0) or refused (65), never a trap
        cases.append(Case("json", f"compare/{name} in both", ["compare", path, path], (0, 65), memory_mb=bound))
    return cases


def mutations(ctx, base_name, text, trace):
    """(name, bytes, html's exit codes, compare's exit codes) for one base trace."""
    rng = ctx.rng
    yield "unchanged", text, (0,), (0,)
    numbers = list(NUMBER.finditer(text))
    for token in BAD_NUMBERS:
        m = rng.choice(numbers)
        yield f"number {token[:12].decode()}", text[:m.start()] + token + text[m.end():], (65,), (65,)
    for token in ODD_NUMBERS:
        m = rng.choice(numbers)
        yield f"odd number {token[:12].decode()}", text[:m.start()] + token + text[m.end():], (0, 65), (0, 1, 65)
    # Sections of the wrong type (another JSON type than the section's own).
    sections = [k for k in ("config", "parameters", "forward", "target", "loss", "backward", "gradients", "clipped") if k in trace]
    for key in rng.sample(sections, min(5, len(sections))):
        own = type(trace[key])
        kind = rng.choice([k for k, v in KINDS.items() if type(v) is not own and not (own is float and isinstance(v, int) and not isinstance(v, bool))])
        # (compare reads flat layouts too, where a number may be a value: a difference, 1, will do.)
        yield f"{key} is {kind}", dump(edit(trace, lambda t: t.__setitem__(key, KINDS[kind]))), (65,), (1, 65)
    step_key = rng.choice([k for k in trace["forward"][0] if k != "t"])
    yield f"forward[0].{step_key} is a string", dump(edit(trace, lambda t: t["forward"][0].__setitem__(step_key, "x"))), (65,), (1, 65)
    # Shapes: a row missing, a ragged row, a column too many, a vector too long, 1×4 for 2×2.
    yield "W_f without its last row", dump(edit(trace, lambda t: t["parameters"]["W_f"].pop())), (65,), (1, 65)
    yield "W_f ragged", dump(edit(trace, lambda t: t["parameters"]["W_f"][0].pop())), (65,), (1, 65)
    yield "W_f a column more", dump(edit(trace, lambda t: [r.append(0.5) for r in t["parameters"]["W_f"]])), (65,), (1, 65)
    yield "h too long", dump(edit(trace, lambda t: t["forward"][0]["h"].append(0.5))), (65,), (1, 65)
    head = "W_y" if "W_y" in trace["parameters"] else "W_v"
    yield f"{head} flattened", dump(edit(trace, lambda t: t["parameters"].__setitem__(head, [sum(t["parameters"][head], [])]))), (65,), (1, 65)
    yield f"{head} transposed", dump(edit(trace, lambda t: t["parameters"].__setitem__(head, [list(c) for c in zip(*t["parameters"][head])]))), (65,), (1, 65)
    # Empty arrays under keys.
    yield "loss []", dump(edit(trace, lambda t: t.__setitem__("loss", []))), (65,), (1, 65)
    yield "target []", dump(edit(trace, lambda t: t.__setitem__("target", []))), (65,), (1, 65)
    yield "f []", dump(edit(trace, lambda t: t["forward"][0].__setitem__("f", []))), (65,), (1, 65)
    yield "forward []", dump(edit(trace, lambda t: t.__setitem__("forward", []))), (65,), (1, 65)
    yield "W_f []", dump(edit(trace, lambda t: t["parameters"].__setitem__("W_f", []))), (65,), (1, 65)
    yield "W_f [[]]", dump(edit(trace, lambda t: t["parameters"].__setitem__("W_f", [[]]))), (65,), (1, 65)
    # A config that claims more than the file holds (html allocates by it).
    for hidden in rng.sample([4, 40000, 1 << 24, (1 << 24) + 1, 0, -1, "5", 5.5, 1e300], 5):
        yield f"config.hidden {hidden}", dump(edit(trace, lambda t: t["config"].__setitem__("hidden", hidden))), (65,), None
    # Nesting.
    for depth in (300, 100_000):
        nested = b"[" * depth + b"1" + b"]" * depth
        m = rng.choice(numbers)
        yield f"nested {depth}", text[:m.start()] + nested + text[m.end():], (65,), (65,)
    # Encodings.
    as_text = text.decode()
    yield "UTF-8 byte-order mark", b"\xef\xbb\xbf" + text, (0,), (0,)
    yield "UTF-16 with a mark", as_text.encode("utf-16"), (65,), (65,)
    yield "UTF-16BE without a mark", as_text.encode("utf-16-be"), (65,), (65,)
    yield "UTF-32", as_text.encode("utf-32"), (65,), (65,)
    concat = re.search(rb'"concat": "[^"]*', text).end()  # inside the value of config.concat
    yield "Latin-1 in a string", text[:concat] + b"\xe9" + text[concat:], (65,), (65,)
    yield "a broken UTF-8 sequence in a string", text[:concat] + b"\xe2\x82" + text[concat:], (65,), (65,)
    yield "a raw tab in a string", text[:concat] + b"\t" + text[concat:], (65,), (65,)
    pos = rng.randrange(len(text))
    yield "a NUL byte", text[:pos] + b"\x00" + text[pos:], (65,), (65,)
    for k in range(4):
        cut = rng.randrange(1, len(text) - 1)
        yield f"cut at {cut}", text[:cut], (65,), (65,)
    yield "trailing garbage", text + b"}", (65,), (65,)
    for other in (b"", b"  \n", b"null", b"[]", b"\"trace\"", b"{}"):
        yield f"only {other.decode().strip() or 'space' if other else 'empty'}", other, (65,), (65,)


def large_files(ctx):
    """Files far larger than a trace: memory must stay within a bound per byte."""
    out = []
    folder = ctx.folder("json-large")
    base = next(iter(ctx.traces.values()))

    def file(name, writer):
        path = os.path.join(folder, name)
        with open(path, "wb") as f:
            writer(f)
        return path

    def zeros(count):
        def write(f):
            f.write(b'{"target":[')
            chunk = b"0," * 1_000_000
            for _ in range(count // 1_000_000):
                f.write(chunk)
            f.write(b"0]}")
        return write

    sizes = [("zeros 20 MB", zeros(10_000_000)), ("zeros 80 MB (over 2^25 values)", zeros(40_000_000)),
             ("a 20 MB string", lambda f: f.write(b'{"format": "' + b"x" * 20_000_000 + b'"}')),
             ("a number of 1,000,000 digits", lambda f: f.write(b'{"loss": ' + b"7" * 1_000_000 + b"}")),
             ("a fraction of 1,000,000 digits", lambda f: f.write(b'{"loss": 0.' + b"7" * 1_000_000 + b"}"))]
    # compare: a file that is valid JSON but not a trace like its base is a difference or bad data.
    compare_expect = {"zeros 20 MB": (1, 65), "a fraction of 1,000,000 digits": (1, 65)}
    for name, writer in sizes:
        path = file(name.split(" (")[0].replace(" ", "-") + ".json", writer)
        bound = bytes_per_value_bound(os.path.getsize(path))
        page = os.path.join(folder, "page.html")
        out.append(Case("json", f"html/large/{name}", ["html", "--from", path, "-o", page], (65,), memory_mb=bound,
                        watch=[folder], timeout=60))
        out.append(Case("json", f"compare/large/{name}", ["compare", base, path], compare_expect.get(name, (65,)),
                        memory_mb=bound, timeout=60))
    sparse = os.path.join(folder, "sparse-2GB.json")
    with open(sparse, "wb") as f:
        f.truncate(2 << 30)
    out.append(Case("json", "html/large/a sparse 2 GB file", ["html", "--from", sparse], (65,), memory_mb=300, timeout=20))
    out.append(Case("json", "compare/large/a sparse 2 GB file", ["compare", base, sparse], (65,), memory_mb=300, timeout=20))
    return out


def edit(trace, change):
    copy = json.loads(json.dumps(trace))
    change(copy)
    return copy


def dump(value):
    return json.dumps(value, indent=1).encode()
